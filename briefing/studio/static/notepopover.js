/* notepopover.js: a footnote's text edited in place, beside its number. Clicking a number (or
   Enter on it) opens the popover with the note's own editor; "Chú thích" in the toolbar (or
   Ctrl+Alt+F) puts a new call at the cursor and opens it empty. A new note gets its id from
   its text when the popover closes (nothing typed: the call goes); then `add_footnote` and the
   paragraph's `set_text` are saved together. Editing a saved note is `set_footnote`. */
"use strict";

window.NotePopover = (() => {
  const F = RichFields;
  let open = null;   // {rec, id, pos, editor}

  const popover = () => document.getElementById("note-popover");
  const plain = (md) => RichText.parseInline(md || "").filter((s) => !s.footnote).map((s) => s.text).join("");

  function insert(rec) {
    const id = F.notes.newId("moi");
    F.notes.texts.set(id, "");
    F.drafts.add(id);
    const pos = rec.editor.insertFootnote(id);
    F.renumber();
    show(rec, id, pos);
  }

  function show(rec, id, pos) {
    if (open) close("switch");
    const box = popover();
    const mount = box.querySelector(".note-mount");
    mount.textContent = "";
    const number = F.notes.number(id) || "";
    box.querySelector("#note-popover-title").textContent = msg("ui-js-note-n", "Footnote {n}", { n: number });
    const editor = RichText.createNoteEditor({
      mount, markdown: F.notes.text(id) || "", label: msg("ui-js-note-text-n", "Text of footnote {n}", { n: number }),
      onChange: (md) => {
        F.notes.setText(id, md);
        if (!F.drafts.has(id)) {
          F.host().queueOp("note:" + id, "set_footnote", { id, value: md });
          syncList(id, md);
        }
      },
      onDone: () => close("done"),
    });
    open = { rec, id, pos, editor };
    box.hidden = false;
    place();
    editor.focus();
  }

  /** The notes' list below the document shows the same text. */
  function syncList(id, md) {
    const field = document.getElementById("f-footnotes-" + id);
    const rec = field && F.recOf(field);
    if (!field) return;
    field.value = md;
    if (rec) {
      rec.editor.view.updateState(rec.editor.view.state.apply(
        rec.editor.view.state.tr.replaceWith(0, rec.editor.view.state.doc.content.size,
          RichText.fromMarkdown(md, RichText.noteSchema).content).setMeta("addToHistory", false)));
    }
  }

  function place() {
    if (!open) return;
    const box = popover();
    const sup = open.rec.editor.view.nodeDOM(open.pos);
    const rect = sup && sup.getBoundingClientRect ? sup.getBoundingClientRect() : open.rec.holder.getBoundingClientRect();
    const width = box.offsetWidth || 420;
    box.style.left = Math.max(8, Math.min(rect.left - 20, document.documentElement.clientWidth - width - 8)) + "px";
    box.style.top = Math.min(rect.bottom + 6, document.documentElement.clientHeight - box.offsetHeight - 8) + "px";
  }

  function close(why) {
    if (!open) return;
    const { rec, id, pos, editor } = open;
    const text = editor.markdown();
    editor.destroy();
    popover().hidden = true;
    open = null;
    if (F.drafts.has(id)) {
      F.drafts.delete(id);
      F.notes.remove(id);
      if (!text) rec.editor.removeFootnote(id);
      else {
        const final = F.notes.newId(plain(text) ? text : "chu thich");
        F.notes.texts.set(final, text);
        rec.editor.renameFootnote(id, final);
      }
      F.written(rec, rec.editor.markdown());
      F.renumber();
    }
    if (why === "switch" || why === "delete") return;
    const doc = rec.editor.view.state.doc;
    const node = pos < doc.content.size ? doc.nodeAt(pos) : null;
    rec.editor.focusAt(Math.min(doc.content.size - 1, node && node.type.name === "footnote" ? pos + 1 : pos));
  }

  async function remove() {
    if (!open) return;
    const { rec, id } = open;
    const saved = F.notes.saved.has(id);
    F.drafts.delete(id);
    close("delete");
    rec.editor.removeFootnote(id);
    F.notes.remove(id);
    const md = rec.editor.markdown();
    rec.field.value = md;
    const ops = saved ? [{ op: "delete_footnote", args: { id } }] : [];
    ops.push({ op: "set_text", args: { path: F.pathOf(rec.field), value: md } });
    await F.host().operate(ops, F.pathOf(rec.field));
  }

  document.addEventListener("DOMContentLoaded", () => {
    const box = popover();
    if (!box) return;
    box.querySelector("#note-done").addEventListener("click", () => close("done"));
    box.querySelector("#note-delete").addEventListener("click", remove);
    box.addEventListener("keydown", (event) => {
      if (event.key === "Escape") { event.preventDefault(); close("escape"); }
    });
    document.getElementById("doc").addEventListener("scroll", place, { passive: true });
  });

  return { insert, open: show, close, isOpen: () => !!open };
})();
