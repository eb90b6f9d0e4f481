// Draws each canvas[data-chart] from the figures the server put on it; the table beneath stays the record.
document.querySelectorAll("canvas[data-chart]").forEach((canvas) => {
  if (!window.Chart) return;
  const spec = JSON.parse(canvas.dataset.chart);
  const value = spec.percent ? (v) => v + "%" : (v) => v;
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: spec.labels,
      datasets: spec.series.map((s) => ({ label: s.label, data: s.data, backgroundColor: s.color })),
    },
    options: {
      indexAxis: spec.horizontal ? "y" : "x",
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: (c) => c.dataset.label + ": " + value(Math.round(c.parsed[spec.horizontal ? "x" : "y"] * 10) / 10) } },
      },
      scales: {
        [spec.horizontal ? "x" : "y"]: {
          beginAtZero: true,
          max: spec.percent ? 100 : undefined,
          ticks: { precision: 0, callback: value },
        },
      },
    },
  });
});
