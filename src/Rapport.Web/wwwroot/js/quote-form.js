// The quote form: "Add a line" adds an empty row in place (without JavaScript it posts and the page comes back with one),
// renumbered so the lines bind in order, and puts the cursor in it. Enter in a field saves the quote, not adds a line.
(() => {
  for (const form of document.querySelectorAll("form[data-quote-form]")) {
    const body = form.querySelector("[data-quote-lines]");
    const add = form.querySelector("[data-add-line]");
    if (!body || !add) continue;
    const max = Number(form.dataset.maxLines || "50");
    add.type = "button";
    add.removeAttribute("name");
    const renumber = (row, i) => {
      for (const el of row.querySelectorAll("input")) {
        el.name = el.name.replace(/^lines\[\d+\]/, `lines[${i}]`);
        el.id = el.id.replace(/^line-\d+-/, `line-${i}-`);
      }
      for (const label of row.querySelectorAll("label")) {
        label.htmlFor = label.htmlFor.replace(/^line-\d+-/, `line-${i}-`);
        label.textContent = label.textContent.replace(/^Line \d+/, `Line ${i + 1}`);
      }
    };
    const refresh = () => { add.disabled = body.querySelectorAll("[data-quote-line]").length >= max; };
    add.addEventListener("click", () => {
      const rows = body.querySelectorAll("[data-quote-line]");
      if (rows.length >= max) return;
      const row = rows[rows.length - 1].cloneNode(true);
      for (const el of row.querySelectorAll("input")) { el.value = ""; el.classList.remove("is-invalid"); }
      for (const note of row.querySelectorAll(".invalid-feedback")) note.textContent = "";
      renumber(row, rows.length);
      body.appendChild(row);
      row.querySelector("input")?.focus();
      refresh();
    });
    refresh();
  }
})();
