/* Units and meetings: preview the chosen variant; edit the unit's identity and the sections
   its copy keeps. Each change is saved at once (with the unit file's version). */
"use strict";

(() => {
  const root = document.getElementById("units");
  const name = root.dataset.name;
  const unitSelect = document.getElementById("unit-select");
  const meetingSelect = document.getElementById("meeting-select");
  const preview = new Preview(() => ({ name, unit: unitSelect.value, meeting: meetingSelect.value }));
  let timer = null;

  function downloadUrl(fmt) {
    const query = new URLSearchParams();
    if (unitSelect.value) query.set("unit", unitSelect.value);
    if (meetingSelect.value) query.set("meeting", meetingSelect.value);
    return `/download/${fmt}/${encodeURIComponent(name)}?${query}`;
  }

  for (const fmt of ["docx", "pdf"]) {
    document.getElementById("variant-" + fmt).addEventListener("click", (event) => {
      event.preventDefault();
      const parts = [unitSelect.value || name, meetingSelect.value].filter(Boolean).map((p) => p.replace(/\.yaml$/, ""));
      Studio.download(downloadUrl(fmt), parts.join("-") + "." + fmt);
    });
  }

  /* a unit or a meeting chosen: the page shows that copy (its fields, its sections) */
  function choose(param, value) {
    const url = new URL(window.location.href);
    if (value) url.searchParams.set(param, value); else url.searchParams.delete(param);
    window.location.href = url.toString();
  }
  unitSelect.addEventListener("change", () => choose("unit", unitSelect.value));
  meetingSelect.addEventListener("change", () => choose("meeting", meetingSelect.value));

  /* every change names the file it edits and the version it was made on */
  const versions = new Map();
  for (const holder of document.querySelectorAll("[data-file]")) versions.set(holder.dataset.file, holder.dataset.version);
  async function change(holder, op, args) {
    const file = holder.dataset.file;
    const messages = holder.querySelector(".unit-messages") || document.createElement("p");
    try {
      const answer = await Studio.api("/api/change/" + encodeURIComponent(file),
                                      { version: versions.get(file), op, args });
      versions.set(file, answer.version);
      messages.replaceChildren();
      for (const finding of answer.check.findings) {
        const line = document.createElement("span");
        line.className = "msg " + finding.severity;
        line.textContent = `${finding.severity === "error" ? msg("ui-js-error", "Error") : msg("ui-js-warning", "Warning")}: ${finding.text}`;
        messages.appendChild(line);
      }
      Studio.flash(file.startsWith("meetings/") ? msg("ui-js-meeting-saved", "The meeting’s information is saved.") : msg("ui-js-unit-saved", "The unit’s information is saved."), "ok");
      preview.refresh("");
    } catch (error) {
      Studio.flash(error.message, "error", true);
      if (error.status === 409) messages.textContent = error.message;
    }
  }

  for (const holder of document.querySelectorAll("#unit-edit, #meeting-edit")) {
    holder.addEventListener("input", (event) => {
      const field = event.target.closest(".unit-field");
      if (!field || field.matches(".date-vi")) return;
      clearTimeout(timer);
      timer = setTimeout(() => change(holder, "set_unit_field", { field: field.dataset.field, value: field.value }), 500);
    });
    holder.addEventListener("change", (event) => {
      const field = event.target.closest(".unit-field.date-vi");
      if (field) change(holder, "set_unit_field", { field: field.dataset.field, value: field.value });
    });
  }
  const kept = document.getElementById("kept");
  if (kept && kept.dataset.file) {
    kept.addEventListener("change", (event) => {
      const box = event.target.closest("input.keep");
      if (box) change(kept, "keep_section", { id: box.dataset.id, kept: box.checked, kind: box.dataset.kind });
    });
  }

  const meetingForm = document.getElementById("new-meeting-form");
  meetingForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(meetingForm).entries());
    try {
      const answer = await Studio.api("/api/meetings/new", data);
      choose("meeting", answer.file);
    } catch (error) {
      const box = meetingForm.querySelector(".form-error");
      box.textContent = error.message;
      box.hidden = false;
    }
  });

  const newForm = document.getElementById("new-unit-form");
  newForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(newForm).entries());
    try {
      const answer = await Studio.api("/api/units/new", data);
      const url = new URL(window.location.href);
      url.searchParams.set("unit", answer.file);
      window.location.href = url.toString();
    } catch (error) {
      const box = newForm.querySelector(".form-error");
      box.textContent = error.message;
      box.hidden = false;
    }
  });

  preview.refresh("");
})();
