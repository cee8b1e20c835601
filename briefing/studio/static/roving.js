/* roving.js: one Tab stop per group (the outline, each toolbar), arrow keys inside it (roving
   tabindex, as the ARIA practices describe), Home/End to its ends. The outline's entries take
   the cursor to their section: its title, then Tab goes on into its paragraphs. */
"use strict";

window.Roving = (() => {
  const GROUPS = [
    { root: "#outline-col", items: ".outline a", keys: ["ArrowUp", "ArrowDown"] },
    { root: ".editor-col > .toolbar", items: "button:not([hidden])", keys: ["ArrowLeft", "ArrowRight"] },
    { root: ".doc-bar", items: "button, a", keys: ["ArrowLeft", "ArrowRight"] },
  ];

  const enabled = (el) => !el.disabled && !el.hidden && el.offsetParent !== null;

  /** Exactly one item of each group is a Tab stop: the one last focused, else the first. */
  function refresh() {
    for (const group of GROUPS) {
      const root = document.querySelector(group.root);
      if (!root) continue;
      const items = [...root.querySelectorAll(group.items)];
      const current = items.find((el) => el.tabIndex === 0 && el.dataset.roving === "on" && enabled(el)) ||
        items.find(enabled) || items[0];
      items.forEach((el) => { el.tabIndex = el === current ? 0 : -1; el.dataset.roving = el === current ? "on" : ""; });
    }
  }

  function onKey(group, root, event) {
    const items = [...root.querySelectorAll(group.items)].filter(enabled);
    const i = items.indexOf(document.activeElement);
    if (i < 0) return;
    let j = null;
    if (event.key === group.keys[1]) j = Math.min(items.length - 1, i + 1);
    else if (event.key === group.keys[0]) j = Math.max(0, i - 1);
    else if (event.key === "Home") j = 0;
    else if (event.key === "End") j = items.length - 1;
    if (j === null || event.altKey || event.ctrlKey) return;
    event.preventDefault();
    move(root, group, items[j]);
  }

  function move(root, group, target) {
    root.querySelectorAll(group.items).forEach((el) => { el.tabIndex = -1; el.dataset.roving = ""; });
    target.tabIndex = 0;
    target.dataset.roving = "on";
    target.focus();
  }

  /** An outline entry: the cursor goes to its section's title (or the part it names). */
  function follow(link) {
    const path = link.dataset.path ? JSON.parse(link.dataset.path) : null;
    let target = path ? document.getElementById("f-" + path.join("-") + "-title") : null;
    if (!target && link.getAttribute("href") === "#meta") {
      const meta = document.getElementById("meta");
      target = meta && meta.querySelector("summary");
    } else if (!target) {
      const part = document.querySelector(link.getAttribute("href"));
      target = part && (part.querySelector(".ProseMirror, textarea:not([hidden]), summary") || part);
    }
    if (!target) return false;
    target.scrollIntoView({ block: "start" });
    target.focus({ preventScroll: true });
    return true;
  }

  function init() {
    for (const group of GROUPS) {
      const root = document.querySelector(group.root);
      if (!root) continue;
      root.addEventListener("keydown", (event) => onKey(group, root, event));
      root.addEventListener("focusin", (event) => {
        const item = event.target.closest && event.target.closest(group.items);
        if (item && root.contains(item)) {
          root.querySelectorAll(group.items).forEach((el) => { el.tabIndex = el === item ? 0 : -1; el.dataset.roving = el === item ? "on" : ""; });
        }
      });
    }
    const outline = document.querySelector("#outline-col");
    if (outline) {
      outline.addEventListener("click", (event) => {
        const link = event.target.closest(".outline a");
        if (link && follow(link)) event.preventDefault();
      });
    }
    refresh();
  }

  return { init, refresh, follow };
})();
