// Draws the leaders' charts from each canvas's data attribute (stats/DashboardPages.Chart): bars or lines,
// a series of type "threshold" as a marker per bar (the alarm threshold), a value left out as a gap.
(function () {
  if (typeof Chart === 'undefined') {
    return;
  }
  var colours = ['#0b4f6c', '#8a5300', '#2e7d32', '#5b3f8c', '#a4161a'];
  document.querySelectorAll('canvas.stats-chart').forEach(function (canvas) {
    var chart = JSON.parse(canvas.getAttribute('data-chart'));
    var colour = 0;
    var datasets = chart.series.map(function (series) {
      if (series.type === 'threshold') {
        return { type: 'line', label: series.label, data: series.data, showLine: false, pointStyle: 'line',
                 pointRadius: 14, pointHoverRadius: 16, borderWidth: 3, borderColor: '#a4161a', backgroundColor: '#a4161a' };
      }
      var c = colours[colour++ % colours.length];
      return { label: series.label, data: series.data, borderColor: c, backgroundColor: c, spanGaps: false, tension: 0.2 };
    });
    new Chart(canvas, {
      type: chart.kind,
      data: { labels: chart.labels, datasets: datasets },
      options: {
        animation: false,
        maintainAspectRatio: false,
        plugins: { legend: { display: datasets.length > 1 } },
        scales: { y: { beginAtZero: true, max: chart.max === null ? undefined : chart.max, title: { display: true, text: chart.axis } } }
      }
    });
    canvas.setAttribute('data-rendered', 'true');
  });
}());
