/* The editor. Every field is saved on its own, a moment after typing stops, with the version
   it was made on; the answer brings the new version, `check`'s messages by field, and (after
   a structural change) the fields re-drawn. A refused or failed save never loses what was
   typed: the text stays in its field, marked unsaved, and is sent again. */
"use strict";

(() => {
  const root = document.getElementById("editor");
  const name = root.dataset.name;
  let version = root.dataset.version;
  const SAVE_DELAY = 150;          // ms after the last keystroke: fast typing still makes one save
  const pending = new Map();          // path key -> {op, args, field}
  let inflight = null;                // the save being sent
  let saveTimer = null;
  let retryDelay = 2000;
  let blocked = false;                // a conflict: nothing is sent until the page reloads
  let lastField = null;               // the text field the toolbar acts on
  let lastInputAt = 0;
  const status = document.getElementById("save-status");
  const undoButton = document.getElementById("undo");
  const redoButton = document.getElementById("redo");
  const preview = new Preview(() => ({ name }));
  const enc = encodeURIComponent(name);

  const keyOf = (path) => JSON.stringify(path);
  const pathOf = (el) => JSON.parse(el.dataset.path);
  const idOf = (path) => "f-" + path.join("-");

  function setStatus(text, kind = "") {
    status.textContent = text;
    status.className = "save-status " + kind;
  }

  // -- fields ----------------------------------------------------------------------------
  function autosize(area) {
    area.style.height = "auto";
    area.style.height = (area.scrollHeight + 2) + "px";
  }

  function initFields() {
    RichFields.mountAll();
    Roving.refresh();
    document.querySelectorAll("#doc textarea:not([hidden])").forEach(autosize);
    Findings.render();
  }

  function operationFor(field) {
    if (field.dataset.meta) {
      let value = field.value;
      if (field.dataset.meta === "date") {
        const partial = field.closest(".date-field").querySelector("[data-date-partial]").checked;
        const box = field.closest(".date-field");
        value = partial ? box.querySelector(".date-month").value : box.querySelector(".date-vi").value;
      }
      return { op: "set_meta", args: { field: field.dataset.meta, value } };
    }
    return { op: "set_text", args: { path: pathOf(field), value: field.value } };
  }

  function queue(field) {
    if (!field.dataset.path) return;
    const operation = operationFor(field);
    const key = field.dataset.meta ? "meta:" + field.dataset.meta : keyOf(pathOf(field));
    queueOp(key, operation.op, operation.args, field);
  }

  /** An operation saved with the next change (the last one of each key wins). */
  function queueOp(key, op, args, field = null) {
    pending.set(key, { key, op, args, field });
    if (field) field.classList.add("unsaved");
    lastInputAt = performance.now();
    window.studioLastInput = lastInputAt;
    setStatus(msg("ui-js-unsaved", "Not saved…"), "pending");
    clearTimeout(saveTimer);
    saveTimer = setTimeout(flush, SAVE_DELAY);
  }

  /** Send every pending field edit as one change. */
  async function flush() {
    clearTimeout(saveTimer);
    if (blocked || pending.size === 0) return;
    if (inflight) { await inflight.catch(() => {}); return flush(); }
    const batch = [...pending.entries()];
    const started = lastInputAt;
    const ops = batch.map(([, item]) => ({ op: item.op, args: item.args }));
    setStatus(msg("ui-js-saving", "Saving…"), "pending");
    // the preview the page will ask for next: its page is drawn while the answer comes back
    const edited = batch.map(([, item]) => item.field).find((f) => f && f.dataset.path && !f.dataset.meta);
    const hint = edited ? preview.hint(edited.value) : undefined;
    inflight = Studio.api("/api/change/" + enc, { version, ops, preview: hint });
    try {
      const answer = await inflight;
      retryDelay = 2000;
      for (const [key, item] of batch) {
        const current = pending.get(key);
        if (current && JSON.stringify(current.args) === JSON.stringify(item.args)) {
          pending.delete(key);
          if (item.field) unsaved(item.field, false);
        }
      }
      // the new preview asked for first (its build is under way), the messages drawn after
      const focusField = document.activeElement && document.activeElement.dataset &&
        document.activeElement.dataset.path ? document.activeElement : lastField;
      preview.refresh(focusField ? focusField.value : "", started);
      accept(answer);
      setStatus(pending.size ? msg("ui-js-unsaved", "Not saved…") : msg("ui-saved", "Saved"), pending.size ? "pending" : "saved");
      if (answer.doc || answer.broken) redraw(answer);
      if (pending.size) saveTimer = setTimeout(flush, SAVE_DELAY);
    } catch (error) {
      failed(error, batch);
    } finally {
      inflight = null;
    }
  }

  function failed(error, batch) {
    if (error.status === 409 && error.data.conflict) {
      blocked = true;
      document.getElementById("conflict-text").textContent = error.message;
      document.getElementById("conflict").hidden = false;
      setStatus(msg("ui-js-conflict-status", "Conflict — not saved"), "error");
      resolveConflict(error.message);
      return;
    }
    if (error.status === 400) {   // this change cannot be made: say why, keep the text
      for (const [key] of batch) pending.delete(key);
      Studio.flash(error.message, "error", true);
      setStatus(msg("ui-js-not-saved", "Could not be saved"), "error");
      return;
    }
    setStatus(msg("ui-js-retry", "Not saved — will try again"), "error");   // network or server error: try again
    Studio.flash(error.message, "error");
    saveTimer = setTimeout(flush, retryDelay);
    retryDelay = Math.min(retryDelay * 2, 30000);
  }

  function unsaved(field, on) {
    field.classList.toggle("unsaved", on);
    const holder = field.nextElementSibling;
    if (holder && holder.classList.contains("rt-host")) holder.classList.toggle("unsaved", on);
  }

  function accept(answer) {
    version = answer.version;
    root.dataset.version = version;
    undoButton.disabled = !answer.can_undo;
    redoButton.disabled = !answer.can_redo;
    Findings.show(answer.check);
  }

  // -- structural operations ----------------------------------------------------------------
  async function operate(op, args, confirmText) {
    return operateMany([{ op, args }], confirmText);
  }

  /** Several operations as one change (a split: set_text + insert_item); the fields re-drawn.
      `onFail` runs when it is not made (refused, failed, a conflict), before anything else. */
  async function operateMany(ops, confirmText, focusAfter = true, onFail = null, part = false) {
    if (confirmText && !(await Studio.confirm(confirmText))) return;
    await flush();
    while (inflight) await inflight.catch(() => {});   // one change at a time, each on the last
    if (blocked) { if (onFail) onFail(); return; }
    try {
      setStatus(msg("ui-js-saving", "Saving…"), "pending");
      inflight = Studio.api("/api/change/" + enc, { version, ops, part });
      const answer = await inflight;
      inflight = null;
      accept(answer);
      if (answer.part && !redrawPart(answer.part)) {   // not on the page: all the fields
        redraw(await Studio.api("/api/state/" + enc + "?fields=1"));
      }
      if (answer.doc || answer.broken) redraw(answer);
      setStatus(msg("ui-saved", "Saved"), "saved");
      if (focusAfter) focusPath(answer.focus);
      preview.refresh(lastField ? lastField.value : "", performance.now());
      return answer;
    } catch (error) {
      inflight = null;
      if (onFail) onFail();
      failed(error, []);
    }
  }

  function redraw(answer) {
    if (answer.broken) {
      // the file is no longer valid YAML (an undo back to a broken version, a save elsewhere):
      // its text repair page, unless something typed here is not saved yet (then: say so)
      if (!pending.size) window.location.assign(answer.url);
      else Studio.flash(answer.message, "error", true);
      return;
    }
    const scroll = document.getElementById("doc").scrollTop;
    const open = document.getElementById("meta").open;
    // keep any field still being typed in: its text goes back in after the redraw
    const keep = [...pending.values()].filter((item) => item.field);
    document.getElementById("doc").innerHTML = answer.doc;
    document.getElementById("outline-col").innerHTML = answer.outline;
    document.getElementById("meta").open = open;
    document.getElementById("doc").scrollTop = scroll;
    for (const item of keep) {
      const meta = item.field.dataset.meta;
      const field = meta ? (meta === "date" ? null : document.querySelector(`#doc [data-meta="${meta}"]`))
                         : document.getElementById(idOf(item.args.path));
      if (field) { field.value = item.args.value; unsaved(field, true); item.field = field; }
    }
    lastField = lastField && document.getElementById(lastField.id);
    initFields();
  }

  /** One list of paragraphs drawn again (a split, a join): swapped in, its editors made;
      false if it is not on the page. */
  function redrawPart(part) {
    const want = JSON.stringify(part.list);
    const box = [...document.querySelectorAll("#doc .body[data-list]")]
      .find((el) => JSON.stringify(JSON.parse(el.dataset.list)) === want);
    if (!box) return false;
    const holder = document.createElement("template");
    holder.innerHTML = part.html.trim();
    const fresh = holder.content.firstElementChild;
    box.replaceWith(fresh);
    for (const item of pending.values()) {   // typed, not saved yet: back in its field
      if (!item.field || item.field.dataset.meta || item.field.isConnected) continue;
      const field = fresh.querySelector("#" + CSS.escape(idOf(item.args.path)));
      if (field) { field.value = item.args.value; unsaved(field, true); item.field = field; }
    }
    if (lastField && !lastField.isConnected) lastField = document.getElementById(lastField.id);
    RichFields.mountIn(fresh);
    Roving.refresh();
    fresh.querySelectorAll("textarea:not([hidden])").forEach(autosize);
    Findings.render();
    return true;
  }

  function focusPath(path) {
    if (!path) return;
    for (let n = path.length; n > 0; n--) {
      if (RichFields.focus(path.slice(0, n))) { lastField = document.getElementById(idOf(path.slice(0, n))); return; }
      const id = idOf(path.slice(0, n));
      const field = document.getElementById(id) || document.getElementById(idOf([...path.slice(0, n), "title"]));
      if (field) {
        field.focus({ preventScroll: true });
        field.scrollIntoView({ block: "center" });
        lastField = field;
        return;
      }
    }
  }

  // -- toolbar --------------------------------------------------------------------------
  function textField(el) {
    const host = el && el.closest && el.closest(".rt-host");
    if (host) return host.field;
    return el && el.matches && el.matches("#doc textarea[data-path]") ? el : null;
  }

  document.addEventListener("focusin", (event) => {
    const field = textField(event.target);
    if (field) {
      lastField = field;
      clearTimeout(focusTimer);
      focusTimer = setTimeout(() => { if (!pending.size && !inflight) preview.refresh(field.value); }, 250);
    }
  });
  let focusTimer = null;

  document.addEventListener("input", (event) => {
    const field = event.target;
    if (field.closest("#doc") && field.dataset.path) {
      if (field.tagName === "TEXTAREA") autosize(field);
      if (field.matches(".date-month") || field.matches(".date-vi")) return;   // saved on change
      queue(field);
    }
  });
  document.addEventListener("change", (event) => {
    const field = event.target;
    if (field.matches("#doc [data-date-partial]")) {
      const box = field.closest(".date-field");
      box.querySelector(".date-month").hidden = !field.checked;
      const date = box.querySelector(".date-vi");
      if (field.checked && date.value) box.querySelector(".date-month").value = date.value.split("/").slice(1).join("/");
      queue(date);
    } else if (field.matches("#doc .date-month, #doc .date-vi")) {
      queue(field);
    }
  });

  // titles stay plain text (the formatted-text editors handle their own keys): Enter saves
  document.addEventListener("keydown", (event) => {
    const field = event.target.matches && event.target.matches("#doc textarea.title") ? event.target : null;
    if (field && event.key === "Enter") {
      event.preventDefault();
      flush();
    }
  });

  document.querySelector(".toolbar").addEventListener("click", async (event) => {
    const button = event.target.closest("button");
    if (!button) return;
    if (button.dataset.format) {
      if (!RichFields.format(button.dataset.format)) Studio.flash(msg("ui-js-cursor-first", "Put the cursor in a paragraph first."), "info");
    } else if (button.id === "insert-footnote") {
      if (RichFields.insertFootnote()) return;
      Studio.flash(msg("ui-js-cursor-note", "Put the cursor where the footnote goes, in a paragraph."), "info");
    } else if (button.id === "block-cut" || button.id === "block-copy") {
      Blocks.mark(button.id === "block-cut" ? "cut" : "copy");
    } else if (button.id === "block-paste") {
      Blocks.paste();
    } else if (button.id === "show-problems") {
      const list = document.getElementById("problems");
      list.hidden = !list.hidden;
      button.setAttribute("aria-expanded", String(!list.hidden));
    } else if (button.id === "fix-all") {
      await flush();
      try {
        const answer = await Studio.api("/api/fix-all/" + enc, { version });
        accept(answer);
        redraw(answer);
        preview.refresh("", performance.now());
      } catch (error) { failed(error, []); }
    }
  });

  // -- buttons inside the document ----------------------------------------------------------
  document.getElementById("doc").addEventListener("click", async (event) => {
    const button = event.target.closest("button");
    if (!button) return;
    if (button.dataset.op) {
      const op = button.dataset.op;
      const args = {};
      if (button.dataset.path) args.path = JSON.parse(button.dataset.path);
      if (button.dataset.delta) args.delta = Number(button.dataset.delta);
      if (button.dataset.list) args.list = JSON.parse(button.dataset.list);
      if (button.dataset.kind) args.kind = button.dataset.kind;
      if (button.dataset.id) args.id = button.dataset.id;
      if (button.dataset.column) {
        const table = button.closest(".table-edit").querySelector("tr");
        args.column = table ? table.querySelectorAll("td:not(.row-tools)").length - 1 : 0;
      }
      let question = null;
      if (op === "delete") {
        const section = button.closest(".section");
        const isSection = section && JSON.stringify(JSON.parse(section.dataset.item)) ===
          JSON.stringify(args.path);
        question = isSection
          ? msg("ui-js-delete-section", "Delete the section «{title}» and everything in it?", { title: section.querySelector("textarea.title").value })
          : msg("ui-js-delete-item", "Delete this content?");
      } else if (op === "delete_footnote") {
        const number = button.closest(".footnote").dataset.number;
        question = (number ? msg("ui-js-delete-note-n", "Delete footnote {n} and its number in the text?", { n: number }) : msg("ui-js-delete-note", "Delete the footnote and its number in the text?"));
      }
      await operate(op, args, question);
    } else if (button.matches("[data-add]")) {
      const menu = button.closest(".add-menu");
      const list = JSON.parse(menu.dataset.list);
      const kind = menu.querySelector("select").value;
      if (kind === "section") await operate("add_section", { parent: list, title: msg("ui-js-new-section", "New section") });
      else await operate("insert_item", { list, kind });
    } else if (button.matches("[data-add-block]")) {
      const input = document.getElementById("new-block-title");
      const title = input.value.trim() || msg("ui-js-new-section", "New section");
      await operate("add_section", { parent: ["blocks"], title });
    }
  });

  // -- undo, conflicts, downloads -------------------------------------------------------------
  undoButton.addEventListener("click", () => serverUndo());
  redoButton.addEventListener("click", () => serverUndo("redo"));
  /** The last change undone (or, "redo", made again), whatever its kind: text, a split, a
      move, a replace-all; the fields are re-drawn. */
  async function serverUndo(which = "undo") {
    if ((which === "undo" ? undoButton : redoButton).disabled) return;
    await flush();
    while (inflight) await inflight.catch(() => {});
    try {
      const answer = await Studio.api(`/api/${which}/` + enc, { version });
      accept(answer);
      redraw(answer);
      setStatus(which === "undo" ? msg("ui-js-undone", "Undone") : msg("ui-js-redone", "Redone"), "saved");
      preview.refresh("", performance.now());
    } catch (error) { failed(error, []); }
  }

  /** Another tab or program saved meanwhile: load its version, then let the clerk choose,
      paragraph by paragraph, between what this tab typed and what was saved (conflict.js). */
  async function resolveConflict(message) {
    const keep = [...pending.values()];
    let answer;
    try {
      answer = await Studio.api("/api/state/" + enc + "?fields=1");
    } catch (error) { Studio.flash(error.message, "error", true); return; }
    if (answer.broken) { Studio.flash(answer.message, "error", true); return; }   // keep what is typed
    blocked = false;
    pending.clear();
    accept(answer);
    redraw(answer);
    const cards = Conflicts.compare(keep, (item) => queueOp(item.key, item.op, item.args));
    if (cards.length) {
      Conflicts.show(cards);
      setStatus(msg("ui-js-choose", "Choose the version to keep"), "pending");
    } else {
      document.getElementById("conflict").hidden = true;
      setStatus(msg("ui-js-reloaded", "The latest version is loaded"), "saved");
    }
    preview.refresh("", performance.now());
  }

  for (const fmt of ["docx", "pdf"]) {
    document.getElementById("download-" + fmt).addEventListener("click", async (event) => {
      event.preventDefault();
      await flush();
      Studio.download(event.currentTarget.dataset.url, name.replace(/\.yaml$/, "." + fmt));
    });
  }

  window.addEventListener("beforeunload", (event) => {
    if (pending.size || inflight) { event.preventDefault(); event.returnValue = ""; }
  });

  Roving.init();
  Findings.init({ fix: (fix) => operate("apply_fix", { fix }) });
  Blocks.init({ operate: (op, args) => operate(op, args) });
  RichFields.init({ queue, queueOp, flush, undo: () => serverUndo(), redo: () => serverUndo("redo"),
                    operate: (ops, path, focusAfter = false, onFail = null, part = false) =>
                      operateMany(ops, null, focusAfter, onFail, part) });

  // first state: messages and preview
  (async () => {
    initFields();
    try {
      const answer = await Studio.api("/api/state/" + enc);
      accept(answer);
    } catch (error) { Studio.flash(error.message, "error", true); }
    preview.refresh("", performance.now());
  })();

  window.studioEditor = { flush, pending: () => pending.size, version: () => version };
})();
