// No inline script (the Content-Security-Policy forbids it): included by the pages that need it.
// A field to copy from (data-select-on-focus, e.g. the calendar feed's address) selects its text when focused.
document.addEventListener("focusin", (e) => {
  const field = e.target;
  if (field instanceof HTMLInputElement && "selectOnFocus" in field.dataset) field.select();
});
