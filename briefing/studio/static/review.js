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
  const fieldOf = (path) => {
    const wanted = JSON.stringify(path);
    const prefix = wanted.slice(0, -1) + ",";
    const fields = [...document.querySelectorAll("[data-path]")].filter(
      (el) => !el.matches("button"));
    return fields.find((el) => el.dataset.path === wanted)
      || fields.find((el) => el.dataset.path.startsWith(prefix));
  };

  panel.addEventListener("click", async (event) => {
    const go = event.target.closest("[data-review-go]");
    if (go) {
      const field = fieldOf(JSON.parse(go.dataset.reviewGo));
      if (!field) return;
      const details = field.closest("details");
      if (details) details.open = true;
      field.scrollIntoView({ block: "center" });
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
