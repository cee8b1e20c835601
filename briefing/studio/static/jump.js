/* jump.js: a click on the preview puts the cursor on that text in the editor. The server says
   which line is printed there (/api/preview-line); the longest run of its words found in a
   field (numbers, markers and footnote numbers of the page are not in the fields) gives the
   paragraph and the place in it. */
"use strict";

window.PreviewJump = (() => {
  /** A field's characters without white space, each with its place (editor position or
      textarea offset). */
  function squeezed(field) {
    const rec = RichFields.recOf(field);
    let text = "";
    const at = [];
    if (rec) {
      rec.editor.view.state.doc.descendants((node, start) => {
        if (!node.isText) return;
        for (let k = 0; k < node.text.length; k++) if (!/\s/.test(node.text[k])) { text += node.text[k]; at.push(start + k); }
      });
    } else {
      for (let k = 0; k < field.value.length; k++) if (!/\s/.test(field.value[k])) { text += field.value[k]; at.push(k); }
    }
    return { field, rec, text: text.normalize("NFC"), at };
  }

  /** The field and place that print `line`: the longest run of its words found. */
  function locate(line) {
    const words = line.normalize("NFC").split(/\s+/).filter(Boolean);
    const fields = [...document.querySelectorAll("#doc textarea[data-path]")]
      .filter((f) => !f.dataset.meta && (RichFields.recOf(f) || !f.hidden)).map(squeezed);
    for (let size = words.length; size >= Math.min(3, words.length); size--) {
      for (let from = 0; from + size <= words.length; from++) {
        const wanted = words.slice(from, from + size).join("");
        if (wanted.length < 8 && size < words.length) continue;
        for (const f of fields) {
          const i = f.text.indexOf(wanted);
          if (i >= 0) return { ...f, pos: f.at[i] };
        }
      }
    }
    return null;
  }

  function go(found) {
    if (found.rec) {
      found.rec.editor.focusAt(found.pos);
      found.rec.holder.scrollIntoView({ block: "center" });
    } else {
      found.field.focus();
      found.field.setSelectionRange(found.pos, found.pos);
      found.field.scrollIntoView({ block: "center" });
    }
  }

  async function onClick(event) {
    const img = event.target.closest && event.target.closest("#pages figure img");
    if (!img) return;
    const figure = img.closest("figure");
    const key = figure.dataset.shown;
    if (!key) return;
    const x = event.offsetX / img.clientWidth, y = event.offsetY / img.clientHeight;
    try {
      const answer = await Studio.api(`/api/preview-line/${key}/${figure.dataset.index}?x=${x.toFixed(4)}&y=${y.toFixed(4)}`);
      const found = answer.text ? locate(answer.text) : null;
      if (found) go(found);
    } catch (error) { /* a preview replaced meanwhile: nothing to jump to */ }
  }

  document.addEventListener("DOMContentLoaded", () => {
    const pages = document.getElementById("pages");
    if (pages) pages.addEventListener("click", onClick);
  });
  return { locate };
})();
