/* splitmerge.js: Enter splits a paragraph, Backspace at its start (Delete at its end) joins
   it to the one before (after) — on the page at once, saved after. A split shows the text
   after the cursor in a new editor just below, the cursor in it, while the change
   (set_text + insert_item) goes to the server; once the fields are re-drawn, what was typed
   there meanwhile goes into its field (saved as any edit) and the cursor stays where it was.
   A join hides the joined paragraph at once and sends set_text + delete. A change the server
   refuses or cannot take never loses text: the split paragraphs are put back together into
   the first one, saved as an edit. One split or join is sent at a time, in order. */
"use strict";

window.SplitMerge = (() => {
  const R = () => window.RichFields;
  let chain = Promise.resolve();      // the splits and joins being sent, one after another
  let busy = 0;
  const idOf = (path) => "f-" + path.join("-");
  const recAt = (path) => {
    const field = document.getElementById(idOf(path));
    return field ? R().recOf(field) : null;
  };
  const callsIn = (md) => RichText.parseInline(md).filter((s) => s.footnote).map((s) => s.text);
  //: the splits (+n after `at`) and joins (-1 at `at`) made on the server, in order: a path
  //: taken before some of them is carried over them (`moved`)
  const applied = [];
  let lastTemp = null;                // the new editor the cursor was last in
  document.addEventListener("focusin", (event) => {
    lastTemp = (event.target.dataset && event.target.dataset.provisional) ? event.target.temp : null;
  });

  /** `path`, taken when `since` changes were applied, where it is now (null: joined away). */
  function moved(path, since) {
    const p = path.slice();
    for (const change of applied.slice(since)) {
      const n = change.list.length;
      if (p.length <= n || JSON.stringify(p.slice(0, n)) !== JSON.stringify(change.list)) continue;
      if (change.delta < 0 && p[n] === change.at) return null;
      if (p[n] > change.at) p[n] += change.delta;
    }
    return p;
  }

  /** Run `job` after the splits and joins before it (each on the page their answers left). */
  function later(job) {
    busy++;
    chain = chain.then(job).catch((error) => console.error(error)).finally(() => { busy--; });
    return chain;
  }

  // -- split --------------------------------------------------------------------------------
  const live = [];                    // the new editors not settled yet, in order made

  /** An editor for a paragraph the server does not know yet, after `after` (an item);
      `anchor` says what it follows when the fields are re-drawn under it (`reattach`). */
  function provisional(after, markdown, anchor) {
    const item = after.cloneNode(false);
    item.removeAttribute("data-item");
    item.removeAttribute("id");
    item.classList.add("provisional");
    const box = document.createElement("div");
    box.className = "field";
    const holder = document.createElement("div");
    holder.className = "rt-host para unsaved";
    box.appendChild(holder);
    item.appendChild(box);
    after.after(item);
    const temp = { item, holder, path: null, anchor };
    live.push(temp);
    temp.editor = RichText.createParagraphEditor({
      mount: holder, markdown, notes: R().notes, label: msg("ui-js-new-paragraph", "New paragraph"),
      onSplit: (editor, detail) => splitProvisional(temp, detail),
      onMerge: (editor, direction) => later(() => onSettled(temp, (rec) => merge(rec, direction))),
    });
    temp.editor.view.dom.dataset.provisional = "1";
    temp.editor.view.dom.temp = temp;
    return temp;
  }

  /** After the change that gave `temp` its field: act on that field's editor. */
  function onSettled(temp, act) {
    const path = temp.path && moved(temp.path, temp.since);
    const rec = path && recAt(path);
    return rec ? act(rec) : undefined;
  }

  function split(rec, detail) {
    if (rec.kind !== "para") {   // a cell, a caption: one paragraph only
      rec.editor.setMarkdown(detail.paragraphs.join(" "));
      R().written(rec, rec.editor.markdown());
      return;
    }
    const path = R().pathOf(rec.field), since = applied.length;
    rec.field.value = detail.paragraphs[0];
    const where = () => moved(path, since);
    cut(rec.editor, rec.holder.closest("[data-item]"), detail, where, where, { path, since });
  }

  /** Enter in a paragraph the server does not know yet: cut at once all the same, sent once
      the change that makes its field is answered. */
  function splitProvisional(temp, detail) {
    cut(temp.editor, temp.item, detail, () => temp.path && moved(temp.path, temp.since),
        () => temp.home && moved(temp.home, temp.since), { temp });
  }

  /** The new editors after `item`, the cursor where Enter left it; the change sent after the
      ones before it, at the paragraph's path then (`where`), or, if that paragraph is no
      more, the text put back where `home` says. */
  function cut(editor, item, { paragraphs, index, fromEnd }, where, home, anchor) {
    let after = item;
    const made = [];
    for (const md of paragraphs.slice(1)) {
      const temp = provisional(after, md, made.length ? { temp: made[made.length - 1].temp } : anchor);
      after = temp.item;
      made.push({ temp, md });
    }
    const size = RichText.fromMarkdown(paragraphs[index]).content.size;
    const at = Math.max(1, size - 1 - fromEnd);
    (index === 0 ? editor : made[index - 1].temp.editor).focusAt(at);
    later(() => {
      const now = where();
      if (!now) return putBack(home(), made);
      return send(now, made);
    });
  }

  async function send(path, made) {
    const list = path.slice(0, -1), at = path[path.length - 1];
    const rec = recAt(path);
    if (!rec) return putBack(null, made);
    // the texts as they are now (typed on since the cut), not as they were at Enter
    const first = rec.editor.markdown();
    for (const m of made) m.md = m.temp.editor.markdown();
    const texts = [first, ...made.map((m) => m.md)];
    const notes = R().notes;
    const ops = [{ op: "set_text", args: { path, value: first } }];
    for (const id of texts.flatMap(callsIn)) {
      if (!notes.saved.has(id) && notes.has(id)) {
        ops.unshift({ op: "add_footnote", args: { id, value: notes.text(id) } });
        notes.saved.set(id, notes.text(id));
      }
    }
    made.forEach((m, k) => ops.push({ op: "insert_item",
      args: { list, index: at + 1 + k, kind: "paragraph", text: m.md } }));
    const answer = await R().host().operate(ops, path, false, () => putBack(path, made), true);
    if (!answer) return;
    applied.push({ list, at, delta: made.length });
    settle(list, at, made);
  }

  function forget(temp) {
    temp.editor.destroy();
    temp.item.remove();
    live.splice(live.indexOf(temp), 1);
  }

  /** Where a new editor goes back after the fields were re-drawn under it: after its
      paragraph's item, or after the new editor it follows. */
  function anchorItem(anchor) {
    if (anchor.temp && live.includes(anchor.temp)) return anchor.temp.item;
    const source = anchor.temp || anchor;
    const path = source.path && moved(source.path, source.since);
    const rec = path && recAt(path);
    return rec ? rec.holder.closest("[data-item]") : null;
  }

  /** The new editors still waiting for their change, put back in the re-drawn page (the
      cursor too, if it was in one). */
  function reattach() {
    for (const temp of live) {
      if (temp.item.isConnected) continue;
      const after = anchorItem(temp.anchor);
      if (after) after.after(temp.item);
    }
    const lost = !document.activeElement || document.activeElement === document.body;
    if (lost && lastTemp && live.includes(lastTemp) && lastTemp.item.isConnected) lastTemp.editor.view.focus();
  }

  /** The fields are re-drawn: each new editor's text and cursor go to its field's editor. */
  function settle(list, at, made) {
    made.forEach((m, k) => {
      const path = [...list, at + 1 + k];
      m.temp.path = path;
      m.temp.since = applied.length;
      const rec = recAt(path);
      if (rec) {
        const md = m.temp.editor.markdown();
        if (md !== m.md) { rec.editor.setMarkdown(md); R().written(rec, md); }
        const lost = !document.activeElement || document.activeElement === document.body;
        if (lastTemp === m.temp && lost) rec.editor.focusAt(m.temp.editor.view.state.selection.head);
      }
      forget(m.temp);
    });
    reattach();
  }

  /** Refused or failed: the new paragraphs' text put back at the end of the paragraph at
      `path`, as typed; a new paragraph cut again meanwhile sends its own parts there too. */
  function putBack(path, made) {
    const rec = path && recAt(path);
    const texts = made.map((m) => m.temp.editor.markdown());
    for (const m of made) {
      m.temp.home = path;
      m.temp.since = applied.length;
      forget(m.temp);
    }
    if (!rec) { console.error("splitmerge: nowhere to put back", texts); return; }
    const md = [rec.editor.markdown(), ...texts].filter((t) => t !== "").join(" ");
    rec.editor.setMarkdown(md);
    R().written(rec, md);
  }

  // -- join ---------------------------------------------------------------------------------
  function sibling(rec, delta) {
    const path = R().pathOf(rec.field);
    const found = recAt([...path.slice(0, -1), path[path.length - 1] + delta]);
    return found && found.kind === "para" ? found : null;
  }

  function merge(rec, direction) {
    if (rec.kind !== "para") return;
    if (!busy) { mergeNow(rec, direction); return; }
    // a split or join is on its way: this one once the fields are re-drawn after it
    const path = R().pathOf(rec.field), since = applied.length;
    later(() => {
      const now = moved(path, since);
      const again = now && recAt(now);
      if (again) mergeNow(again, direction);
    });
  }

  function mergeNow(rec, direction) {
    const into = direction === "backward" ? sibling(rec, -1) : rec;
    const gone = direction === "backward" ? rec : sibling(rec, 1);
    if (!into || !gone) return;
    const goneText = gone.editor.markdown(), intoText = into.editor.markdown();
    const join = into.editor.append(gone.editor);
    const md = into.editor.markdown();
    const intoPath = R().pathOf(into.field), gonePath = R().pathOf(gone.field);
    const goneItem = gone.holder.closest("[data-item]");
    goneItem.hidden = true;
    into.editor.focusAt(join);
    into.field.value = md;
    gone.field.value = "";
    const since = applied.length;
    later(async () => {
      const intoNow = moved(intoPath, since), goneNow = moved(gonePath, since);
      if (!intoNow || !goneNow) return;
      const ops = [{ op: "set_text", args: { path: intoNow, value: md } },
                   { op: "delete", args: { path: goneNow } }];
      const answer = await R().host().operate(ops, intoNow, false, () => {
        goneItem.hidden = false;   // not joined on the server: both paragraphs as they were
        gone.field.value = goneText;
        into.editor.setMarkdown(intoText);
        R().written(into, intoText);
      }, true);
      if (!answer) return;
      applied.push({ list: goneNow.slice(0, -1), at: goneNow[goneNow.length - 1], delta: -1 });
      reattach();
      const again = recAt(intoNow);
      const lost = !document.activeElement || document.activeElement === document.body;
      if (again && lost) again.editor.focusAt(into.editor.view.state.selection.head);
    });
  }

  return { split, merge, busy: () => busy > 0 };
})();
