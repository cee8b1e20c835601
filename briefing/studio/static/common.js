/* Briefing Studio: what every page shares — calls to the server with the CSRF token,
   messages, dialogs. No framework: the pages are server-rendered; htmx does the rest. */
"use strict";

/** A message in the studio's language: the page's table (`briefing.studio.script_texts`)
    words the code, else the English written here; `{name}` fields filled from `params`. */
function msg(code, english, params) {
  if (msg.table === undefined) {
    const holder = document.getElementById("studio-texts");
    try { msg.table = holder ? JSON.parse(holder.textContent) : {}; } catch (error) { msg.table = {}; }
  }
  const template = msg.table[code] || english;
  return template.replace(/\{(\w+)\}/g, (field, name) =>
    params && Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : field);
}

const Studio = (() => {
  const csrf = () => document.querySelector('meta[name="csrf-token"]').content;

  class ApiError extends Error {
    constructor(message, status, data) { super(message); this.status = status; this.data = data || {}; }
  }

  /** POST or GET JSON; throws ApiError with the server's Vietnamese message. */
  async function api(url, body, options = {}) {
    const init = { method: body === undefined ? "GET" : "POST", headers: { "X-CSRF-Token": csrf() },
                   credentials: "same-origin" };
    if (body instanceof FormData) { init.body = body; }
    else if (body !== undefined) { init.body = JSON.stringify(body); init.headers["Content-Type"] = "application/json"; }
    if (options.signal) init.signal = options.signal;
    let response;
    try { response = await fetch(url, init); }
    catch (error) {
      if (error.name === "AbortError") throw error;
      throw new ApiError(msg("ui-js-offline", "The Studio cannot be reached (is the server stopped?). What is not saved is still on the page."), 0);
    }
    const type = response.headers.get("content-type") || "";
    const data = type.includes("json") ? await response.json().catch(() => ({})) : { error: await response.text() };
    if (!response.ok) throw new ApiError(data.error || msg("ui-js-error-status", "Error {status}", { status: response.status }), response.status, data);
    return data;
  }

  let flashTimer = null;
  function flash(message, kind = "info", sticky = false) {
    const box = document.getElementById("flash");
    if (!box) return;
    box.textContent = message;
    box.className = "flash " + kind;
    box.hidden = false;
    clearTimeout(flashTimer);
    if (!sticky) flashTimer = setTimeout(() => { box.hidden = true; }, 6000);
  }

  /** A yes/no question in the page's confirm dialog; resolves true for yes. */
  function confirm(text) {
    const dialog = document.getElementById("confirm-dialog");
    if (!dialog) return Promise.resolve(window.confirm(text));
    dialog.querySelector("#confirm-text").textContent = text;
    return new Promise((resolve) => {
      dialog.addEventListener("close", () => resolve(dialog.returnValue === "yes"), { once: true });
      dialog.returnValue = "";
      dialog.showModal();
    });
  }

  /** Build a file on the server (a POST: it writes into output/) and hand it to the browser
      as a download; errors become messages. */
  async function download(url, fallbackName) {
    flash(msg("ui-js-making-file", "Making the file…"), "info", true);
    try {
      const response = await fetch(url, { method: "POST", credentials: "same-origin",
                                          headers: { "X-CSRF-Token": csrf() } });
      if (!response.ok) {
        const data = await response.json().catch(() => ({}));
        throw new Error(data.error || msg("ui-js-error-status", "Error {status}", { status: response.status }));
      }
      const disposition = response.headers.get("content-disposition") || "";
      const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
      const blob = await response.blob();
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = match ? decodeURIComponent(match[1]) : fallbackName;
      document.body.appendChild(link);
      link.click();
      setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 10000);
      flash(msg("ui-js-made-file", "Made {name}.", { name: link.download }), "ok");
    } catch (error) {
      flash(error.message, "error", true);
    }
  }

  document.addEventListener("click", (event) => {
    const opener = event.target.closest("[data-open]");
    if (opener) { document.getElementById(opener.dataset.open).showModal(); return; }
    const closer = event.target.closest("[data-close]");
    if (closer) closer.closest("dialog").close();
  });
  document.addEventListener("htmx:configRequest", (event) => { event.detail.headers["X-CSRF-Token"] = csrf(); });
  document.addEventListener("htmx:responseError", (event) => {
    let message = msg("ui-js-not-done", "The operation was not carried out.");
    try { message = JSON.parse(event.detail.xhr.responseText).error || message; } catch (e) { /* text */ }
    flash(message, "error", true);
  });

  return { api, flash, confirm, download, ApiError };
})();

/* Dates as a Vietnamese clerk writes them (15/03/2024) whatever the browser's language: each
   `input.date-vi` is a text field, with a button opening the browser's calendar, whose choice
   is written back as day/month/year (the server stores 2024-03-15). */
(() => {
  const pad = (n) => String(n).padStart(2, "0");
  function enhance(input) {
    if (input.dataset.calendar) return;
    input.dataset.calendar = "1";
    const native = document.createElement("input");
    native.type = "date";
    native.className = "date-native";
    native.tabIndex = -1;
    native.setAttribute("aria-hidden", "true");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "btn small date-button";
    button.textContent = msg("ui-js-calendar", "Calendar");
    button.setAttribute("aria-label", msg("ui-js-calendar-label", "Choose the date on a calendar"));
    button.addEventListener("click", () => {
      const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(input.value.trim());
      native.value = m ? `${m[3]}-${pad(m[2])}-${pad(m[1])}` : "";
      try { native.showPicker(); } catch (error) { native.focus(); }
    });
    native.addEventListener("change", () => {
      const [y, mo, d] = native.value.split("-");
      if (!y) return;
      input.value = `${d}/${mo}/${y}`;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      input.dispatchEvent(new Event("change", { bubbles: true }));
    });
    input.after(button, native);
  }
  const all = () => document.querySelectorAll("input.date-vi").forEach(enhance);
  document.addEventListener("DOMContentLoaded", all);
  new MutationObserver(all).observe(document.documentElement, { childList: true, subtree: true });
})();
