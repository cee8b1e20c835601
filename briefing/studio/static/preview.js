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

  /** What `refresh(focus)` will ask for: sent with a save, so the server draws that page
      as soon as the new version is laid out. */
  hint(focus) {
    const near = this.lastPage !== undefined && this.lastPage !== null ? this.lastPage : null;
    return { focus: focus.slice(0, 300), near, w: this.width() };
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
    this.status.textContent = msg("ui-js-updating", "Updating…");
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
      this.showMarks((answer.problems || []).map((text) => ({ kind: "error", text, path: [], page: null })), true);
      const count = answer.errors;
      this.note.textContent = answer.last_good
        ? msg("ui-js-errors-last-good", "The document still has {n} error(s), so the print could not be built again; the last valid one is shown.", { n: count })
        : msg("ui-js-errors-none", "The document still has {n} error(s), so the print could not be built again.", { n: count });
      this.note.hidden = false;
      this.status.textContent = "";
      if (answer.last_good && answer.last_good.key !== this.key) this.show(answer.last_good, started);
      return;
    }
    this.note.hidden = true;
    this.status.textContent = msg("ui-js-built", "{pages} pages · built in {seconds} s", { pages: answer.pages, seconds: answer.seconds.toFixed(1) });
    this.show(answer, started);
    this.showMarks(answer.marks || []);
  }

  /** A draft's blanks and errors: a list above the pages (place, what, page) and a badge on
      each page that has some. Clicking one shows its page and puts the cursor in its field. */
  showMarks(marks, stopped = false) {
    let list = document.getElementById("preview-marks");
    if (!list) {
      list = document.createElement("div");
      list.id = "preview-marks";
      list.className = "banner draft";
      this.pages.parentElement.insertBefore(list, this.pages);
    }
    list.replaceChildren();
    list.hidden = marks.length === 0;
    const perPage = new Map();
    for (const mark of marks) {
      if (mark.page !== null && mark.page !== undefined) perPage.set(mark.page, (perPage.get(mark.page) || 0) + 1);
    }
    this.figures.forEach((figure, index) => {
      if (perPage.has(index)) figure.dataset.marks = msg("ui-js-page-marks", "{n} to complete", { n: perPage.get(index) });
      else delete figure.dataset.marks;
    });
    if (!marks.length) return;
    const blanks = marks.filter((m) => m.kind === "blank").length, errors = marks.length - blanks;
    const head = document.createElement("p");
    const parts = [];
    if (blanks) parts.push(msg("ui-js-blanks", "{n} blank(s)", { n: blanks }));
    if (errors) parts.push(msg("ui-js-n-errors", "{n} error(s)", { n: errors }));
    head.textContent = stopped ? msg("ui-js-stopped", "The print could not be built because:") :
      msg("ui-js-draft", "Draft: {left} still to do. The preview keeps up; the DOCX, the PDF and editions can be made once it is complete.", { left: parts.join(", ") });
    list.appendChild(head);
    const ul = document.createElement("ul");
    for (const mark of marks) {
      const li = document.createElement("li");
      li.className = "mark " + mark.kind;
      const button = document.createElement("button");
      button.type = "button";
      button.className = "linklike";
      const where = mark.page !== null && mark.page !== undefined ? msg("ui-js-page-n", "Page {n}", { n: mark.page + 1 }) + " · " : "";
      button.append(where, Object.assign(document.createElement("span"), { className: "said", textContent: mark.text }));
      button.addEventListener("click", () => this.goTo(mark));
      li.appendChild(button);
      ul.appendChild(li);
    }
    list.appendChild(ul);
  }

  goTo(mark) {
    if (mark.page !== null && mark.page !== undefined) {
      const figure = this.figures[mark.page];
      if (figure) this.pages.scrollTo({ top: figure.offsetTop - 8, behavior: "auto" });
      this.load(mark.page);
    }
    const field = document.getElementById("f-" + mark.path.join("-"));
    if (field) {
      field.focus({ preventScroll: true });
      const box = field.closest(".doc-scroll");
      if (box) box.scrollTop += field.getBoundingClientRect().top - box.getBoundingClientRect().top - box.clientHeight / 3;
    }
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
        img.alt = msg("ui-js-page-n", "Page {n}", { n: i + 1 });
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
