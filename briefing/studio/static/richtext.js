/* richtext.js: formatted-text editing of the content's inline Markdown, one paragraph per
   editor. Needs vendor/prosemirror.bundle.js (global PM), richmarkdown.js and richpaste.js.
   Exposes `window.RichText`; under
   node (tests) `require("./richtext.js")` after the bundle has defined `globalThis.PM`.

   - schema: doc > paragraph+ (an editor holds one; a second one is reported as a split),
     marks strong and em, inline atom `footnote` {id} shown as its number in superscript;
   - fromMarkdown / toMarkdown: the dialect of briefing/text/inline_markdown.py, parsed by the
     same markdown-it code, written in the canonical form of inline_canon.py (same rules, same
     order: see that file's docstring, R0-R4);
   - paste: only bold, italic and footnotes survive (Word, LibreOffice, Google Docs, web pages);
   - createParagraphEditor / createNoteEditor: the views, reporting to the host app. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory(globalThis.PM);
  else root.RichText = factory(root.PM);
})(typeof self !== "undefined" ? self : globalThis, function (PM) {
  "use strict";
  if (!PM) throw new Error("richtext.js needs vendor/prosemirror.bundle.js first");
  const M = (typeof module === "object" && module.exports) ? require("./richmarkdown.js") : self.RichMarkdown;
  const {
    FOOTNOTE_CALL, ID_RE, BLANK_AHEAD, BLANK_TEXT, BOLD, ITALIC, isBlank, charClass,
    parseInline, blankSpan, itemsOfSpans, spansOfItems, canonicalItems, write,
  } = M;
  const { Schema, DOMParser: PMDOMParser, Fragment } = PM.model;
  const { EditorState, TextSelection, NodeSelection, Plugin } = PM.state;
  const { EditorView } = PM.view;
  const { toggleMark, baseKeymap, chainCommands } = PM.commands;
  const { keymap } = PM.keymap;
  const { history, undo, redo } = PM.history;

  // ===================================================================================
  // Schema
  // ===================================================================================
  const hooks = {
    noteText: () => null,    // id -> Markdown of the note (host sets these)
    noteNumber: () => null,  // id -> its number
  };
  const NORMAL_WEIGHT = /^(normal|lighter|[1-4]00)$/;
  const markSpecs = {
    strong: {
      parseDOM: [
        { tag: "strong" },
        { tag: "b", getAttrs: (node) => !NORMAL_WEIGHT.test(node.style.fontWeight) && null },
        { style: "font-weight", getAttrs: (value) => /^(bold(er)?|[5-9]\d{2,})$/.test(value) && null },
        { style: "font-weight", clearMark: (m) => m.type.name === "strong", getAttrs: (value) => NORMAL_WEIGHT.test(value) && null },
      ],
      toDOM: () => ["strong", 0],
    },
    em: {
      parseDOM: [
        { tag: "i" }, { tag: "em" },
        { style: "font-style=italic" }, { style: "font-style=oblique" },
        { style: "font-style=normal", clearMark: (m) => m.type.name === "em" },
      ],
      toDOM: () => ["em", 0],
    },
  };
  /** A fill-in blank: a chip that cannot be typed into, bold/italic like text. */
  const blankSpec = {
    group: "inline", inline: true, atom: true, selectable: true, draggable: false,
    attrs: { src: { default: "{blank}" } },
    leafText: () => BLANK_TEXT,
    parseDOM: [{
      tag: "span[data-blank]",
      getAttrs: (dom) => (BLANK_AHEAD.test(dom.getAttribute("data-blank") || "") ? { src: dom.getAttribute("data-blank") } : false),
    }],
    toDOM: (node) => {
      const span = blankSpan(node.attrs.src, 0);
      const label = span.fill ? msg("ui-js-blank-line", "blank to the end of the line") : span.width ? msg("ui-js-blank-width", "blank of {width} mm", { width: span.width }) : msg("ui-js-blank", "blank");
      return ["span", { class: "blank-chip", "data-blank": node.attrs.src, contenteditable: "false", title: msg("ui-js-blank-title", "To fill in on paper: {what}", { what: label }) },
        ["span", { "aria-hidden": "true" }, span.fill ? "……→" : "……"], ["span", { class: "sr-only" }, label]];
    },
  };
  const schema = new Schema({
    nodes: {
      doc: { content: "paragraph+" },
      paragraph: { content: "inline*", parseDOM: [{ tag: "p" }], toDOM: () => ["p", 0] },
      text: { group: "inline" },
      footnote: {
        group: "inline", inline: true, atom: true, selectable: true, draggable: false, marks: "",
        attrs: { id: {} },
        leafText: () => "",
        parseDOM: [{
          tag: "sup[data-footnote]",
          getAttrs: (dom) => (ID_RE.test(dom.getAttribute("data-footnote") || "") ? { id: dom.getAttribute("data-footnote") } : false),
        }],
        toDOM: (node) => {
          const attrs = { "data-footnote": node.attrs.id };
          const text = hooks.noteText(node.attrs.id);
          if (text != null) attrs["data-note"] = text;   // a copy carries its note along
          return ["sup", attrs, String(hooks.noteNumber(node.attrs.id) || "*")];
        },
      },
      blank: blankSpec,
    },
    marks: markSpecs,
  });
  const noteSchema = new Schema({
    nodes: {
      doc: { content: "paragraph" },
      paragraph: { content: "inline*", marks: "_", parseDOM: [{ tag: "p" }], toDOM: () => ["p", 0] },
      text: { group: "inline" },
      blank: blankSpec,
    },
    marks: markSpecs,
  });

  function itemsOfParagraph(paragraph) {
    const items = [];
    paragraph.forEach((node) => {
      if (node.isText) {
        let marks = 0;
        for (const mark of node.marks) {
          if (mark.type.name === "strong") marks |= BOLD;
          else if (mark.type.name === "em") marks |= ITALIC;
        }
        for (const ch of node.text) items.push([ch, marks]);
      } else if (node.type.name === "footnote") items.push([null, node.attrs.id]);
      else if (node.type.name === "blank") {
        items.push([node.attrs.src, node.marks.reduce((m, mark) => m | (mark.type.name === "strong" ? BOLD : mark.type.name === "em" ? ITALIC : 0), 0)]);
      }
    });
    return items;
  }
  function paragraphOfItems(items, targetSchema = schema) {
    const nodes = [];
    for (const span of spansOfItems(items)) {
      if (span.footnote) {
        if (targetSchema.nodes.footnote) nodes.push(targetSchema.nodes.footnote.create({ id: span.text }));
        continue;
      }
      const marks = [];
      if (span.bold) marks.push(targetSchema.marks.strong.create());
      if (span.italic) marks.push(targetSchema.marks.em.create());
      if (span.blank) nodes.push(targetSchema.nodes.blank.create({ src: span.src }, null, marks));
      else nodes.push(targetSchema.text(span.text, marks));
    }
    return targetSchema.nodes.paragraph.create(null, nodes);
  }

  /** Canonical Markdown of a paragraph node (or of a doc's only paragraph). */
  function toMarkdown(node) {
    if (node.type.name === "doc") {
      if (node.childCount !== 1) throw new Error("toMarkdown: the doc holds " + node.childCount + " paragraphs");
      node = node.firstChild;
    }
    return write(canonicalItems(itemsOfParagraph(node)));
  }
  /** A doc (one paragraph) from Markdown of the content format. */
  function fromMarkdown(text, targetSchema = schema) {
    return targetSchema.nodes.doc.create(null, paragraphOfItems(itemsOfSpans(parseInline(text)), targetSchema));
  }
  /** The doc that toMarkdown(doc) reads back as. */
  function canonicalDoc(doc) {
    return doc.type.schema.nodes.doc.create(null, paragraphOfItems(canonicalItems(itemsOfParagraph(doc.firstChild)), doc.type.schema));
  }
  const spansToMarkdown = (spans) => write(canonicalItems(itemsOfSpans(spans)));
  const canonicalSpans = (spans) => spansOfItems(canonicalItems(itemsOfSpans(spans)));
  const normalizeMarkdown = (text) => spansToMarkdown(parseInline(text));

  // ===================================================================================
  // Notes: texts, numbers, ids
  // ===================================================================================
  function foldAscii(text) {
    return text.replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFKD").replace(/\p{M}/gu, "");
  }
  function slug(text, fallback, words = 4, length = 40) {
    const found = foldAscii(text).toLowerCase().match(/[a-z0-9]+/g) || [];
    return found.slice(0, words).join("-").slice(0, length).replace(/^-+|-+$/g, "") || fallback;
  }

  /** The document's footnotes as the editors see them: id -> Markdown text, which ids the
      server has, numbers (order of first call), and the <sup>s that show them. */
  class Notes {
    constructor(texts = {}) {
      this.texts = new Map(Object.entries(texts));
      this.saved = new Map(Object.entries(texts));   // what the server holds
      this.numbers = new Map();
      this.shown = new Set();                        // FootnoteViews
    }
    has(id) { return this.texts.has(id); }
    text(id) { return this.texts.get(id); }
    setText(id, text) { this.texts.set(id, text); this.refresh(); }
    remove(id) { this.texts.delete(id); }
    newId(text) {
      const base = slug(parseInline(text).filter((s) => !s.footnote).map((s) => s.text).join(""), "chu-thich");
      let name = base, n = 2;
      while (this.texts.has(name)) name = base + "-" + n++;
      return name;
    }
    /** Number the calls in the order given (ids of every call in document order). */
    renumber(callIds) {
      this.numbers = new Map();
      for (const id of callIds) if (!this.numbers.has(id)) this.numbers.set(id, this.numbers.size + 1);
      this.refresh();
    }
    number(id) { return this.numbers.get(id) || null; }
    refresh() { for (const view of this.shown) view.render(); }
  }

  class FootnoteView {
    constructor(node, notes) {
      this.node = node;
      this.notes = notes;
      this.dom = document.createElement("sup");
      this.dom.className = "fn";
      this.dom.contentEditable = "false";
      this.hidden = document.createElement("span");
      this.hidden.className = "sr-only";
      this.hidden.textContent = msg("ui-js-note-sr", "footnote") + " ";
      this.num = document.createElement("span");
      this.dom.append(this.hidden, this.num);
      notes.shown.add(this);
      this.render();
    }
    render() {
      const id = this.node.attrs.id;
      this.dom.dataset.footnote = id;
      this.num.textContent = String(this.notes.number(id) || "?");
      const text = this.notes.text(id);
      this.dom.title = text == null ? msg("ui-js-note-empty", "Footnote without text") : plainText(text);
      this.dom.classList.toggle("missing", text == null);
    }
    update(node) {
      if (node.type !== this.node.type) return false;
      this.node = node;
      this.render();
      return true;
    }
    selectNode() { this.dom.classList.add("selected"); }
    deselectNode() { this.dom.classList.remove("selected"); }
    ignoreMutation() { return true; }
    destroy() { this.notes.shown.delete(this); }
  }
  const plainText = (markdown) => parseInline(markdown).filter((s) => !s.footnote).map((s) => s.text).join("");


  const { cleanPastedHTML } = ((typeof module === "object" && module.exports) ? require("./richpaste.js") : self.RichPaste)(
    { noteSchema, itemsOfParagraph, write, canonicalItems, ID_RE, PMDOMParser });

  // ===================================================================================
  // Editors
  // ===================================================================================
  const isAtStart = (state) => state.selection.empty && state.selection.$head.pos === 1;
  const isAtEnd = (state) => state.selection.empty && state.selection.$head.pos === state.doc.content.size - 1;

  /** One paragraph's editor. `options`:
      mount, markdown, label, notes (Notes), and callbacks the host turns into YAML
      operations: onChange(editor), onSplit(editor, {paragraphs, index, fromEnd}),
      onMerge(editor, "backward"|"forward"), onLeave(editor, "up"|"down"),
      onFootnote(editor, id, pos), onSelection(editor), onInsertFootnote(editor). */
  /** The keys of a paragraph's editor; `call(name, …)` reports to the host. */
  function paragraphKeys(options, call) {
    const keys = {
      "Mod-b": toggleMark(schema.marks.strong),
      "Mod-i": toggleMark(schema.marks.em),
      // nothing left to undo here (the editor was re-made after a split, a move…): the
      // studio's own undo of the last change
      "Mod-z": (state, dispatch) => undo(state, dispatch) || (call("onUndoEmpty"), true),
      "Mod-y": (state, dispatch) => redo(state, dispatch) || (call("onRedoEmpty"), true),
      "Shift-Mod-z": (state, dispatch) => redo(state, dispatch) || (call("onRedoEmpty"), true),
      "Mod-Alt-f": () => { call("onInsertFootnote"); return true; },
      "Shift-Enter": (state, dispatch) => keys.Enter(state, dispatch),
      Enter: (state, dispatch) => {
        const sel = state.selection;
        if (sel instanceof NodeSelection && sel.node.type === schema.nodes.footnote) {
          call("onFootnote", sel.node.attrs.id, sel.from);
          return true;
        }
        if (options.single) return true;   // a cell, a caption: one paragraph
        return baseKeymap.Enter(state, dispatch);   // splits: reported as onSplit
      },
      Backspace: (state) => (isAtStart(state) ? (call("onMerge", "backward"), true) : false),
      Delete: (state) => (isAtEnd(state) ? (call("onMerge", "forward"), true) : false),
      ArrowUp: (state, dispatch, view) => (view && view.endOfTextblock("up") ? (call("onLeave", "up"), true) : false),
      ArrowDown: (state, dispatch, view) => (view && view.endOfTextblock("down") ? (call("onLeave", "down"), true) : false),
      ArrowLeft: (state) => (isAtStart(state) ? (call("onLeave", "up"), true) : false),
      ArrowRight: (state) => (isAtEnd(state) ? (call("onLeave", "down"), true) : false),
    };
    return keys;
  }

  function createParagraphEditor(options) {
    const notes = options.notes || new Notes();
    const call = (name, ...args) => (options[name] ? options[name](editor, ...args) : undefined);
    const editor = {};
    const keys = paragraphKeys(options, call);
    const plugins = () => [history(), keymap(keys), keymap(baseKeymap), PM.dropcursor.dropCursor()];
    const stateOf = (doc) => EditorState.create({ doc, plugins: plugins() });

    const view = new EditorView(options.mount, {
      state: stateOf(fromMarkdown(options.markdown || "")),
      attributes: {
        spellcheck: "true", lang: "vi", role: "textbox", "aria-multiline": "true",
        "aria-label": options.label || msg("ui-paragraph", "Paragraph"), class: "richtext",
      },
      nodeViews: { footnote: (node) => new FootnoteView(node, notes) },
      transformPastedHTML: (html) => cleanPastedHTML(html, notes),
      handleClickOn: (v, pos, node, nodePos) => {
        if (node.type !== schema.nodes.footnote) return false;
        v.dispatch(v.state.tr.setSelection(NodeSelection.create(v.state.doc, nodePos)));
        call("onFootnote", node.attrs.id, nodePos);
        return true;
      },
      dispatchTransaction(tr) {
        const state = view.state.apply(tr);
        if (state.doc.childCount > 1) {   // Enter, or a paste of several paragraphs
          const paragraphs = [];
          state.doc.forEach((p) => paragraphs.push(toMarkdown(p)));
          const $head = state.selection.$head;
          const index = $head.index(0);
          const fromEnd = $head.parent.content.size - $head.parentOffset;
          view.updateState(stateOf(fromMarkdown(paragraphs[0])));
          call("onSplit", { paragraphs, index, fromEnd });
          return;
        }
        view.updateState(state);
        if (tr.docChanged) call("onChange");
        call("onSelection");
      },
    });

    return Object.assign(editor, { view, notes }, paragraphMethods(view, stateOf), footnoteMethods(view));
  }

  /** What the host asks of a paragraph's editor. */
  function paragraphMethods(view, stateOf) {
    return {
      markdown: () => toMarkdown(view.state.doc),
      setMarkdown(text) { view.updateState(stateOf(fromMarkdown(text))); },
      active() {   // what the toolbar shows as pressed
        const { state } = view;
        const has = (type) => {
          const { from, $from, to, empty } = state.selection;
          if (empty) return !!type.isInSet(state.storedMarks || $from.marks());
          return state.doc.rangeHasMark(from, to, type);
        };
        return { bold: has(schema.marks.strong), italic: has(schema.marks.em) };
      },
      toggle(name) {
        toggleMark(schema.marks[name === "bold" ? "strong" : "em"])(view.state, view.dispatch);
        view.focus();
      },
      /** Append another editor's paragraph (a merge); returns the join position. */
      append(other) {
        // a split takes the space at the cut away (a paragraph has no blank at its ends):
        // joining two words puts one back
        const end = view.state.doc.content.size - 1;
        const left = view.state.doc.textBetween(0, end, "", "\ufffc").slice(-1);
        const right = other.view.state.doc.textBetween(0, other.view.state.doc.content.size, "", "\ufffc").slice(0, 1);
        const tr = view.state.tr;
        const gap = left && right && !/\s/.test(left) && !/\s/.test(right) ? " " : "";
        if (gap) tr.insertText(gap, end);
        tr.insert(end + gap.length, other.view.state.doc.firstChild.content);
        tr.setSelection(TextSelection.create(tr.doc, end + gap.length)).setMeta("addToHistory", false);
        view.dispatch(tr);
        return end + gap.length;
      },
      focusAt(where) {
        const size = view.state.doc.content.size;
        let pos = where === "start" ? 1 : where === "end" ? size - 1 : Math.max(1, Math.min(size - 1, where));
        view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, pos)).scrollIntoView());
        view.focus();
      },
      destroy() { view.destroy(); },
    };
  }

  /** The footnote calls of a paragraph's editor. */
  function footnoteMethods(view) {
    return {
      footnoteIds() {
        const ids = [];
        view.state.doc.descendants((n) => { if (n.type === schema.nodes.footnote) ids.push(n.attrs.id); });
        return ids;
      },
      insertFootnote(id) {
        const node = schema.nodes.footnote.create({ id });
        const tr = view.state.tr.replaceSelectionWith(node, false);
        view.dispatch(tr.scrollIntoView());
        return tr.selection.from - 1;   // the call's position
      },
      /** Remove every call of `id` without an undo step (the note is gone). */
      removeFootnote(id) {
        const tr = view.state.tr;
        view.state.doc.descendants((n, pos) => {
          if (n.type === schema.nodes.footnote && n.attrs.id === id) tr.delete(tr.mapping.map(pos), tr.mapping.map(pos + 1));
        });
        if (tr.docChanged) view.dispatch(tr.setMeta("addToHistory", false));
      },
      renameFootnote(from, to) {
        const tr = view.state.tr;
        view.state.doc.descendants((n, pos) => {
          if (n.type === schema.nodes.footnote && n.attrs.id === from) tr.setNodeMarkup(pos, null, { id: to });
        });
        if (tr.docChanged) view.dispatch(tr.setMeta("addToHistory", false));
      },
      selectFootnote(pos) {
        view.dispatch(view.state.tr.setSelection(NodeSelection.create(view.state.doc, pos)));
        view.focus();
      },
    };
  }

  /** The editor of a note's text (bold and italic only; Enter and Escape call onDone). */
  function createNoteEditor({ mount, markdown, label, onChange, onDone }) {
    const keys = {
      "Mod-b": toggleMark(noteSchema.marks.strong), "Mod-i": toggleMark(noteSchema.marks.em),
      "Mod-z": undo, "Mod-y": redo, "Shift-Mod-z": redo,
      Enter: () => { onDone && onDone("enter"); return true; },
      "Shift-Enter": () => true,
      Escape: () => { onDone && onDone("escape"); return true; },
    };
    const view = new EditorView(mount, {
      state: EditorState.create({ doc: fromMarkdown(markdown || "", noteSchema), plugins: [history(), keymap(keys), keymap(baseKeymap)] }),
      attributes: { spellcheck: "true", lang: "vi", role: "textbox", "aria-multiline": "false", "aria-label": label || msg("ui-footnote-text", "Text of the footnote"), class: "richtext note-text" },
      transformPastedHTML: (html) => cleanPastedHTML(html, null),
      dispatchTransaction(tr) {
        view.updateState(view.state.apply(tr));
        if (tr.docChanged && onChange) onChange(toMarkdown(view.state.doc));
      },
    });
    return {
      view,
      markdown: () => toMarkdown(view.state.doc),
      toggle(name) { toggleMark(noteSchema.marks[name === "bold" ? "strong" : "em"])(view.state, view.dispatch); view.focus(); },
      focus() { view.focus(); view.dispatch(view.state.tr.setSelection(TextSelection.atEnd(view.state.doc))); },
      destroy() { view.destroy(); },
    };
  }

  return {
    schema, noteSchema, hooks, Notes, slug,
    parseInline, toMarkdown, fromMarkdown, canonicalDoc, normalizeMarkdown,
    spansToMarkdown, canonicalSpans, charClass,
    cleanPastedHTML, createParagraphEditor, createNoteEditor,
  };
});
