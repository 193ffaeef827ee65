// Draws the "open findings by priority" bar chart from the canvas's data attributes (no inline script: the
// Content-Security-Policy forbids it). The same numbers are in the table beside the chart.
(function () {
    "use strict";
    var canvas = document.getElementById("priority-chart");
    if (!canvas || typeof Chart === "undefined") {
        return;
    }
    var labels = canvas.dataset.labels.split(",");
    var values = canvas.dataset.values.split(",").map(Number);
    var style = getComputedStyle(document.documentElement);
    var colour = function (label) { return style.getPropertyValue("--" + label.toLowerCase()).trim() || "#5f6b7a"; };
    new Chart(canvas, {
        type: "bar",
        data: {
            labels: labels,
            datasets: [{
                label: "Open findings",
                data: values,
                backgroundColor: labels.map(colour) // the badge colours of site.css
            }]
        },
        options: {
            animation: false,
            responsive: true,
            plugins: { legend: { display: false } },
            scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }
        }
    });
})();
