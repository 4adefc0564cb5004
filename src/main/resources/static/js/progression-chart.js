// Draws the citizen's progression (1–10 per area, per follow-up) from the page's data attribute.
(function () {
  var canvas = document.getElementById('progression-chart');
  if (!canvas || typeof Chart === 'undefined') {
    return;
  }
  var data = JSON.parse(canvas.getAttribute('data-chart'));
  var colours = ['#0b4f6c', '#2e7d32', '#8a5300', '#a4161a', '#5b3f8c'];
  var datasets = Object.keys(data.series).map(function (name, i) {
    return { label: name, data: data.series[name], borderColor: colours[i % colours.length],
             backgroundColor: colours[i % colours.length], spanGaps: true, tension: 0.2 };
  });
  new Chart(canvas, {
    type: 'line',
    data: { labels: data.labels, datasets: datasets },
    options: { animation: false, scales: { y: { min: 1, max: 10, ticks: { stepSize: 1 } } } }
  });
  canvas.setAttribute('data-rendered', 'true');
}());
