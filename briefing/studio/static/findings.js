/* findings.js: `check`'s messages where they belong — each under its field (or its section's
   head), the field marked, and the list behind "N lỗi, M cảnh báo" in the toolbar, a click on
   one showing its message. A message with a safe fix has a button that applies it. */
"use strict";

window.Findings = (() => {
  let findings = [];
  let fixOne = () => {};            // editor.js: apply one fix (a change)

  function holders() {
    const map = new Map();
    const norm = (text) => JSON.stringify(JSON.parse(text));
    document.querySelectorAll("#doc [data-item]").forEach((e) => map.set(norm(e.dataset.item), e));
    document.querySelectorAll("#doc [data-field]").forEach((e) => map.set(norm(e.dataset.field), e));
    return map;
  }

  function holderFor(path, map) {
    for (let n = path.length; n >= 0; n--) {
      const el = map.get(JSON.stringify(path.slice(0, n)));
      if (el) return el;
    }
    return null;
  }

  function renderFindings() {
    document.querySelectorAll("#doc .msg").forEach((m) => m.remove());
    document.querySelectorAll("#doc .has-error, #doc .has-warning").forEach((e) =>
      e.classList.remove("has-error", "has-warning"));
    const map = holders();
    findings.forEach((finding, index) => {
      const holder = holderFor(finding.path, map) || document.getElementById("doc-fields");
      const box = document.createElement("div");
      box.className = "msg " + finding.severity;
      box.id = "finding-" + index;
      box.setAttribute("role", finding.severity === "error" ? "alert" : "note");
      const label = document.createElement("strong");
      label.textContent = (finding.severity === "error" ? msg("ui-js-error", "Error") : msg("ui-js-warning", "Warning")) + ": ";
      box.appendChild(label);
      box.appendChild(said(finding.message + (finding.hint ? " (" + finding.hint + ")" : "")));
      if (finding.fix) {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "btn small fix";
        button.textContent = msg("ui-js-fix", "Fix automatically");
        button.addEventListener("click", () => fixOne(finding.fix));
        box.appendChild(button);
      }
      const target = holder.classList.contains("section") ? holder.querySelector(".section-head") : holder;
      target.appendChild(box);
      const field = target.querySelector(".rt-host .ProseMirror, textarea:not([hidden]), input");
      if (field) field.classList.add(finding.severity === "error" ? "has-error" : "has-warning");
    });
  }

  /** What `check` says, as it says it on the command line (its own catalogue's words). */
  function said(text) {
    return Object.assign(document.createElement("span"), { className: "said", textContent: text });
  }

  function summary(check) {
    const text = document.getElementById("problem-summary");
    const button = document.getElementById("show-problems");
    const list = document.getElementById("problems");
    if (!check) return;
    const parts = [];
    if (check.errors) parts.push(check.errors === 1 ? msg("ui-js-one-error", "1 error") : msg("ui-js-errors", "{n} errors", { n: check.errors }));
    if (check.warnings) parts.push(check.warnings === 1 ? msg("ui-js-one-warning", "1 warning") : msg("ui-js-warnings", "{n} warnings", { n: check.warnings }));
    text.textContent = parts.length ? parts.join(", ") : msg("ui-js-no-errors", "✓ No error");
    button.className = "btn small " + (check.errors ? "has-errors" : check.warnings ? "has-warnings" : "clean");
    document.getElementById("fix-all").hidden = !check.findings.some((f) => f.fix);
    Roving.refresh();
    list.innerHTML = "";
    const ul = document.createElement("ul");
    check.findings.forEach((finding, index) => {
      const li = document.createElement("li");
      li.className = "msg " + finding.severity;
      const link = document.createElement("button");
      link.type = "button";
      link.className = "linklike";
      link.append(`${finding.severity === "error" ? msg("ui-js-error", "Error") : msg("ui-js-warning", "Warning")}: `, said(finding.text));
      link.addEventListener("click", () => {
        const box = document.getElementById("finding-" + index);
        if (box) {
          box.scrollIntoView({ block: "center" });
          const field = box.parentElement.querySelector("textarea, input");
          if (field) field.focus({ preventScroll: true });
        }
      });
      li.appendChild(link);
      ul.appendChild(li);
    });
    list.appendChild(ul);
  }

  /** The findings of the last answer, shown at their fields and listed in the toolbar. */
  function show(check) {
    findings = check ? check.findings : [];
    summary(check);
    renderFindings();
  }

  function init(callbacks) { fixOne = callbacks.fix; }

  return { init, show, render: renderFindings };
})();
