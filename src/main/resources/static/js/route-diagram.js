// Draws the case's route (its BPMN) on the case page and marks where the case stands. On a narrow screen the
// diagram is not shrunk until its text cannot be read: it keeps at least MIN_SCALE and scrolls sideways in its
// own region, starting at the step the case stands at.
(function () {
  var container = document.getElementById('route-diagram');
  if (!container || typeof BpmnJS === 'undefined') {
    return;
  }
  // A phone or tablet: the diagram's text at full size; a laptop's wider diagram may shrink to 80 %.
  var MIN_SCALE = container.clientWidth < 960 ? 1.0 : 0.8;
  var viewer = new BpmnJS({ container: container });
  fetch(container.getAttribute('data-bpmn-url'), { credentials: 'same-origin' })
    .then(function (response) { return response.text(); })
    .then(function (xml) { return viewer.importXML(xml); })
    .then(function () {
      var canvas = viewer.get('canvas');
      canvas.zoom('fit-viewport');
      var inner = canvas.viewbox().inner;
      if (canvas.zoom() < MIN_SCALE && inner.width > 0) {
        container.style.width = Math.ceil(inner.width * MIN_SCALE + 40) + 'px';
        container.style.height = Math.max(container.clientHeight, Math.ceil(inner.height * MIN_SCALE + 40)) + 'px';
        canvas.resized();
        canvas.zoom('fit-viewport');
      }
      var active = (container.getAttribute('data-active') || '').split(',').filter(Boolean);
      active.forEach(function (id) {
        canvas.addMarker(id, 'active-step');
      });
      var first = active.length ? viewer.get('elementRegistry').get(active[0]) : null;
      var scroller = container.parentElement;
      if (first && scroller && scroller.scrollWidth > scroller.clientWidth) {
        var box = canvas.viewbox();
        var x = (first.x - box.x) * box.scale;
        scroller.scrollLeft = Math.max(0, x - scroller.clientWidth / 3);
      }
      container.setAttribute('data-rendered', 'true');
    })
    .catch(function () {
      container.setAttribute('data-rendered', 'failed');
    });
}());
