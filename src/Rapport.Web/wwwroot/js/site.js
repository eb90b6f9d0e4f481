// "/" jumps to the customer search from anywhere that is not a text field.
document.addEventListener("keydown", (e) => {
  if (e.key !== "/" || e.ctrlKey || e.metaKey) return;
  const t = e.target;
  if (t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement || t.isContentEditable) return;
  const box = document.querySelector("[data-search-main]") || document.querySelector('[data-shortcut="/"]');
  if (box) { e.preventDefault(); box.focus(); box.select(); }
});
// Arrow keys move through search results; Enter on a result opens it.
document.addEventListener("keydown", (e) => {
  if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
  const rows = Array.from(document.querySelectorAll(".result-row"));
  if (rows.length === 0) return;
  const i = rows.indexOf(document.activeElement);
  const search = document.querySelector("[data-search-main]");
  if (e.key === "ArrowDown") { e.preventDefault(); (rows[i + 1] || rows[0]).focus(); }
  else if (i > 0) { e.preventDefault(); rows[i - 1].focus(); }
  else if (i === 0 && search) { e.preventDefault(); search.focus(); }
});
// Forms (or the button that sends them) that destroy something ask first; the question comes from data-confirm
// (text, never script).
document.addEventListener("submit", (e) => {
  const form = e.target;
  if (!(form instanceof HTMLFormElement)) return;
  const question = (e.submitter instanceof HTMLElement && e.submitter.dataset.confirm) || form.dataset.confirm;
  if (question && !window.confirm(question)) e.preventDefault();
}, true);
// A form refused with its messages (422 or 409 with HX-Reswap) is swapped in like any answer, so they show beside the fields.
document.addEventListener("htmx:beforeSwap", (e) => {
  const xhr = e.detail.xhr;
  if ((xhr.status === 422 || xhr.status === 409) && xhr.getResponseHeader("HX-Reswap")) {
    e.detail.shouldSwap = true;
    e.detail.isError = false;
  }
});
// A failed htmx request says so instead of failing silently.
document.addEventListener("htmx:responseError", (e) => {
  const status = e.detail.xhr.status;
  const message = status === 403 ? "Your role cannot do that."
    : status === 404 ? "That record is gone or not yours to see."
    : "Something went wrong (" + status + "). Please try again.";
  const toast = document.getElementById("error-toast");
  if (!toast || !window.bootstrap) { alert(message); return; }
  toast.querySelector(".toast-body").textContent = message;
  bootstrap.Toast.getOrCreateInstance(toast).show();
});
document.addEventListener("htmx:sendError", () => {
  const toast = document.getElementById("error-toast");
  if (!toast || !window.bootstrap) return;
  toast.querySelector(".toast-body").textContent = "Rapport could not be reached. Check the connection and try again.";
  bootstrap.Toast.getOrCreateInstance(toast).show();
});
// Enter in a field marked data-pick-first searches now and opens the first result ("type the number, Enter").
document.addEventListener("keydown", (e) => {
  const box = e.target;
  if (e.key !== "Enter" || !(box instanceof HTMLInputElement) || !box.dataset.pickFirst || !window.htmx) return;
  e.preventDefault();
  const results = document.querySelector(box.dataset.pickFirst);
  if (!results) return;
  // The first settle may be an older search's, while the newest results are not yet processed by htmx: process the
  // row before clicking it, or the click follows its plain link and reloads the page.
  document.addEventListener("htmx:afterSettle", () => {
    const row = results.querySelector(".result-row");
    if (!row) return;
    htmx.process(row);
    row.click();
  }, { once: true });
  htmx.trigger(box, "search");
});
// Enter in a field marked data-enter-changes applies it (e.g. redrafts for the occasion) instead of submitting.
document.addEventListener("keydown", (e) => {
  const field = e.target;
  if (e.key !== "Enter" || e.ctrlKey || e.metaKey || !(field instanceof HTMLElement) || !("enterChanges" in field.dataset)) return;
  e.preventDefault();
  field.dispatchEvent(new Event("change", { bubbles: true }));
});
// Ctrl+Enter anywhere in a form marked data-ctrl-enter presses its first submit button, as Enter in a field does.
document.addEventListener("keydown", (e) => {
  if (e.key !== "Enter" || !(e.ctrlKey || e.metaKey)) return;
  const form = (e.target instanceof Element && e.target.closest("form[data-ctrl-enter]")) || document.querySelector("form[data-ctrl-enter]");
  const button = form?.querySelector("button[type=submit]:not([formaction])");
  if (!button) return;
  e.preventDefault();
  button.click();
});
// A filter that applies as soon as it changes (data-autosubmit on a select or a checkbox): no inline script anywhere,
// so the Content-Security-Policy can forbid it.
document.addEventListener("change", (e) => {
  const field = e.target;
  if (field instanceof HTMLElement && "autosubmit" in field.dataset && field.form) field.form.requestSubmit();
});
// A form marked data-reset-on-timeline empties itself once the timeline has taken what it logged.
document.addEventListener("htmx:afterRequest", (e) => {
  const form = e.target;
  if (!(form instanceof HTMLFormElement) || !("resetOnTimeline" in form.dataset)) return;
  if (!e.detail.successful || e.detail.target?.id !== "timeline") return;
  form.reset();
  const errors = document.getElementById("log-errors");
  if (errors) errors.innerHTML = "";
  document.getElementById("timeline-empty")?.remove();
});
// A field to copy from (data-select-on-focus, e.g. a calendar feed's address) selects its text when focused.
document.addEventListener("focusin", (e) => {
  const field = e.target;
  if (field instanceof HTMLInputElement && "selectOnFocus" in field.dataset) field.select();
});
