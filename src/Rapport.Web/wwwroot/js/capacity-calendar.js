// The capacity calendar's chart: booked against capacity per day. The table under it says the same without JavaScript.
(() => {
  const canvas = document.getElementById("capacity-chart");
  const source = document.getElementById("capacity-data");
  if (!canvas || !source || !window.Chart) return;
  const data = JSON.parse(source.textContent);
  // Same colours as the table's fill levels (site.css).
  const colours = { open: "#2e8b57", busy: "#e0a800", full: "#c0392b", closed: "#adb5bd" };
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: data.labels,
      datasets: [
        { label: "Booked", data: data.booked, backgroundColor: data.fill.map((f) => colours[f] || colours.open) },
        { label: "Capacity", data: data.capacity, backgroundColor: "rgba(31, 78, 95, 0.15)", borderColor: "#1f4e5f", borderWidth: 1 },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: { x: { stacked: false }, y: { beginAtZero: true, ticks: { precision: 0 } } },
      plugins: {
        legend: {
          position: "bottom",
          // Booked bars take each day's fill colour; the legend shows the busy one.
          labels: {
            generateLabels: (chart) => Chart.defaults.plugins.legend.labels.generateLabels(chart)
              .map((l) => (l.datasetIndex === 0 ? { ...l, fillStyle: colours.busy, strokeStyle: colours.busy } : l)),
          },
        },
      },
    },
  });
})();
