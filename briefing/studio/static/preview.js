/* The live preview: PDF pages as images, redrawn after each change, the page being edited
   kept in view. A new build replaces each image only once its new picture has loaded, so the
   preview never flickers; pages out of view are drawn when they are scrolled to. */
"use strict";

class Preview {
  constructor(params) {
    this.params = params;                      // () => ({name, unit, meeting})
    this.pages = document.getElementById("pages");
    this.status = document.getElementById("preview-status");
    this.note = document.getElementById("preview-note");
    this.key = null;
    this.sequence = 0;
    this.figures = [];
    this.observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (entry.isIntersecting) this.load(Number(entry.target.dataset.index));
      }
    }, { root: this.pages, rootMargin: "800px 0px" });
  }

  width() {
    const css = Math.max(300, this.pages.clientWidth - 24);
    return Math.min(1600, Math.ceil(css * (window.devicePixelRatio || 1) / 100) * 100);
  }

  /** Ask for the preview of the current saved version; `focus` is the text being edited. */
  async refresh(focus, started) {
    const sequence = ++this.sequence;
    const p = this.params();
    const query = new URLSearchParams();
    if (p.unit) query.set("unit", p.unit);
    if (p.meeting) query.set("meeting", p.meeting);
    if (focus) query.set("focus", focus.slice(0, 300));
    if (this.lastPage !== undefined && this.lastPage !== null) query.set("near", String(this.lastPage));
    this.status.textContent = "Đang cập nhật…";
    let answer;
    try {
      answer = await Studio.api("/api/preview/" + encodeURIComponent(p.name) + "?" + query);
    } catch (error) {
      if (sequence === this.sequence) this.status.textContent = error.message;
      return;
    }
    if (sequence !== this.sequence) return;
    if (answer.status === "superseded") {   // another tab's newer build went first: ask again
      setTimeout(() => { if (sequence === this.sequence) this.refresh(focus, started); }, 400);
      return;
    }
    if (answer.status === "errors") {
      const count = answer.errors;
      this.note.textContent = `Tài liệu còn ${count} lỗi nên chưa dựng lại được bản in` +
        (answer.last_good ? "; đang hiện bản hợp lệ gần nhất." : ".");
      this.note.hidden = false;
      this.status.textContent = "";
      if (answer.last_good && answer.last_good.key !== this.key) this.show(answer.last_good, started);
      return;
    }
    this.note.hidden = true;
    this.status.textContent = `${answer.pages} trang · dựng trong ${answer.seconds.toFixed(1)} giây`;
    this.show(answer, started);
  }

  show(answer, started) {
    this.key = answer.key;
    while (this.figures.length > answer.pages) this.figures.pop().remove();
    for (let i = 0; i < answer.pages; i++) {
      let figure = this.figures[i];
      if (!figure) {
        figure = document.createElement("figure");
        figure.className = "page";
        figure.dataset.index = String(i);
        const img = document.createElement("img");
        img.alt = `Trang ${i + 1}`;
        figure.appendChild(img);
        const caption = document.createElement("figcaption");
        caption.textContent = String(i + 1);
        figure.appendChild(caption);
        this.pages.appendChild(figure);
        this.figures.push(figure);
        this.observer.observe(figure);
      }
      figure.style.aspectRatio = String(1 / answer.ratio[i]);
      figure.dataset.wanted = answer.key;
    }
    const focus = answer.page;
    if (focus !== null && focus !== undefined) this.lastPage = focus;
    const target = focus !== null && focus !== undefined ? focus : this.firstVisible();
    const done = this.load(target, true).then(() => new Promise((resolve) => {
      // two frames: the new picture has been painted when the event says so
      requestAnimationFrame(() => requestAnimationFrame(() => {
        document.dispatchEvent(new CustomEvent("studio:preview-updated",
          { detail: { key: answer.key, version: answer.version, page: target, started,
                      at: performance.now() } }));
        resolve();
      }));
    }));
    if (focus !== null && focus !== undefined) this.keepInView(focus);
    // the pages around it once the edited one is in: each is drawn on request, and asked for
    // together they would queue before it
    done.then(() => {
      if (this.key !== answer.key) return;
      for (const figure of this.figures) {
        if (this.isNear(figure)) this.load(Number(figure.dataset.index));
      }
    });
    return done;
  }

  firstVisible() {
    const top = this.pages.scrollTop;
    for (const figure of this.figures) {
      if (figure.offsetTop + figure.offsetHeight > top) return Number(figure.dataset.index);
    }
    return 0;
  }

  isNear(figure) {
    const top = this.pages.scrollTop - 800, bottom = this.pages.scrollTop + this.pages.clientHeight + 800;
    return figure.offsetTop + figure.offsetHeight > top && figure.offsetTop < bottom;
  }

  keepInView(index) {
    const figure = this.figures[index];
    if (!figure) return;
    const top = this.pages.scrollTop, bottom = top + this.pages.clientHeight;
    const visible = figure.offsetTop < bottom - 80 && figure.offsetTop + figure.offsetHeight > top + 80;
    if (!visible) this.pages.scrollTo({ top: figure.offsetTop - 8, behavior: "auto" });
  }

  /** Draw page `index` of the current build (kept as is if already drawn). */
  load(index, force = false) {
    const figure = this.figures[index];
    if (!figure) return Promise.resolve();
    const key = figure.dataset.wanted;
    if (figure.dataset.shown === key && !force) return Promise.resolve();
    if (figure.dataset.shown === key) return Promise.resolve();
    if (figure.loading === key) return figure.loadingPromise;
    const url = `/preview/${key}/${index}.png?w=${this.width()}`;
    figure.loading = key;
    figure.loadingPromise = new Promise((resolve) => {
      const picture = new Image();
      picture.onload = () => {
        if (figure.dataset.wanted === key) {
          figure.querySelector("img").src = url;
          figure.dataset.shown = key;
        }
        figure.loading = null;
        resolve();
      };
      picture.onerror = () => { figure.loading = null; resolve(); };
      picture.src = url;
    });
    return figure.loadingPromise;
  }
}
