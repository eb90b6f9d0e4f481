// The board: dragging a card to another column submits the card's own "Move to" form with that column's stage,
// so a drag and the keyboard take the same road to the same gate.
(() => {
  const board = document.querySelector(".deal-board");
  if (!board) return;
  let dragged = null;

  board.addEventListener("dragstart", (e) => {
    const card = e.target instanceof Element ? e.target.closest(".deal-card[draggable=true]") : null;
    if (!card) return;
    dragged = card;
    card.classList.add("dragging");
    e.dataTransfer.effectAllowed = "move";
    e.dataTransfer.setData("text/plain", card.dataset.deal);
  });
  board.addEventListener("dragend", () => {
    dragged?.classList.remove("dragging");
    dragged = null;
    board.querySelectorAll(".drop-target").forEach((c) => c.classList.remove("drop-target"));
  });
  board.addEventListener("dragover", (e) => {
    const column = e.target instanceof Element ? e.target.closest(".board-column") : null;
    if (!column || !dragged || column.dataset.stage === dragged.dataset.stage) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "move";
    board.querySelectorAll(".drop-target").forEach((c) => c !== column && c.classList.remove("drop-target"));
    column.classList.add("drop-target");
  });
  board.addEventListener("drop", (e) => {
    const column = e.target instanceof Element ? e.target.closest(".board-column") : null;
    if (!column || !dragged) return;
    e.preventDefault();
    column.classList.remove("drop-target");
    const form = dragged.querySelector("form.move-form");
    const select = form?.querySelector("select[name=toStage]");
    if (!form || !select || column.dataset.stage === dragged.dataset.stage) return;
    select.value = column.dataset.stage;
    form.requestSubmit();
  });

  // A moved card is focused in its new column, so keyboard users keep their place.
  document.body.addEventListener("htmx:afterSettle", () => {
    const moved = board.querySelector(".deal-card[data-just-moved]");
    if (!moved) return;
    moved.removeAttribute("data-just-moved");
    moved.focus();
  });
})();
