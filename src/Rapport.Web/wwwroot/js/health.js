// Draws canvas[data-health-chart] (a health trend or the distribution of bands), also in cards htmx loads later.
(function () {
  function draw(root) {
    if (!window.Chart) return;
    root.querySelectorAll("canvas[data-health-chart]:not([data-drawn])").forEach((canvas) => {
      canvas.dataset.drawn = "true";
      const spec = JSON.parse(canvas.dataset.healthChart);
      new Chart(canvas, {
        type: spec.type,
        data: {
          labels: spec.labels,
          datasets: [{ label: spec.label || "Health", data: spec.data, borderColor: "#1f4e5f", backgroundColor: spec.colors || "#1f4e5f", tension: 0.2, pointRadius: 0 }],
        },
        options: {
          maintainAspectRatio: false,
          animation: false,
          plugins: { legend: { display: false } },
          scales: { y: { beginAtZero: true, max: spec.max, ticks: { precision: 0 } } },
        },
      });
    });
  }
  // Health badges beside customers on other pages (deal cards, the phone order): one request for all on the page.
  function badges() {
    const slots = [...document.querySelectorAll("[data-health-for]:not([data-health-filled])")];
    if (slots.length === 0) return;
    slots.forEach((s) => (s.dataset.healthFilled = "true"));
    const ids = [...new Set(slots.map((s) => s.dataset.healthFor))].slice(0, 200);
    fetch("/app/health?handler=Badges&" + ids.map((id) => "ids=" + encodeURIComponent(id)).join("&"), { credentials: "same-origin" })
      .then((r) => (r.ok ? r.json() : []))
      .then((list) => {
        const byId = new Map(list.map((b) => [b.customerId, b]));
        slots.forEach((slot) => {
          const b = byId.get(slot.dataset.healthFor);
          if (!b) return;
          const span = document.createElement("span");
          span.className = "badge " + b.css;
          span.dataset.testid = "health-badge";
          span.dataset.band = b.band;
          span.textContent = b.label;
          slot.replaceChildren(span);
        });
      })
      .catch(() => {});
  }
  // After every script of the page has run: Chart.js comes in the page's own scripts, after this one.
  document.addEventListener("DOMContentLoaded", () => { draw(document); badges(); });
  document.body.addEventListener("htmx:afterSettle", () => { draw(document); badges(); });
})();
