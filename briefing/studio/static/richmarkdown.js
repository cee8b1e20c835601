/* richmarkdown.js: the content's inline Markdown read and written as briefing does.
   Reading: markdown-it's own inline parser configured as briefing/text/inline_markdown.py's
   make_parser() (emphasis, escapes, newlines, footnote calls [^id], fill-in blanks {blank},
   {blank:40}, {fill}), giving the spans parse_inline gives. Writing: styled text as
   "items" ([char, marks], [null, footnote id], [blank source, marks]) in canonical form (rules
   R0-R4 below), so that what is written reads back as exactly the text shown. Needs
   vendor/prosemirror.bundle.js (global PM: the parser and its character tables). */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory(globalThis.PM);
  else root.RichMarkdown = factory(root.PM);
})(typeof self !== "undefined" ? self : globalThis, function (PM) {
  "use strict";
  if (!PM) throw new Error("richmarkdown.js needs vendor/prosemirror.bundle.js first");
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


  return {
    FOOTNOTE_CALL, ID_RE, BLANK_AHEAD, BLANK_TEXT, BOLD, ITALIC, isBlank, charClass,
    parseInline, blankSpan, itemsOfSpans, spansOfItems, canonicalItems, write,
  };
});
