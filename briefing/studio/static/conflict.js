/* conflict.js: the same paragraph changed in two tabs (or by another program). The page has
   loaded the other version; for each paragraph this tab had changed differently, both
   versions are shown side by side, formatted, with "Giữ bản của tôi", "Giữ bản kia" and
   "Sửa tay" (an editor holding this tab's text, the other beside it). What is kept is saved
   on the new version, and the preview follows it. */
"use strict";

window.Conflicts = (() => {
  const $ = (id) => document.getElementById(id);

  /** Formatted, read-only HTML of a paragraph's Markdown (numbers for calls, chips for blanks). */
  function formatted(md) {
    const box = document.createElement("div");
    box.className = "conflict-text";
    for (const span of RichText.parseInline(md || "")) {
      let node;
      if (span.footnote) {
        node = document.createElement("sup");
        node.className = "fn";
        node.textContent = String(RichFields.notes.number(span.text) || "*");
      } else if (span.blank) {
        node = document.createElement("span");
        node.className = "blank-chip";
        node.textContent = "……";
      } else node = document.createTextNode(span.text);
      if (span.italic) { const em = document.createElement("em"); em.append(node); node = em; }
      if (span.bold) { const strong = document.createElement("strong"); strong.append(node); node = strong; }
      box.append(node);
    }
    if (!md) box.textContent = msg("ui-js-empty", "(empty)");
    return box;
  }

  function column(title, md) {
    const col = document.createElement("div");
    col.className = "conflict-col";
    const h = document.createElement("h3");
    h.textContent = title;
    col.append(h, formatted(md));
    return col;
  }

  function button(text, cls, action) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "btn small " + cls;
    b.textContent = text;
    b.addEventListener("click", action);
    return b;
  }

  /** One paragraph in conflict: `keep(value)` saves the chosen text. */
  function card({ label, mine, theirs, keep }) {
    const box = document.createElement("section");
    box.className = "conflict-card";
    box.setAttribute("aria-label", label);
    const h = document.createElement("h2");
    h.textContent = label;
    const sides = document.createElement("div");
    sides.className = "conflict-sides";
    sides.append(column(msg("ui-js-mine", "Your version (not saved)"), mine), column(msg("ui-js-theirs", "The version saved elsewhere"), theirs));
    const actions = document.createElement("div");
    actions.className = "actions";
    const done = (value, said) => { keep(value); box.replaceChildren(h, Object.assign(document.createElement("p"), { textContent: said })); finish(); };
    actions.append(
      button(msg("ui-js-keep-mine", "Keep mine"), "primary", () => done(mine, msg("ui-js-kept-mine", "Your version was kept."))),
      button(msg("ui-js-keep-theirs", "Keep the other"), "", () => done(null, msg("ui-js-kept-theirs", "The version saved elsewhere was kept."))),
      button(msg("ui-js-by-hand", "Merge by hand"), "", () => byHand(box, sides, actions, mine, (value) => done(value, msg("ui-js-saved-merge", "Your merged version was saved.")))));
    box.append(h, sides, actions);
    return box;
  }

  function byHand(box, sides, actions, mine, save) {
    const mount = document.createElement("div");
    mount.className = "rt-host conflict-merge";
    sides.firstChild.replaceWith(Object.assign(document.createElement("div"), { className: "conflict-col" }));
    sides.firstChild.append(Object.assign(document.createElement("h3"), { textContent: msg("ui-js-merged-title", "The merged version (edit here)") }), mount);
    const editor = RichText.createParagraphEditor({ mount, markdown: mine, notes: RichFields.notes, single: true, label: msg("ui-js-merged", "The merged version") });
    actions.replaceChildren(button(msg("ui-js-save-this", "Save this version"), "primary", () => { const md = editor.markdown(); editor.destroy(); save(md); }));
    editor.focusAt("end");
  }

  function finish() {
    if ($("conflict-list").querySelector(".conflict-card .conflict-sides")) return;
    $("conflict").hidden = true;
    $("conflict-list").replaceChildren();
  }

  /** Show the paragraphs in conflict: items {label, mine, theirs, keep(value|null)}. */
  function show(items) {
    $("conflict-text").textContent = msg("ui-js-conflict", "While you were editing, the document was saved elsewhere (another tab, window or program). That version is loaded; for each paragraph changed differently on both sides, choose the version to keep.");
    $("conflict-list").replaceChildren(...items.map(card));
    $("conflict").hidden = false;
    const first = $("conflict").querySelector("button");
    if (first) first.focus();
  }

  function labelOf(field) {
    const section = field.closest("section.section");
    const title = section ? section.querySelector("textarea.title") : null;
    const what = field.getAttribute("aria-label") || msg("ui-paragraph", "Paragraph");
    return title ? msg("ui-js-in-section", "{what} — section «{title}»", { what, title: title.value }) : what;
  }

  /** Set a field's text as if typed (its editor too), to be saved. */
  function setField(id, value) {
    const field = document.getElementById(id);
    if (!field) return;
    const rec = RichFields.recOf(field);
    if (rec) {
      rec.editor.setMarkdown(value);
      RichFields.written(rec, rec.editor.markdown());
    } else {
      field.value = value;
      field.dispatchEvent(new Event("input", { bubbles: true }));
    }
  }

  /** This tab's unsaved edits against the version now shown: the paragraphs that differ, as
      cards; edits of fields nobody else changed are queued again (`requeue`). */
  function compare(kept, requeue) {
    const cards = [];
    for (const item of kept) {
      const path = item.op === "set_footnote" ? ["footnotes", item.args.id] : item.args.path;
      const id = path ? "f-" + path.join("-") : null;
      const field = id && document.getElementById(id);
      if (!field || item.op === "set_meta" || item.op === "add_footnote") { requeue(item); continue; }
      const theirs = field.value, mine = item.args.value;
      if (theirs === mine) continue;
      cards.push({ label: labelOf(field), mine, theirs, keep: (value) => { if (value !== null) setField(id, value); } });
    }
    return cards;
  }

  return { show, formatted, compare };
})();
