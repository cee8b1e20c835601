/* richtext.js: formatted-text editing of the content's inline Markdown, one paragraph per
   editor. Needs vendor/prosemirror.bundle.js (global PM). Exposes `window.RichText`; under
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
  const { Schema, DOMParser: PMDOMParser, Fragment } = PM.model;
  const { EditorState, TextSelection, NodeSelection, Plugin } = PM.state;
  const { EditorView } = PM.view;
  const { toggleMark, baseKeymap, chainCommands } = PM.commands;
  const { keymap } = PM.keymap;
  const { history, undo, redo } = PM.history;

  // ===================================================================================
  // Markdown reading: markdown-it's inline parser configured as make_parser() does
  // ===================================================================================
  const FOOTNOTE_ID = "[A-Za-z0-9_-]+";
  const FOOTNOTE_CALL = new RegExp("\\[\\^(" + FOOTNOTE_ID + ")\\]", "y");
  const ID_RE = new RegExp("^" + FOOTNOTE_ID + "$");
  // a fill-in blank: {blank}, {blank:40} or {blank:40mm} (mm), {fill}; not inside {{ … }}
  const BLANK_SRC = "\\{(?:blank(?::(\\d{1,4}(?:\\.\\d{1,2})?)(?:mm)?)?|(fill))\\}(?!\\})";
  const BLANK = new RegExp(BLANK_SRC, "y");
  const BLANK_AHEAD = new RegExp("^" + BLANK_SRC);
  /** A blank item's "character" is its source ("{blank:40}"): longer than any one char. */
  const isBlank = (ch) => ch !== null && ch.length > 2 && ch[0] === "{";

  function fillInBlank(state, silent) {
    const pos = state.pos;
    if (state.src.charCodeAt(pos) !== 0x7b || (pos > 0 && state.src.charCodeAt(pos - 1) === 0x7b)) return false;
    BLANK.lastIndex = pos;
    const match = BLANK.exec(state.src);
    if (!match) return false;
    if (!silent) {
      const token = state.push("fill_in_blank", "", 0);
      token.meta = { src: match[0], fill: !!match[2], width: match[1] === undefined ? null : Number(match[1]) };
    }
    state.pos += match[0].length;
    return true;
  }

  function footnoteCall(state, silent) {
    if (state.src.charCodeAt(state.pos) !== 0x5b || state.src.charCodeAt(state.pos + 1) !== 0x5e) return false;
    FOOTNOTE_CALL.lastIndex = state.pos;
    const match = FOOTNOTE_CALL.exec(state.src);
    if (!match) return false;
    if (!silent) {
      const token = state.push("footnote_call", "", 0);
      token.meta = { id: match[1] };
    }
    state.pos += match[0].length;
    return true;
  }

  // Character classes as markdown-it-py sees them: by code point (markdown-it in JS looks at
  // UTF-16 units, so an emoji next to '*' would be read differently than on the server).
  const PUNCT_RE = /^[\p{P}\p{S}]$/u;
  const WS = 0, PUNCT = 1, WORD = 2;
  function charClass(ch) {
    const code = ch.codePointAt(0);
    if (PM.isWhiteSpace(code)) return WS;
    if (PM.isMdAsciiPunct(code) || PUNCT_RE.test(ch)) return PUNCT;
    return WORD;
  }
  function codePointBefore(src, index) {
    const low = src.charCodeAt(index - 1);
    if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
      const high = src.charCodeAt(index - 2);
      if (high >= 0xd800 && high <= 0xdbff) return src.slice(index - 2, index);
    }
    return src[index - 1];
  }

  const inline = new PM.ParserInline();
  inline.ruler.enableOnly(["text"]);                       // the "zero" preset
  inline.ruler2.enableOnly(["balance_pairs", "fragments_join"]);
  inline.ruler.enable(["emphasis", "escape", "newline"]);  // md.enable([...])
  inline.ruler2.enable(["emphasis"]);
  inline.ruler.before("emphasis", "footnote_call", footnoteCall);
  inline.ruler.before("emphasis", "fill_in_blank", fillInBlank);
  // StateInline with markdown-it-py's scanDelims (code points, not UTF-16 units)
  const BaseState = inline.State;
  function State(src, md, env, tokens) { BaseState.call(this, src, md, env, tokens); }
  State.prototype = Object.create(BaseState.prototype);
  State.prototype.constructor = State;
  State.prototype.scanDelims = function (start, canSplitWord) {
    const src = this.src, max = this.posMax, marker = src.charCodeAt(start);
    const lastChar = start > 0 ? codePointBefore(src, start) : " ";
    let pos = start;
    while (pos < max && src.charCodeAt(pos) === marker) pos++;
    const count = pos - start;
    const nextChar = pos < max ? String.fromCodePoint(src.codePointAt(pos)) : " ";
    const lastClass = charClass(lastChar), nextClass = charClass(nextChar);
    const isLastPunct = lastClass === PUNCT, isNextPunct = nextClass === PUNCT;
    const isLastWs = lastClass === WS, isNextWs = nextClass === WS;
    const left = !(isNextWs || (isNextPunct && !(isLastWs || isLastPunct)));
    const right = !(isLastWs || (isLastPunct && !(isNextWs || isNextPunct)));
    return {
      can_open: left && (canSplitWord || !right || isLastPunct),
      can_close: right && (canSplitWord || !left || isNextPunct),
      length: count,
    };
  };
  inline.State = State;
  const MD = { options: { maxNesting: 20 }, inline };

  /** Spans of `text`, exactly as briefing's parse_inline returns them:
      {text, bold, italic, footnote} with adjacent runs of one style merged. */
  function parseInline(text) {
    const src = String(text).replace(/\r\n?|\n/g, "\n").replace(/\0/g, "\uFFFD");
    const tokens = [];
    inline.parse(src, MD, {}, tokens);
    const spans = [];
    let bold = 0, italic = 0;
    const append = (span) => {
      if (!span.text) return;
      const last = spans[spans.length - 1];
      if (last && !last.footnote && !last.blank && last.bold === span.bold && last.italic === span.italic) last.text += span.text;
      else spans.push(span);
    };
    for (const token of tokens) {
      const kind = token.type;
      if (kind === "strong_open") bold++;
      else if (kind === "strong_close") bold--;
      else if (kind === "em_open") italic++;
      else if (kind === "em_close") italic--;
      else if (kind === "footnote_call") spans.push({ text: token.meta.id, bold: false, italic: false, footnote: true });
      else if (kind === "fill_in_blank") spans.push({ text: BLANK_TEXT, bold: bold > 0, italic: italic > 0, footnote: false, blank: true, ...token.meta });
      else if (kind === "text" || kind === "text_special") append({ text: token.content, bold: bold > 0, italic: italic > 0, footnote: false });
      else if (kind === "softbreak" || kind === "hardbreak") append({ text: " ", bold: bold > 0, italic: italic > 0, footnote: false });
      else append({ text: token.content || token.markup, bold: bold > 0, italic: italic > 0, footnote: false });
    }
    return spans;
  }

  // ===================================================================================
  // Canonical form and writing: a port of inline_canon.py (keep the two in step)
  // ===================================================================================
  const BOLD = 1, ITALIC = 2;
  const BLANK_TEXT = "\u2026";
  /** The source of a blank span (its own when read from a file, else the shortest). */
  const blankSource = (span) => span.src || (span.fill ? "{fill}" : span.width == null ? "{blank}" : "{blank:" + span.width + "}");
  function blankSpan(src, marks) {
    const match = BLANK_AHEAD.exec(src);
    return { text: BLANK_TEXT, bold: !!(marks & BOLD), italic: !!(marks & ITALIC), footnote: false, blank: true,
             src, fill: !!match[2], width: match[1] === undefined ? null : Number(match[1]) };
  }
  const DELIM = { 1: "**", 2: "*" };

  function itemsOfSpans(spans) {
    const items = [];
    for (const span of spans) {
      if (span.footnote) { items.push([null, span.text]); continue; }
      const marks = (span.bold ? BOLD : 0) | (span.italic ? ITALIC : 0);
      if (span.blank) { items.push([blankSource(span), marks]); continue; }
      for (const ch of span.text) items.push([ch, marks]);
    }
    return items;
  }
  function spansOfItems(items) {
    const out = [];
    for (const [ch, value] of items) {
      if (ch === null) { out.push({ text: value, bold: false, italic: false, footnote: true }); continue; }
      if (isBlank(ch)) { out.push(blankSpan(ch, value)); continue; }
      const bold = !!(value & BOLD), italic = !!(value & ITALIC);
      const last = out[out.length - 1];
      if (last && !last.footnote && !last.blank && last.bold === bold && last.italic === italic) last.text += ch;
      else out.push({ text: ch, bold, italic, footnote: false });
    }
    return out;
  }
  function normalizeItems(items) {   // R0 on items (a character may become several)
    const out = [];
    let text = [];
    const flush = () => {
      if (!text.length) return;
      // NFC over each run of one style, as Python normalises each span's text
      let run = [], marks = null;
      const emit = () => {
        if (!run.length) return;
        const s = run.join("").normalize("NFC").replace(/\r\n/g, " ").replace(/[\r\n]/g, " ").replace(/\0/g, "\uFFFD");
        for (const ch of s) out.push([ch, marks]);
        run = [];
      };
      for (const [ch, m] of text) { if (m !== marks) { emit(); marks = m; } run.push(ch); }
      emit();
      text = [];
    };
    for (const item of items) {
      if (item[0] === null || isBlank(item[0])) { flush(); out.push([item[0], item[1]]); } else text.push(item);
    }
    flush();
    return out;
  }

  function runs(items, bit) {
    const found = [];
    let start = null, last = null;
    items.forEach(([ch, value], index) => {
      if (ch === null) return;
      if (value & bit) { if (start === null) start = index; last = index; }
      else if (start !== null) { found.push([start, last]); start = last = null; }
    });
    if (start !== null) found.push([start, last]);
    return found;
  }
  function clsAt(items, index) {
    if (index < 0 || index >= items.length) return WS;
    const ch = items[index][0];
    return ch === null ? PUNCT : charClass(ch);
  }
  function stripEnds(items) {   // R1
    let start = 0, end = items.length;
    while (start < end && items[start][0] !== null && charClass(items[start][0]) === WS) start++;
    while (end > start && items[end - 1][0] !== null && charClass(items[end - 1][0]) === WS) end--;
    return items.slice(start, end);
  }
  function edgeRules(items) {   // R2, R3
    let changed = true;
    while (changed) {
      changed = false;
      outer: for (const bit of [BOLD, ITALIC]) {
        for (const [first, last] of runs(items, bit)) {
          for (const index of first === last ? [first] : [first, last]) {
            if (charClass(items[index][0]) === WS) { items[index][1] &= ~bit; changed = true; }
          }
          if (changed) break outer;
          if (clsAt(items, last) === PUNCT && clsAt(items, last + 1) === WORD) { items[last][1] &= ~bit; changed = true; }
          if (clsAt(items, first) === PUNCT && clsAt(items, first - 1) === WORD) { items[first][1] &= ~bit; changed = true; }
          if (changed) break outer;
        }
      }
    }
  }
  function plan(items) {
    const cover = items.map(() => new Map());
    for (const bit of [BOLD, ITALIC]) {
      for (const [first, last] of runs(items, bit)) {
        for (let i = first; i <= last; i++) cover[i].set(bit, last);
      }
    }
    const tokens = [], reopened = [], stack = [];
    for (let index = 0; index <= items.length; index++) {
      const want = index < items.length ? cover[index] : new Map();
      while (stack.length && stack.some((bit) => !want.has(bit))) {
        const bit = stack.pop();
        tokens.push(["d", DELIM[bit]]);
        if (want.has(bit)) reopened.push([index, bit]);
      }
      const opening = [...want.keys()].filter((b) => !stack.includes(b))
        .sort((a, b) => (want.get(b) - want.get(a)) || (a - b));
      for (const bit of opening) { stack.push(bit); tokens.push(["d", DELIM[bit]]); }
      if (index < items.length) {
        const [ch, value] = items[index];
        tokens.push(ch === null ? ["f", "[^" + value + "]"] : isBlank(ch) ? ["b", ch] : ["c", ch]);
      }
    }
    return { tokens, reopened };
  }
  function splitAtBlanks(items) {   // R2b
    let changed = false;
    for (const [index, bit] of plan(items).reopened) {
      let k = index;
      while (k < items.length && items[k][0] === null) k++;
      while (k < items.length && items[k][0] !== null && charClass(items[k][0]) === WS && (items[k][1] & bit)) {
        items[k][1] &= ~bit; k++; changed = true;
      }
    }
    return changed;
  }
  function escapeTokens(tokens) {
    const firstChar = (i) => (i < tokens.length ? String.fromCodePoint(tokens[i][1].codePointAt(0)) : null);
    const lastChar = (i) => (i >= 0 ? Array.from(tokens[i][1]).pop() : null);
    const word = (ch) => ch !== null && charClass(ch) === WORD;
    const isU = (t) => t && t[0] === "c" && t[1] === "_";
    const out = [];
    tokens.forEach(([kind, text], i) => {
      if (kind !== "c") out.push(text);
      else if (text === "*") out.push("\\*");
      else if (text === "_") {
        let after = i; while (after < tokens.length && isU(tokens[after])) after++;
        let before = i; while (before >= 0 && isU(tokens[before])) before--;
        out.push(word(lastChar(before)) && word(firstChar(after)) ? "_" : "\\_");
      } else if (text === "\\") {
        const following = firstChar(i + 1);
        out.push(following !== null && PM.isMdAsciiPunct(following.codePointAt(0)) ? "\\\\" : "\\");
      } else out.push(text);
    });
    tokens.forEach(([kind, text], i) => {
      if (kind === "c" && text === "{" && !(i > 0 && out[i - 1].endsWith("{"))) {
        const rest = tokens.slice(i, i + 16).map((t) => t[1]).join("");
        if (BLANK_AHEAD.test(rest)) out[i] = "\\{";
      }
      if (kind === "c" && text === "[") {
        let rest = "[";
        for (const piece of out.slice(i + 1)) { rest += piece; if (piece.includes("]")) break; }
        FOOTNOTE_CALL.lastIndex = 0;
        if (FOOTNOTE_CALL.exec(rest)) out[i] = "\\[";
      }
    });
    return out.join("");
  }
  const write = (items) => escapeTokens(plan(items).tokens);

  function sameItems(a, b) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i][0] !== b[i][0] || a[i][1] !== b[i][1]) return false;
    return true;
  }
  function repair(items, got) {   // R4
    const back = itemsOfSpans(got);
    let index = Math.min(items.length, back.length);
    for (let k = 0; k < Math.min(items.length, back.length); k++) {
      if (items[k][0] !== back[k][0] || items[k][1] !== back[k][1]) { index = k; break; }
    }
    const collect = (near) => {
      const found = [];
      for (const bit of [BOLD, ITALIC]) {
        for (const [first, last] of runs(items, bit)) {
          if (near ? first - 1 <= index && index <= last + 1 : first <= index) found.push([last - first, first, bit, last]);
        }
      }
      return found;
    };
    let candidates = collect(true);
    if (!candidates.length) candidates = collect(false);
    if (!candidates.length) throw new Error("richtext: writer bug: " + JSON.stringify(write(items)));
    candidates.sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || x[3] - y[3]);
    const [, first, bit, last] = candidates[0];
    for (let k = first; k <= last; k++) if (items[k][0] !== null) items[k][1] &= ~bit;
  }
  /** A blank right after a "{" or right before a "}" is read as text ({{blank}} is not a
      blank): it becomes its characters, as the file would be read. */
  function bracedBlanks(items) {
    const out = [];
    items.forEach(([ch, marks], i) => {
      const before = i > 0 ? items[i - 1][0] : null, after = i + 1 < items.length ? items[i + 1][0] : null;
      if (isBlank(ch) && (before === "{" || after === "}")) {
        for (const c of ch) out.push([c, marks]);
      } else out.push([ch, marks]);
    });
    return out;
  }
  function canonicalItems(input) {
    let items = bracedBlanks(normalizeItems(input.map((x) => [x[0], x[1]])));
    for (let guard = 0; guard < 10000; guard++) {
      items = stripEnds(items);
      edgeRules(items);
      if (splitAtBlanks(items)) continue;
      const got = parseInline(write(items));
      if (sameItems(items, itemsOfSpans(got))) return items;
      repair(items, got);
    }
    throw new Error("richtext: canonical form not reached");
  }

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
      const label = span.fill ? "chỗ trống đến hết dòng" : span.width ? "chỗ trống " + span.width + " mm" : "chỗ trống";
      return ["span", { class: "blank-chip", "data-blank": node.attrs.src, contenteditable: "false", title: "Chỗ để điền khi in: " + label },
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
      this.hidden.textContent = "chú thích ";
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
      this.dom.title = text == null ? "Chú thích không có nội dung" : plainText(text);
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

  // ===================================================================================
  // Paste: keep bold, italic and footnotes; drop the rest
  // ===================================================================================
  const DROP = "script, style, meta, link, title, template, object, embed, iframe, img, svg, video, audio, canvas, input, select, textarea, button, noscript, head";
  const MARKER = /^\s*[[(]?\s*([0-9]+|[ivxlc]+|[a-z]|[*†‡§]+)\s*[\])]?\s*$/i;

  function noteBlockOf(target) {
    return target.closest('[style*="mso-element:footnote"], [style*="mso-element: footnote"], [style*="mso-element:endnote"], li, [id^="sdfootnote"], [id^="sdendnote"]')
      || (target.matches("p, div, aside, section") ? target : target.closest("p, div, aside"));
  }

  /** The footnote references of pasted HTML, each with its note's element (if present). */
  function findReferences(doc) {
    const found = [];
    for (const a of doc.querySelectorAll("a[href^='#']")) {
      const href = decodeURIComponent(a.getAttribute("href").slice(1));
      if (!href) continue;
      const cls = (a.className || "") + " " + (a.parentElement ? a.parentElement.className || "" : "");
      const style = a.getAttribute("style") || "";
      const wordRef = /^_(ftn|edn)\d+$/.test(href) || /mso-(foot|end)note-id/.test(style);
      const wordBack = /^_(ftn|edn)ref\d+$/.test(href);
      const inSup = !!a.closest("sup") || !!a.querySelector("sup") || /FootnoteReference|EndnoteReference/.test(a.innerHTML);
      const looksRef = wordRef || /sdfootnote\d+sym|sdendnote\d+sym|ftnt\d+|cite_note|fn|footnote|note/i.test(href) ||
        /noteref|footnote|reference|sdfootnoteanc/i.test(cls) || inSup;
      if (wordBack || !looksRef) continue;
      if (!wordRef && !MARKER.test(a.textContent)) continue;     // a real link, not a marker
      const target = doc.getElementById(href) || doc.querySelector(`[name="${CSS.escape(href)}"]`);
      const block = target ? noteBlockOf(target) : null;
      if (block && block.contains(a)) continue;                   // a back-link inside a note
      found.push({ a, block });
    }
    return found;
  }

  function noteMarkdown(block, doc) {
    const copy = block.cloneNode(true);
    // the note's own number and back-links go
    copy.querySelectorAll("a[href^='#']").forEach((a) => { if (MARKER.test(a.textContent) || a.querySelector("sup") || /ref|anc|backlink/i.test(a.getAttribute("href") + a.className)) a.remove(); });
    copy.querySelectorAll(".mw-cite-backlink, [class*='backlink'], .MsoFootnoteReference, .MsoEndnoteReference").forEach((e) => e.remove());
    cleanTree(copy);
    const wrapper = doc.createElement("div");
    wrapper.append(copy);
    // one paragraph of text: blocks inside the note are flattened, a space between them
    wrapper.querySelectorAll("p, div, li, ul, ol, h1, h2, h3, h4, h5, h6, blockquote, table, tr, td, th, aside, section")
      .forEach((e) => { e.after(" "); e.replaceWith(...e.childNodes); });
    const parsed = PMDOMParser.fromSchema(noteSchema).parse(wrapper, { topNode: noteSchema.nodes.paragraph.create() });
    const items = itemsOfParagraph(parsed);
    const md = write(canonicalItems(items));
    return md.replace(/^(\\?\[?\d+\]?|\^)\s+/, "");   // a leading "1 " or "^ " left over
  }

  function cleanTree(root) {
    root.querySelectorAll(DROP).forEach((e) => e.remove());
    root.querySelectorAll("[style]").forEach((e) => {
      const style = e.getAttribute("style").replace(/\s+/g, "");
      if (/mso-list:Ignore|display:none|visibility:hidden/i.test(style)) e.remove();
    });
    root.querySelectorAll("br").forEach((br) => br.replaceWith(" "));
    const walker = root.ownerDocument.createTreeWalker(root, 0x80 /* comments */);
    const comments = [];
    while (walker.nextNode()) comments.push(walker.currentNode);
    comments.forEach((c) => c.remove());
    // Word's o:p and the like: namespaced elements hold nothing worth keeping
    root.querySelectorAll("*").forEach((e) => { if (e.tagName.includes(":") && !e.textContent.trim()) e.remove(); });
    const texts = root.ownerDocument.createTreeWalker(root, 0x4 /* text */);
    while (texts.nextNode()) {
      const t = texts.currentNode;
      const v = t.nodeValue.replace(/\u00a0/g, " ").replace(/[\u200b\u200c\u200d\ufeff\u00ad]/g, "");
      if (v !== t.nodeValue) t.nodeValue = v;
    }
  }

  /** transformPastedHTML: clean pasted HTML; footnote references become
      <sup data-footnote=id>, their notes registered in `notes` (new ids where needed). */
  function cleanPastedHTML(html, notes) {
    const doc = new window.DOMParser().parseFromString(html, "text/html");
    const body = doc.body;
    const refs = findReferences(doc);
    const blocks = new Set();
    for (const { a, block } of refs) {
      let text = block ? noteMarkdown(block, doc) : "";
      const holder = a.parentElement && a.parentElement.tagName === "SUP" && a.parentElement.textContent.trim() === a.textContent.trim() ? a.parentElement : a;
      if (!text) { holder.remove(); continue; }
      const sup = doc.createElement("sup");
      sup.setAttribute("data-footnote", "pasted");
      sup.setAttribute("data-note", text);
      holder.replaceWith(sup);
      blocks.add(block);
    }
    for (const block of blocks) {
      const list = block.parentElement;
      block.remove();
      if (list && list !== body && !list.textContent.trim()) list.remove();
    }
    body.querySelectorAll('[style*="mso-element:footnote-list"], [style*="mso-element:endnote-list"]').forEach((e) => e.remove());
    // our own calls (copied from a paragraph) and the ones just found. A note has exactly one
    // call (the build refuses a second): a call whose note is already called somewhere, or
    // twice in this paste, gets a new note with a copy of the text; a cut-and-paste (the
    // call no longer in the document) keeps its note.
    const used = new Set();
    for (const sup of body.querySelectorAll("sup[data-footnote]")) {
      let id = sup.getAttribute("data-footnote");
      let text = sup.getAttribute("data-note");
      if (!notes) { sup.remove(); continue; }   // no calls inside a note
      if (text == null) {
        if (!notes.has(id)) { sup.remove(); continue; }
        text = notes.text(id);
      }
      const same = ID_RE.test(id) && notes.has(id) && notes.text(id) === text;
      if (!same || notes.number(id) || used.has(id)) {
        id = ID_RE.test(id) && id !== "pasted" && !notes.has(id) ? id : notes.newId(text);
        notes.texts.set(id, text);
      }
      used.add(id);
      sup.setAttribute("data-footnote", id);
      sup.textContent = "";
    }
    cleanTree(body);
    return body.innerHTML;
  }

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
  function createParagraphEditor(options) {
    const notes = options.notes || new Notes();
    const call = (name, ...args) => (options[name] ? options[name](editor, ...args) : undefined);
    const editor = {};

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
    const plugins = () => [history(), keymap(keys), keymap(baseKeymap), PM.dropcursor.dropCursor()];
    const stateOf = (doc) => EditorState.create({ doc, plugins: plugins() });

    const view = new EditorView(options.mount, {
      state: stateOf(fromMarkdown(options.markdown || "")),
      attributes: {
        spellcheck: "true", lang: "vi", role: "textbox", "aria-multiline": "true",
        "aria-label": options.label || "Đoạn văn", class: "richtext",
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

    Object.assign(editor, {
      view, notes,
      markdown: () => toMarkdown(view.state.doc),
      setMarkdown(text) { view.updateState(stateOf(fromMarkdown(text))); },
      footnoteIds() {
        const ids = [];
        view.state.doc.descendants((n) => { if (n.type === schema.nodes.footnote) ids.push(n.attrs.id); });
        return ids;
      },
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
      selectFootnote(pos) {
        view.dispatch(view.state.tr.setSelection(NodeSelection.create(view.state.doc, pos)));
        view.focus();
      },
      destroy() { view.destroy(); },
    });
    return editor;
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
      attributes: { spellcheck: "true", lang: "vi", role: "textbox", "aria-multiline": "false", "aria-label": label || "Nội dung chú thích", class: "richtext note-text" },
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
