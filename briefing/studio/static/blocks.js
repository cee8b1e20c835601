/* blocks.js: paragraphs, lists, tables and sections moved anywhere. Alt+↑ / Alt+↓ move the
   block holding the cursor one place in reading order (into the section above or below, out
   of its section at an edge); a block is dragged by its handle (⠿) and dropped before or after
   any other; "Cắt khối" / "Chép khối" then "Dán khối" (Ctrl+Shift+X, C, V) put it after the
   block holding the cursor. Each is one change (`move_to` or `copy_to`), undone by Hoàn tác. */
"use strict";

window.Blocks = (() => {
  const P = (el) => JSON.parse(el.dataset.item);
  const MOVABLE = ".body > [data-item], ol.list-items > [data-item]";
  let operate = null;        // editor.js: (op, args) => change
  let lastItem = null;       // path of the block the cursor was last in
  let clip = null;           // {path, mode: "cut"|"copy"}

  const itemOf = (el) => (el && el.closest ? el.closest(MOVABLE) : null);
  const siblingsOf = (el) => [...el.parentElement.children].filter((c) => c.matches("[data-item]"));
  const isSection = (el) => el.matches("section.section");

  /** Where Alt+↑ (delta -1) or Alt+↓ (+1) takes the block: {list, index} or null. */
  function step(el, delta) {
    const path = P(el), list = path.slice(0, -1), i = path[path.length - 1];
    const siblings = siblingsOf(el);
    const next = siblings[i + delta];
    if (next) {
      if (!isSection(el) && isSection(next)) return { list: [...P(next), "body"], index: delta < 0 ? null : 0 };
      return { list, index: i + delta };
    }
    if (list[list.length - 1] !== "body" || list.length < 2) return null;
    const section = list.slice(0, -1);
    return { list: section.slice(0, -1), index: section[section.length - 1] + (delta < 0 ? 0 : 1) };
  }

  async function move(el, delta) {
    const target = step(el, delta);
    if (!target) { Studio.flash(msg("ui-js-no-further", "It cannot move further this way."), "info"); return; }
    await operate("move_to", { path: P(el), list: target.list, index: target.index });
  }

  // -- cut, copy, paste ------------------------------------------------------------------------
  function mark(mode) {
    const el = current();
    if (!el) { Studio.flash(msg("ui-js-cut-where", "Put the cursor in the content to cut or copy first."), "info"); return; }
    document.querySelectorAll("#doc .clipped").forEach((e) => e.classList.remove("clipped"));
    clip = { path: P(el), mode };
    el.classList.add("clipped");
    Studio.flash(mode === "cut" ? msg("ui-js-cut-done", "Cut. Put the cursor somewhere and press «Paste block» (Ctrl+Shift+V) to paste after it.")
                                : msg("ui-js-copy-done", "Copied. Put the cursor somewhere and press «Paste block» (Ctrl+Shift+V) to paste after it."), "info");
  }

  async function paste() {
    const el = current();
    if (!clip || !el) { Studio.flash(msg("ui-js-nothing-cut", "Nothing has been cut or copied yet."), "info"); return; }
    const path = P(el), list = path.slice(0, -1);
    let index = path[path.length - 1] + 1;
    const from = clip.path;
    const sameList = JSON.stringify(from.slice(0, -1)) === JSON.stringify(list);
    if (clip.mode === "cut" && sameList && from[from.length - 1] < index) index -= 1;
    const op = clip.mode === "cut" ? "move_to" : "copy_to";
    if (clip.mode === "cut") clip = null;
    await operate(op, { path: from, list, index });
  }

  function current() {
    const active = itemOf(document.activeElement);
    if (active) return active;
    if (!lastItem) return null;
    return [...document.querySelectorAll(MOVABLE)].find((e) => e.dataset.item === lastItem) || null;
  }

  // -- drag and drop ---------------------------------------------------------------------------
  let dragged = null;
  const line = document.createElement("div");
  line.className = "drop-line";

  function dropTarget(event) {
    const over = itemOf(event.target);
    if (over && dragged && !dragged.contains(over)) {
      const box = over.getBoundingClientRect();
      const after = event.clientY > box.top + box.height / 2;
      return { el: over, after, list: P(over).slice(0, -1), index: P(over).slice(-1)[0] + (after ? 1 : 0) };
    }
    const body = event.target.closest && event.target.closest(".body[data-list]");
    if (body && !body.querySelector("[data-item]") && dragged && !dragged.contains(body)) {
      return { el: body, after: false, list: JSON.parse(body.dataset.list), index: 0 };
    }
    return null;
  }

  function onDragOver(event) {
    if (!dragged) return;
    const target = dropTarget(event);
    if (!target) { line.remove(); return; }
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    const box = target.el.getBoundingClientRect(), host = document.getElementById("doc");
    const top = (target.after ? box.bottom : box.top) - host.getBoundingClientRect().top + host.scrollTop;
    line.style.top = top + "px";
    line.style.left = (box.left - host.getBoundingClientRect().left) + "px";
    line.style.width = box.width + "px";
    if (!line.isConnected) host.appendChild(line);
  }

  async function onDrop(event) {
    const target = dragged && dropTarget(event);
    line.remove();
    if (!target) return;
    event.preventDefault();
    const from = P(dragged);
    let index = target.index;
    if (JSON.stringify(from.slice(0, -1)) === JSON.stringify(target.list) && from[from.length - 1] < index) index -= 1;
    dragged = null;
    await operate("move_to", { path: from, list: target.list, index });
  }

  function init(callbacks) {
    operate = callbacks.operate;
    const doc = document.getElementById("doc");
    doc.addEventListener("dragstart", (event) => {
      const handle = event.target.closest && event.target.closest(".drag");
      if (!handle) return;
      dragged = itemOf(handle);
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", "");
      dragged.classList.add("dragging");
    });
    doc.addEventListener("dragend", () => { if (dragged) dragged.classList.remove("dragging"); dragged = null; line.remove(); });
    doc.addEventListener("dragover", onDragOver);
    doc.addEventListener("drop", onDrop);
    doc.addEventListener("focusin", (event) => { const el = itemOf(event.target); if (el) lastItem = el.dataset.item; });
    document.addEventListener("keydown", onKey, true);
    // an article's or a clause's "has its own title" checkbox: one change, undone by Hoàn tác
    doc.addEventListener("change", (event) => {
      const box = event.target;
      if (!box.matches || !box.matches("input[data-flag='titled']")) return;
      operate("set_titled", { path: JSON.parse(box.dataset.flagPath), value: box.checked });
    });
  }

  function onKey(event) {
    if (!event.target.closest || !event.target.closest("#doc")) return;
    const el = itemOf(event.target);
    if (event.altKey && !event.ctrlKey && (event.key === "ArrowUp" || event.key === "ArrowDown") && el) {
      event.preventDefault();
      event.stopPropagation();
      move(el, event.key === "ArrowUp" ? -1 : 1);
    } else if ((event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey) {
      const key = event.key.toLowerCase();
      const action = { x: () => mark("cut"), c: () => mark("copy"), v: paste }[key];
      if (!action) return;
      event.preventDefault();
      event.stopPropagation();
      action();
    }
  }

  return { init, move, mark, paste, step };
})();
