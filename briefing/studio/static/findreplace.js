/* findreplace.js: find and replace across the whole document (paragraphs, items, cells,
   notes, titles), in reading order. A replacement keeps the formatting of the text it
   replaces; "Thay tất cả" changes every field at once and is saved as one change (one
   Hoàn tác undoes it). Ctrl+H opens the bar, Enter finds the next, Escape closes it. */
"use strict";

window.FindReplace = (() => {
  const $ = (id) => document.getElementById(id);
  let at = { field: -1, from: -1 };   // the match shown last

  const norm = (s) => s.normalize("NFC");
  const fold = (s) => { const low = s.toLowerCase(); return low.length === s.length ? low : s; };

  /** Every text field in reading order: {field, rec} (rec: its editor, or null for a title). */
  function fields() {
    return [...document.querySelectorAll("#doc textarea[data-path]")]
      .filter((t) => !t.dataset.meta)
      .map((field) => ({ field, rec: RichFields.recOf(field) }))
      .filter((f) => f.rec || !f.field.hidden);
  }

  /** The field's visible text and, for an editor, the document position of each character. */
  function textOf(f) {
    if (!f.rec) return { text: f.field.value, pos: null };
    let text = "";
    const pos = [];
    f.rec.editor.view.state.doc.descendants((node, start) => {
      if (node.isText) for (let k = 0; k < node.text.length; k++) { text += node.text[k]; pos.push(start + k); }
      else if (node.isInline) { text += "\ufffc"; pos.push(start); }
    });
    return { text, pos };
  }

  function matches(f, query) {
    const { text, pos } = textOf(f);
    const hay = fold(text), needle = fold(query);
    const found = [];
    for (let i = hay.indexOf(needle); needle && i >= 0; i = hay.indexOf(needle, i + needle.length)) {
      found.push(pos ? { from: pos[i], to: pos[i + needle.length - 1] + 1, index: i } : { from: i, to: i + needle.length, index: i });
    }
    return found;
  }

  function show(f, match) {
    if (f.rec) {
      const view = f.rec.editor.view;
      view.dispatch(view.state.tr.setSelection(PM.state.TextSelection.create(view.state.doc, match.from, match.to)).scrollIntoView());
      view.focus();
    } else {
      f.field.focus();
      f.field.setSelectionRange(match.from, match.to);
    }
    f.field.closest(".field, .section-head, .list-item, .item").scrollIntoView({ block: "center" });
  }

  function findNext() {
    const query = norm($("find-text").value);
    const all = fields();
    if (!query) return false;
    const total = all.reduce((n, f) => n + matches(f, query).length, 0);
    for (let step = 0; step <= all.length; step++) {
      const index = (Math.max(at.field, 0) + step) % all.length;
      const next = matches(all[index], query).find((m) => step > 0 || index !== at.field || m.from > at.from);
      if (next) {
        at = { field: index, from: next.from };
        show(all[index], next);
        $("find-status").textContent = msg("ui-js-found", "{n} found", { n: total });
        return true;
      }
    }
    $("find-status").textContent = msg("ui-js-not-found", "Not found");
    return false;
  }

  function replaceIn(f, list, replacement) {
    if (!list.length) return;
    if (f.rec) {
      const view = f.rec.editor.view;
      let tr = view.state.tr;
      for (const m of [...list].reverse()) tr = tr.insertText(replacement, m.from, m.to);
      view.dispatch(tr);
    } else {
      let value = f.field.value;
      for (const m of [...list].reverse()) value = value.slice(0, m.from) + replacement + value.slice(m.to);
      f.field.value = value;
      f.field.dispatchEvent(new Event("input", { bubbles: true }));
    }
  }

  function replaceOne() {
    const query = norm($("find-text").value), replacement = norm($("replace-text").value);
    const all = fields();
    const f = all[at.field];
    const current = f && matches(f, query).find((m) => m.from === at.from);
    if (current) replaceIn(f, [current], replacement);
    findNext();
  }

  function replaceAll() {
    const query = norm($("find-text").value), replacement = norm($("replace-text").value);
    if (!query) return;
    let count = 0;
    for (const f of fields()) {
      const list = matches(f, query);
      count += list.length;
      replaceIn(f, list, replacement);
    }
    $("find-status").textContent = count ? msg("ui-js-replaced", "{n} replaced", { n: count }) : msg("ui-js-not-found", "Not found");
  }

  function open() {
    const bar = $("find-bar");
    bar.hidden = false;
    $("find-open").setAttribute("aria-expanded", "true");
    const selected = window.getSelection().toString();
    if (selected && selected.length < 80) $("find-text").value = selected;
    $("find-text").focus();
    $("find-text").select();
  }

  function close() {
    $("find-bar").hidden = true;
    $("find-open").setAttribute("aria-expanded", "false");
    $("find-open").focus();
  }

  document.addEventListener("DOMContentLoaded", () => {
    const bar = $("find-bar");
    if (!bar) return;
    $("find-open").addEventListener("click", () => (bar.hidden ? open() : close()));
    $("find-next").addEventListener("click", findNext);
    $("replace-one").addEventListener("click", replaceOne);
    $("replace-all").addEventListener("click", replaceAll);
    $("find-close").addEventListener("click", close);
    $("find-text").addEventListener("input", () => { at = { field: -1, from: -1 }; $("find-status").textContent = ""; });
    bar.addEventListener("keydown", (event) => {
      if (event.key === "Escape") { event.preventDefault(); close(); }
      else if (event.key === "Enter" && event.target.id === "find-text") { event.preventDefault(); findNext(); }
    });
    document.addEventListener("keydown", (event) => {
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === "h") {
        event.preventDefault();
        open();
      }
    }, true);
  });

  return { open, close, findNext, replaceAll };
})();
