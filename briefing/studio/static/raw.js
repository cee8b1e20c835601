/* Repairing a file that is no longer valid YAML, as text. */
"use strict";

(() => {
  const form = document.getElementById("raw-form");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const box = form.querySelector(".form-error");
    try {
      await Studio.api("/api/raw/" + encodeURIComponent(form.dataset.name),
                       { version: form.dataset.version, text: document.getElementById("raw-text").value });
      window.location.reload();
    } catch (error) { box.textContent = error.message; box.hidden = false; }
  });
})();
