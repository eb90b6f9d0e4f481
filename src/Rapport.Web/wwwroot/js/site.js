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
