// Draws the case's route (its BPMN) on the case page and marks where the case stands.
(function () {
  var container = document.getElementById('route-diagram');
  if (!container || typeof BpmnJS === 'undefined') {
    return;
  }
  var viewer = new BpmnJS({ container: container });
  fetch(container.getAttribute('data-bpmn-url'), { credentials: 'same-origin' })
    .then(function (response) { return response.text(); })
    .then(function (xml) { return viewer.importXML(xml); })
    .then(function () {
      var canvas = viewer.get('canvas');
      canvas.zoom('fit-viewport');
      (container.getAttribute('data-active') || '').split(',').filter(Boolean).forEach(function (id) {
        canvas.addMarker(id, 'active-step');
      });
      container.setAttribute('data-rendered', 'true');
    })
    .catch(function () {
      container.setAttribute('data-rendered', 'failed');
    });
}());
