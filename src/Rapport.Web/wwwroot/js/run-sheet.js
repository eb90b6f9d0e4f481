// A stop just marked delivered or failed moves below the stops still to do in its window (as the sheet lists it on
// the next load), while its card still says how it went.
document.addEventListener("htmx:afterSwap", (e) => {
  const card = e.detail.target?.id?.startsWith("stop-") ? document.getElementById(e.detail.target.id) : null;
  if (!card || !["delivered", "failed"].includes(card.dataset.status)) return;
  const col = card.parentElement;
  col?.parentElement?.append(col);
});
