/* richfields.js: the paragraphs of the editor page as formatted text. Each `textarea.para`,
   `.cell` and `.line` of #doc keeps its place (and its `data-path`) but is hidden behind a
   RichText editor; an edit writes the editor's canonical Markdown back into the textarea and
   fires `input`, so editor.js saves it as before (`set_text`). Enter, Backspace at the start
   and Delete at the end split and join paragraphs (splitmerge.js: on the page at once, saved
   after); a footnote call is its number, its note edited in a popover. */
"use strict";

window.RichFields = (() => {
  const notes = new RichText.Notes({});
  RichText.hooks.noteText = (id) => notes.text(id);
  RichText.hooks.noteNumber = (id) => notes.number(id);
  const drafts = new Set();        // notes being written for the first time (no id yet)
  let host = null;                 // editor.js: {queue(field), queueOp(key, op, args), operate(ops), flush(), undo()}
  let editors = [];                // {field, editor, kind} in document order
  let current = null;              // the record the toolbar acts on

  const pathOf = (field) => JSON.parse(field.dataset.path);
  const isNotePath = (path) => path[0] === "footnotes";
  const recOf = (field) => editors.find((r) => r.field === field);
  const idOf = (path) => "f-" + path.join("-");

  /** A body paragraph or list item (a string in a list): it can be split and merged. */
  function splittable(path) {
    return typeof path[path.length - 1] === "number" && !isNotePath(path) &&
      !path.includes("table");
  }

  // -- mounting ------------------------------------------------------------------------------
  function readNotes() {
    const texts = new Map();
    document.querySelectorAll("#footnotes textarea[data-path]").forEach((area) => {
      const path = pathOf(area);
      if (path.length === 2) texts.set(path[1], area.value);
      else if (!texts.has(path[1])) texts.set(path[1], area.value);
    });
    for (const id of drafts) texts.set(id, notes.text(id) || "");
    notes.texts = texts;
    notes.saved = new Map([...texts].filter(([id]) => !drafts.has(id)));
  }

  function mountAll() {
    for (const rec of editors) rec.editor.destroy();
    editors = [];
    readNotes();
    document.querySelectorAll("#doc textarea.para, #doc textarea.cell, #doc textarea.line").forEach(mount);
    renumber();
  }

  /** The editors of `container` (drawn again: a split, a join), the ones gone let go of. */
  function mountIn(container) {
    editors = editors.filter((rec) => {
      if (rec.field.isConnected) return true;
      rec.editor.destroy();
      if (current === rec) current = null;
      return false;
    });
    container.querySelectorAll("textarea.para, textarea.cell, textarea.line").forEach(mount);
    editors.sort((a, b) =>
      (a.field.compareDocumentPosition(b.field) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    renumber();
  }

  function mount(field) {
    const path = pathOf(field);
    const holder = document.createElement("div");
    holder.className = "rt-host " + field.className.replace("unsaved", "");
    holder.field = field;
    field.after(holder);
    field.hidden = true;
    field.tabIndex = -1;
    const label = field.getAttribute("aria-label") || msg("ui-paragraph", "Paragraph");
    const rec = { field, holder, kind: isNotePath(path) ? "note" : splittable(path) ? "para" : "single" };
    rec.editor = rec.kind === "note" ? noteEditor(rec, label) : paragraphEditor(rec, label);
    const dom = rec.editor.view.dom;
    dom.id = field.id + "-rt";
    // a table is one Tab stop: its first cell; the arrows go on from cell to cell
    const table = field.closest("table.grid");
    if (table && table.querySelector("textarea") !== field) dom.tabIndex = -1;
    if (field.classList.contains("unsaved")) holder.classList.add("unsaved");
    dom.addEventListener("focusin", () => { current = rec; toolbarState(); });
    editors.push(rec);
    return rec;
  }

  function noteEditor(rec, label) {
    const path = pathOf(rec.field);
    return RichText.createNoteEditor({
      mount: rec.holder, markdown: rec.field.value, label,
      onChange: (md) => {
        if (path.length === 2) notes.texts.set(path[1], md);
        written(rec, md);
      },
      onDone: () => {},
    });
  }

  function paragraphEditor(rec, label) {
    return RichText.createParagraphEditor({
      mount: rec.holder, markdown: rec.field.value, notes, label, single: rec.kind !== "para",
      onChange: (editor) => { written(rec, editor.markdown()); renumber(); },
      onSelection: (editor) => { if (editor.view.hasFocus()) toolbarState(); },
      onSplit: (editor, detail) => SplitMerge.split(rec, detail),
      onMerge: (editor, direction) => SplitMerge.merge(rec, direction),
      onLeave: (editor, direction) => leave(rec, direction),
      onFootnote: (editor, id, pos) => NotePopover.open(rec, id, pos),
      onInsertFootnote: () => NotePopover.insert(rec),
      onUndoEmpty: () => host.undo(),
      onRedoEmpty: () => host.redo(),
    });
  }

  /** The editor's text goes into its textarea, saved as any field (with new notes first). */
  function written(rec, md) {
    if (rec.field.value === md) return;
    if (rec.kind !== "note") {
      const ids = rec.editor.footnoteIds();
      if (ids.some((id) => drafts.has(id))) return;       // saved once the note has its text
      for (const id of ids) {
        if (!notes.saved.has(id) && notes.has(id)) {
          host.queueOp("note:" + id, "add_footnote", { id, value: notes.text(id) });
          notes.saved.set(id, notes.text(id));
        }
      }
    }
    rec.field.value = md;
    rec.holder.classList.add("unsaved");
    rec.field.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function leave(rec, direction) {
    const next = editors[editors.indexOf(rec) + (direction === "up" ? -1 : 1)];
    if (next) focusEditor(next, direction === "up" ? "end" : "start");
  }

  function focusEditor(rec, where) {
    if (rec.editor.focusAt) rec.editor.focusAt(where);
    else rec.editor.focus();
    rec.holder.scrollIntoView({ block: "nearest" });
  }

  /** Focus the field at `path` (its editor when it has one); where: "start", "end", a position. */
  function focus(path, where = "start") {
    const field = document.getElementById(idOf(path));
    const rec = field && recOf(field);
    if (!rec) return false;
    focusEditor(rec, where);
    return true;
  }

  // -- numbers of the footnotes ----------------------------------------------------------------
  const CALL = /\[\^([A-Za-z0-9_-]+)\]/g;

  function callOrder() {
    const ids = [];
    document.querySelectorAll("#doc textarea[data-path]").forEach((area) => {
      if (isNotePath(pathOf(area))) return;
      const rec = recOf(area);
      if (rec) ids.push(...rec.editor.footnoteIds());
      else for (const match of area.value.matchAll(CALL)) ids.push(match[1]);
    });
    return ids;
  }

  /** Numbers as printed (order of first call); the notes' list shows them, in that order. */
  function renumber() {
    notes.renumber(callOrder());
    document.querySelectorAll("#footnotes .item.footnote").forEach((item) => {
      const id = JSON.parse(item.dataset.item)[1];
      const number = notes.number(id);
      const label = item.querySelector(".item-label");
      label.textContent = number ? msg("ui-js-note-n", "Footnote {n}", { n: number }) : msg("ui-js-note-uncalled", "Footnote not called in the text");
      item.style.order = number ? String(number) : "9999";
      item.dataset.number = number || "";
      const remove = item.querySelector("[data-op=delete_footnote]");
      if (remove) remove.setAttribute("aria-label", number ? msg("ui-js-delete-note-label-n", "Delete footnote {n}", { n: number }) : msg("ui-delete-footnote", "Delete the footnote"));
    });
  }

  // -- the toolbar ------------------------------------------------------------------------------
  function toolbarState() {
    const active = current && current.editor.active ? current.editor.active() : { bold: false, italic: false };
    document.querySelectorAll(".toolbar [data-format]").forEach((button) => {
      button.setAttribute("aria-pressed", String(!!active[button.dataset.format]));
    });
  }

  function format(name) {
    if (!current) return false;
    current.editor.toggle(name);
    toolbarState();
    return true;
  }

  function insertFootnote() {
    if (!current || current.kind === "note") return false;
    NotePopover.insert(current);
    return true;
  }

  function init(callbacks) { host = callbacks; }

  const api = {
    init, host: () => host, mountAll, mountIn, focus, format, insertFootnote, renumber, notes, drafts, written,
    editors: () => editors, recOf, current: () => current, pathOf,
  };
  return api;
})();
