// The owner's home: orders forecast against capacity per day. The warning above it says the same without JavaScript.
(() => {
  const canvas = document.getElementById("forecast-chart");
  const source = document.getElementById("forecast-data");
  if (!canvas || !source || !window.Chart) return;
  const data = JSON.parse(source.textContent);
  const chart = new Chart(canvas, {
    data: {
      labels: data.labels,
      datasets: [
        {
          type: "bar", label: "Forecast", data: data.forecast,
          // Days short of capacity in the same red as the capacity calendar's full days (site.css).
          backgroundColor: data.shortfall.map((s) => (s > 0 ? "#c0392b" : "#2e8b57")),
        },
        { type: "line", label: "Capacity", data: data.capacity, borderColor: "#1f4e5f", backgroundColor: "#1f4e5f", stepped: "middle", pointRadius: 0, borderWidth: 2 },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      plugins: { legend: { position: "bottom" } },
    },
  });
  // Tests and the curious can tell the chart drew its data.
  canvas.dataset.points = String(chart.data.labels.length);
})();
