/* The documents list: its badges, new, import, duplicate, delete to the bin, restore. */
"use strict";

(() => {
  const showError = (form, message) => {
    const box = form.querySelector(".form-error");
    box.textContent = message;
    box.hidden = false;
  };

  /* The list comes first; then its badges (`check` on every document) and the new-document
     form's boxes (the profiles' types), asked for once the list is shown. */
  const loaded = (cell, html) => { cell.innerHTML = html; cell.removeAttribute("aria-busy"); };
  async function showChecks() {
    const rows = document.querySelectorAll("#documents tr[data-name]");
    if (!rows.length) return;
    let checks = {};
    try { checks = (await Studio.api("/api/documents/checks")).checks; }
    catch (error) { Studio.flash(error.message, "error", true); }
    for (const row of rows) {
      const said = checks[row.dataset.name];
      loaded(row.querySelector("td.checks"), said === undefined
        ? '<span class="muted small">' + msg("ui-js-not-checked", "Could not be checked") + "</span>" : said);
    }
  }

  const newForm = document.getElementById("new-form");
  let profile = null;
  let type = null;
  let allTypes = [];
  let shownProfile = null;
  async function showNewForm() {
    const box = document.getElementById("new-fields");
    try { loaded(box, (await Studio.api("/api/documents/new-form")).form); }
    catch (error) { showError(newForm, error.message); return; }
    profile = document.getElementById("new-profile");
    type = document.getElementById("new-type");
    allTypes = [...type.options];
    profile.addEventListener("change", showType);
    type.addEventListener("change", showType);
    showType();
  }
  /* the types of the chosen layout, and the fields of the chosen type only */
  function showType() {
    if (shownProfile !== profile.value) {   // the chosen layout's types only, in the list
      shownProfile = profile.value;
      type.replaceChildren(...allTypes.filter((o) => o.dataset.profile === profile.value));
      type.selectedIndex = 0;
    }
    const current = type.selectedOptions[0];
    const fields = new Set((current ? current.dataset.fields : "").split(" "));
    for (const label of newForm.querySelectorAll(".new-field")) {
      label.hidden = !fields.has(label.dataset.name);
      const input = label.querySelector("input[data-default]");
      if (input && !input.dataset.touched) input.value = profile.value === "party" ? input.dataset.default : "";
    }
  }
  newForm.addEventListener("input", (event) => { event.target.dataset.touched = "1"; });
  showChecks().then(showNewForm);
  newForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!profile) return;   // its boxes are not there yet
    const data = { profile: profile.value, type: type.value };
    for (const label of newForm.querySelectorAll(".new-field:not([hidden])")) {
      const input = label.querySelector("input, textarea");
      data[input.name] = input.value;
    }
    try {
      const answer = await Studio.api("/api/documents/new", data);
      window.location.href = answer.url;
    } catch (error) { showError(newForm, error.message); }
  });

  const importForm = document.getElementById("import-form");
  importForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const button = importForm.querySelector("button[type=submit]");
    button.disabled = true;
    button.textContent = msg("ui-js-importing", "Importing…");
    try {
      const answer = await Studio.api("/api/documents/import", new FormData(importForm));
      if ((answer.names || []).length > 1) chooseImported(answer);
      else window.location.href = answer.url;
    } catch (error) {
      showError(importForm, error.message);
    } finally {
      button.disabled = false;
      button.textContent = msg("ui-import", "Import");
    }
  });

  /** One file held several documents: each is a file now; the clerk chooses which to open. */
  const chooseImported = (answer) => {
    document.getElementById("import-dialog").close();
    const list = document.getElementById("imported-list");
    list.replaceChildren(...answer.names.map((name, index) => {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = answer.urls[index];
      link.textContent = name;
      item.append(link);
      return item;
    }));
    document.getElementById("imported-count").textContent = String(answer.names.length);
    const dialog = document.getElementById("imported-dialog");
    dialog.addEventListener("close", () => window.location.reload(), { once: true });
    dialog.showModal();
  };

  document.addEventListener("click", async (event) => {
    const button = event.target.closest("[data-action]");
    if (!button) return;
    const name = button.dataset.name;
    try {
      if (button.dataset.action === "duplicate") {
        await Studio.api("/api/documents/duplicate/" + encodeURIComponent(name), {});
        window.location.reload();
      } else if (button.dataset.action === "delete") {
        const ok = await Studio.confirm(msg("ui-js-to-bin", "Move «{title}» ({name}) to the bin? It can be restored later.", { title: button.dataset.title, name }));
        if (!ok) return;
        await Studio.api("/api/documents/delete/" + encodeURIComponent(name), {});
        window.location.reload();
      } else if (button.dataset.action === "restore") {
        await Studio.api("/api/bin/restore/" + encodeURIComponent(button.dataset.key), {});
        window.location.reload();
      }
    } catch (error) { Studio.flash(error.message, "error", true); }
  });
})();
