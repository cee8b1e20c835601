/* The Tab stops of the editor page in order, and for each paragraph's editor the fewest Tabs
   that reach it from the top: straight, or to the outline, arrows to an entry, Enter, Tabs on.
   Used by tests/test_studio_editing.py. */
(() => {
  const tabbable = [...document.querySelectorAll("a[href], button, input, select, textarea, summary, [tabindex], [contenteditable=true]")]
    .filter((e) => (e.matches(".ProseMirror") ? e.getAttribute("tabindex") !== "-1" : e.tabIndex >= 0) && !e.disabled && !e.hidden && e.offsetParent !== null && !e.closest("[hidden], dialog:not([open]), details:not([open]) > :not(summary)"));
  const outline = tabbable.findIndex((e) => e.closest(".outline"));
  const k0 = outline + 1;   // Tabs from the top to the outline
  const links = [...document.querySelectorAll(".outline a")];
  const targets = links.map((a, link) => {
    const p = a.dataset.path ? JSON.parse(a.dataset.path) : null;
    if (p) return document.getElementById("f-" + p.join("-") + "-title");
    const part = document.querySelector(a.getAttribute("href"));
    return part && part.querySelector(".ProseMirror, textarea:not([hidden]), summary"); })
    .map((t, link) => ({ link, at: t ? tabbable.indexOf(t) : -1 })).filter((t) => t.at >= 0);
  let worst = { tabs: 0 }, count = 0;
  tabbable.forEach((e, i) => {
    if (!e.matches(".ProseMirror")) return;
    count++;
    let best = { tabs: i + 1, link: null, after: i + 1, id: e.id };
    for (const t of targets) if (t.at <= i && k0 + (i - t.at) < best.tabs) best = { tabs: k0 + i - t.at, link: t.link, after: i - t.at, id: e.id };
    if (best.tabs > worst.tabs) worst = best;
  });
  return { stops: tabbable.length, k0, editors: count, worst };
})
