// Draws a finding's EPSS score by day from the canvas's data attributes (no inline script: the
// Content-Security-Policy forbids it). The latest value is also written under the chart.
(function () {
    "use strict";
    var canvas = document.getElementById("epss-chart");
    if (!canvas || typeof Chart === "undefined") {
        return;
    }
    new Chart(canvas, {
        type: "line",
        data: {
            labels: canvas.dataset.labels.split(","),
            datasets: [{ label: "EPSS", data: canvas.dataset.values.split(",").map(Number), borderColor: "#3b3f5c", pointRadius: 2 }]
        },
        options: {
            animation: false,
            responsive: true,
            plugins: { legend: { display: false } },
            scales: { y: { beginAtZero: true, suggestedMax: 1 } }
        }
    });
})();
