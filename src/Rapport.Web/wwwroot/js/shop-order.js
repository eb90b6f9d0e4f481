// Progressive enhancement of the order form, which works without it: the options follow the choices at once,
// and only the amount that applies to the chosen item (a budget or a quantity) is shown.
(() => {
  const form = document.getElementById("order-form");
  if (!form) return;
  const times = form.querySelector("[data-testid=show-times]");
  const item = form.querySelector("#Item");
  const showAmount = () => {
    const designers = item?.selectedOptions[0]?.dataset.designers === "true";
    form.querySelector("[data-for=budget]")?.classList.toggle("d-none", !designers);
    form.querySelector("[data-for=quantity]")?.classList.toggle("d-none", designers);
  };
  showAmount();
  item?.addEventListener("change", showAmount);
  if (times) form.querySelectorAll("[data-refresh]").forEach(field => field.addEventListener("change", () => form.requestSubmit(times)));
})();
