/* richpaste.js: what is pasted into a paragraph keeps bold, italic and footnotes and drops
   the rest (Word, LibreOffice, Google Docs, web pages): `RichPaste(deps).cleanPastedHTML`,
   made by richtext.js with its schema (deps: noteSchema, itemsOfParagraph, write,
   canonicalItems, ID_RE, PMDOMParser). */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory;
  else root.RichPaste = factory;
})(typeof self !== "undefined" ? self : globalThis, function (deps) {
  "use strict";
  const { noteSchema, itemsOfParagraph, write, canonicalItems, ID_RE, PMDOMParser } = deps;
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


  return { cleanPastedHTML };
});
