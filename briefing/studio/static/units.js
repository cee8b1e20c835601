/* Units and meetings: preview the chosen variant; edit the unit's identity and the sections
   its copy keeps. Each change is saved at once (with the unit file's version). */
"use strict";

(() => {
  const root = document.getElementById("units");
  const name = root.dataset.name;
  const unitSelect = document.getElementById("unit-select");
  const meetingSelect = document.getElementById("meeting-select");
  const edit = document.getElementById("unit-edit");
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
      Studio.download(downloadUrl(fmt), (unitSelect.value || name).replace(/\.yaml$/, "") + "." + fmt);
    });
  }

  unitSelect.addEventListener("change", () => {
    const url = new URL(window.location.href);
    url.searchParams.set("unit", unitSelect.value);
    if (unitSelect.value) window.location.href = url.toString();   // the editor shows that unit
    else preview.refresh("");
  });
  meetingSelect.addEventListener("change", () => preview.refresh(""));

  async function change(op, args) {
    const file = edit.dataset.unit;
    const messages = document.getElementById("unit-messages");
    try {
      const answer = await Studio.api("/api/change/" + encodeURIComponent(file),
                                      { version: edit.dataset.version, op, args });
      edit.dataset.version = answer.version;
      messages.innerHTML = "";
      for (const finding of answer.check.findings) {
        const line = document.createElement("span");
        line.className = "msg " + finding.severity;
        line.textContent = `${finding.severity === "error" ? "Lỗi" : "Cảnh báo"}: ${finding.message}`;
        messages.appendChild(line);
      }
      Studio.flash("Đã lưu thông tin đơn vị.", "ok");
      preview.refresh("");
    } catch (error) {
      Studio.flash(error.message, "error", true);
      if (error.status === 409) messages.textContent = error.message;
    }
  }

  if (edit) {
    edit.addEventListener("input", (event) => {
      const field = event.target.closest(".unit-field");
      if (!field) return;
      clearTimeout(timer);
      timer = setTimeout(() => change("set_unit_field", { field: field.dataset.field, value: field.value }), 500);
    });
    edit.addEventListener("change", (event) => {
      const box = event.target.closest("input.keep");
      if (box) change("keep_section", { id: box.dataset.id, kept: box.checked });
    });
  }

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
