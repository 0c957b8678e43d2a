// Draws the charts from the tables the server rendered: without the script the tables are the content.
"use strict";

(function () {
  const palette = ["#1d3557", "#b35900", "#2a9d8f", "#6a4c93", "#c1121f", "#457b9d", "#8d6e63", "#2b9348", "#555555"];

  function tallyChart(figure) {
    const table = figure.querySelector("table");
    const canvas = figure.querySelector("canvas");
    const statuses = Array.from(table.querySelectorAll("thead th")).slice(1).map(th => th.textContent.trim());
    const rows = Array.from(table.querySelectorAll("tbody tr"));
    const labels = rows.map(row => row.querySelector("th").textContent.trim());
    const datasets = statuses.map((status, i) => ({
      label: status,
      backgroundColor: palette[i % palette.length],
      data: rows.map(row => Number(row.querySelectorAll("td")[i].textContent))
    }));
    new Chart(canvas, {
      type: "bar",
      data: { labels, datasets },
      options: { animation: false, responsive: true, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } }
    });
  }

  function dayText(day) {
    return new Date(day * 86400000).toISOString().slice(0, 10);
  }

  function timelineChart(figure) {
    const canvas = figure.querySelector("canvas");
    const data = JSON.parse(figure.querySelector("script[type='application/json']").textContent);
    const labels = data.map(c => c.id);
    const due = data.map(c => c.due);
    const fulfilled = data.map(c => c.fulfilled);
    // The axis spans the record's days only (a bar chart's value axis would otherwise start at 1970).
    const days = data.flatMap(c => [c.due, c.fulfilled]).filter(r => r).flat();
    const min = days.length ? Math.min(...days) - 30 : undefined;
    const max = days.length ? Math.max(...days) + 30 : undefined;
    canvas.parentElement.style.height = Math.max(200, 28 * data.length + 80) + "px";
    new Chart(canvas, {
      type: "bar",
      data: {
        labels,
        datasets: [
          { label: "Due window", data: due, backgroundColor: "rgba(29,53,87,0.55)" },
          { label: "Fulfilled (as precisely as the source dates it)", data: fulfilled, backgroundColor: "#2b9348" }
        ]
      },
      options: {
        animation: false, indexAxis: "y", responsive: true, maintainAspectRatio: false,
        scales: { x: { beginAtZero: false, min, max, ticks: { callback: value => dayText(value) } } },
        plugins: { tooltip: { callbacks: { label: ctx => ctx.dataset.label + ": " + (ctx.raw ? dayText(ctx.raw[0]) + " to " + dayText(ctx.raw[1]) : "none") } } }
      }
    });
  }

  document.querySelectorAll("figure[data-chart='tally']").forEach(tallyChart);
  document.querySelectorAll("figure[data-chart='timeline']").forEach(timelineChart);
})();
