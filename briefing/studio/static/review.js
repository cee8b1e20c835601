/* The review of an import beside the editor: a guess's button takes the clerk to its field;
   "Đã xem" removes the note from the file (after the editor has saved what is typed, with
   its version), then the page is drawn again. */
"use strict";

(() => {
  const panel = document.getElementById("review");
  const root = document.getElementById("editor");
  if (!panel || !root) return;
  const name = encodeURIComponent(root.dataset.name);

  /** The field of a path: the value itself, else the first field inside it (a section's title). */
  const parsed = (el) => { try { return JSON.parse(el.dataset.path); } catch { return null; } };
  const fieldOf = (path) => {
    const doc = document.getElementById("doc") || document;   // the fields, not the outline
    const fields = [...doc.querySelectorAll("[data-path]")]
      .filter((el) => !el.matches("button"))
      .map((el) => [el, parsed(el)])
      .filter(([, p]) => Array.isArray(p) && p.length >= path.length
        && path.every((step, i) => p[i] === step));
    const exact = fields.find(([, p]) => p.length === path.length);
    return (exact || fields[0] || [])[0];
  };

  /** Each guess also written under its field, as check's messages are. */
  const markFields = () => {
    for (const item of panel.querySelectorAll("[data-review-go]")) {
      const field = fieldOf(JSON.parse(item.dataset.reviewGo));
      const holder = field && (field.closest(".field") || field.parentElement);
      if (!holder || holder.querySelector(".guess-note")) continue;
      const note = document.createElement("p");
      note.className = "guess-note small";
      note.textContent = msg("ui-js-guess", "Guessed on import:") + " " +
        item.closest(".review-item").querySelector(".review-text").textContent;
      holder.append(note);
    }
  };
  markFields();
  const fieldsBox = document.getElementById("doc");
  if (fieldsBox) new MutationObserver(markFields).observe(fieldsBox, { childList: true });

  panel.addEventListener("click", async (event) => {
    const go = event.target.closest("[data-review-go]");
    if (go) {
      const field = fieldOf(JSON.parse(go.dataset.reviewGo));
      if (!field) return;
      const details = field.closest("details");
      if (details) details.open = true;
      // scroll the document's own box, never the window (the top bar stays in place)
      const box = field.closest(".doc-scroll");
      if (box) {
        const offset = field.getBoundingClientRect().top - box.getBoundingClientRect().top;
        box.scrollTo({ top: box.scrollTop + offset - box.clientHeight / 3 });
      }
      field.focus({ preventScroll: true });
      return;
    }
    const seen = event.target.closest("[data-review-seen]");
    if (!seen) return;
    seen.disabled = true;
    try {
      const editor = window.studioEditor;
      if (editor) await editor.flush();
      const version = editor ? editor.version() : root.dataset.version;
      const line = seen.dataset.reviewSeen === "all" ? "all" : Number(seen.dataset.reviewSeen);
      await Studio.api("/api/review/seen/" + name, { version, line });
      window.location.reload();
    } catch (error) {
      seen.disabled = false;
      Studio.flash(error.message, "error", true);
    }
  });
})();
