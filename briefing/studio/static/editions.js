/* Editions: build one (it may take a while: every unit's copy is built). Verify and compare
   are htmx requests (see the page). */
"use strict";

(() => {
  const form = document.getElementById("edition-form");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(form).entries());
    data.new_revision = form.elements.new_revision.checked;
    const button = form.querySelector("button[type=submit]");
    const busy = form.querySelector(".busy");
    const result = form.querySelector(".form-result");
    button.disabled = true;
    busy.hidden = false;
    result.textContent = "";
    try {
      const answer = await Studio.api("/api/editions/new", data);
      result.className = "form-result ok";
      result.textContent = answer.created
        ? msg("ui-js-edition-saved", "Edition {label} saved ({copies} copies, {seconds} s).", { label: answer.label, copies: answer.variants.length, seconds: answer.seconds })
        : msg("ui-js-edition-same", "Edition {label} was already archived with exactly this content; nothing to save again.", { label: answer.label });
      setTimeout(() => window.location.reload(), 1500);
    } catch (error) {
      result.className = "form-result error";
      result.textContent = error.message;
      if (error.data && error.data.action) {   // the button that does what the message says
        const again = document.createElement("button");
        again.type = "button";
        again.className = "btn small primary";
        again.textContent = error.data.action;
        again.addEventListener("click", () => {
          for (const [key, value] of Object.entries(error.data.with || {})) {
            if (form.elements[key] && form.elements[key].type === "checkbox") form.elements[key].checked = Boolean(value);
          }
          form.requestSubmit();
        });
        result.append(" ", again);
      }
    } finally {
      button.disabled = false;
      busy.hidden = true;
    }
  });
})();
