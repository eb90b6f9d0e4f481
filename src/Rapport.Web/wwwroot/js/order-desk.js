// The phone order (/app/orders/new) keeps every keystroke. Live updates only ever redraw what depends on the change
// (the "When" list, where it goes, the price); a suggestion from the occasion (whom it is for, the card's words) is
// applied only to a field the person is not in and has not typed into; Enter in a field places the order only when no
// update is on its way (the line beside the button says so). The place-order button always works.
(() => {
  const form = () => document.querySelector("form[data-order-desk]");
  // Fields the person has typed into or picked from, by id; forgotten when another caller's order is drawn.
  let typed = new Set();
  let customer = null;
  const pending = new Set();

  const inForm = (el) => el instanceof Element && el.closest("form[data-order-desk]") !== null;
  // Placing the order is the form's own request; everything else in it is a live update, but for the card part's
  // (making a card link, looking for the card it brings): they change no option and no price.
  const isPlace = (detail) => detail.elt instanceof Element && detail.elt.matches("form[data-order-desk]");
  const isCardLink = (detail) => detail.elt instanceof Element && detail.elt.closest("[data-card-link]") !== null;

  let applying = false; // a suggestion being applied is not the person typing
  function remember(e) {
    if (applying || !inForm(e.target) || !e.target.id) return;
    typed.add(e.target.id);
  }
  document.addEventListener("input", remember, true);
  document.addEventListener("change", remember, true);

  // A new caller (or a fresh page) starts with nothing typed.
  function sync() {
    const f = form();
    const id = f?.querySelector("input[name='Form.CustomerId']")?.value ?? null;
    if (id !== customer) { customer = id; typed = new Set(); pending.clear(); }
    showReady();
    price();
  }

  function ready() { return pending.size === 0; }

  function showReady(waitedOn) {
    const line = document.getElementById("order-ready");
    const f = form();
    if (!line || !f || f.querySelector("[data-testid=alternatives]")) return;
    line.dataset.ready = ready() ? "true" : "false";
    line.textContent = ready()
      ? "Ready: Enter in a field or Ctrl+Enter places it"
      : waitedOn ? "Not yet: the options are being updated. Enter again in a moment, or press Place order."
      : "Updating the options…";
    line.classList.toggle("text-warning-emphasis", !ready());
  }

  document.addEventListener("htmx:beforeRequest", (e) => {
    if (!inForm(e.detail.elt) || isPlace(e.detail) || isCardLink(e.detail)) return;
    pending.add(e.detail.xhr);
    showReady();
  });
  document.addEventListener("htmx:afterRequest", (e) => {
    if (!pending.delete(e.detail.xhr)) return;
    showReady();
  });

  // Enter (or Ctrl+Enter) in a field while an update is on its way would place an order on the old options: wait.
  document.addEventListener("keydown", (e) => {
    if (e.key !== "Enter" || ready()) return;
    const field = e.target;
    if (!inForm(field) || field instanceof HTMLTextAreaElement && !(e.ctrlKey || e.metaKey)) return;
    if (field instanceof HTMLButtonElement || field.tagName === "SUMMARY" || "enterChanges" in field.dataset) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    showReady(true);
  }, true);

  // The card link shown to copy is read, not typed: Enter there (as after copying it) places nothing.
  document.addEventListener("keydown", (e) => {
    const field = e.target;
    if (e.key === "Enter" && !(e.ctrlKey || e.metaKey) && field instanceof HTMLInputElement && field.readOnly && inForm(field)) e.preventDefault();
  }, true);

  // A field that may take a suggestion: not the one the person is in, nor one they typed into.
  const free = (el) => el && el !== document.activeElement && !typed.has(el.id);

  document.addEventListener("htmx:afterSwap", (e) => {
    const target = e.detail.target;
    if (target?.id === "desk" || target?.id === "order") { sync(); return; }
    if (target?.id === "draft") {
      const draft = target.querySelector("[data-draft]");
      if (!draft) return;
      const message = document.getElementById("Form_CardMessage");
      if (free(message) && message.value !== draft.dataset.cardMessage) message.value = draft.dataset.cardMessage;
      const recipient = document.getElementById("Form_RecipientId");
      // Once the delivery is shaped by hand (address, day, option), the occasion no longer moves it.
      const shaped = ["Form_Line1", "Form_City", "Form_PostalCode", "Form_Date"].some((id) => typed.has(id))
        || [...typed].some((id) => id.startsWith("choice-"));
      if (free(recipient) && !shaped && recipient.value !== draft.dataset.recipient
          && [...recipient.options].some((o) => o.value === draft.dataset.recipient)) {
        recipient.value = draft.dataset.recipient;
        applying = true;
        try { recipient.dispatchEvent(new Event("change", { bubbles: true })); } finally { applying = false; }
      }
      return;
    }
    if (target?.id === "when") {
      if (document.querySelector("#destination [data-needs-address]")) document.getElementById("another-address")?.setAttribute("open", "");
      price();
    }
  });

  // A card the customer added through a link joins the list of cards, which is never redrawn (the focus and the person's
  // pick stay). The new card is chosen unless the person is in the list or has picked from it since the link was made.
  document.addEventListener("card-link-made", () => typed.delete("Form_PaymentMethodId"));
  function cards() {
    const select = document.getElementById("Form_PaymentMethodId");
    const wait = document.getElementById("card-wait");
    if (!select || !wait) return;
    const known = new Set([...select.options].map((o) => o.value));
    const missing = [...wait.querySelectorAll("[data-card-option]")].filter((c) => !known.has(c.dataset.id));
    let chosen = null;
    // Newest first, as the server lists them, above the cards already there.
    for (const card of missing.reverse()) {
      const option = new Option(card.dataset.label, card.dataset.id);
      select.insertBefore(option, select.options[0] ?? null);
      if (card.dataset.new === "true") chosen = option;
    }
    if (chosen && free(select)) chosen.selected = true;
  }
  document.addEventListener("htmx:afterSettle", cards);

  // The total as the budget is typed and the option picked, as the server draws it.
  const money = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
  function price() {
    const f = form();
    const box = f?.querySelector("[data-price]");
    if (!box) return;
    const budget = parseFloat(f.querySelector("[data-price-budget]")?.value ?? "");
    const fee = parseFloat(f.querySelector("input[name='Form.Choice']:checked")?.dataset.fee ?? "0") || 0;
    box.replaceChildren();
    const detail = document.createElement("span");
    detail.className = "text-muted";
    detail.dataset.priceDetail = "";
    if (!(budget > 0)) {
      detail.textContent = "Total once the budget is given";
      box.append(detail);
      return;
    }
    const total = document.createElement("strong");
    total.dataset.priceTotal = "";
    total.textContent = money.format(budget + fee);
    detail.textContent = fee > 0 ? `(${money.format(budget)} and ${money.format(fee)} delivery)` : "";
    box.append("Total ", total, " ", detail);
  }
  document.addEventListener("input", (e) => { if (e.target instanceof Element && e.target.matches("[data-price-budget]")) price(); });
  document.addEventListener("change", (e) => { if (e.target instanceof Element && e.target.matches("input[name='Form.Choice']")) price(); });

  // "New customer" takes what was typed into the caller search along (a new caller's number or name).
  document.addEventListener("click", (e) => {
    const link = e.target instanceof Element ? e.target.closest("a[data-carry]") : null;
    const typedText = link ? document.querySelector(link.dataset.carry)?.value.trim() : "";
    if (!typedText) return;
    const url = new URL(link.href);
    url.searchParams.set("q", typedText);
    link.href = url.toString();
  });

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", sync); else sync();
})();
