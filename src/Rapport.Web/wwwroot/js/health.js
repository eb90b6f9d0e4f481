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
  draw(document);
  document.body.addEventListener("htmx:afterSettle", () => draw(document));
})();
