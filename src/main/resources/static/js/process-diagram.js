// Draws a process version for its owner: the steps that changed (data-added, data-changed) coloured,
// or where cases wait (data-overlays: [{id, heat, label}]) as a heatmap with a label on each step.
(function () {
  if (typeof BpmnJS === 'undefined') {
    return;
  }
  document.querySelectorAll('.process-diagram').forEach(function (container) {
    var viewer = new BpmnJS({ container: container });
    var list = function (name) { return (container.getAttribute(name) || '').split(',').filter(Boolean); };
    fetch(container.getAttribute('data-bpmn-url'), { credentials: 'same-origin' })
      .then(function (response) { return response.text(); })
      .then(function (xml) { return viewer.importXML(xml); })
      .then(function () {
        var canvas = viewer.get('canvas');
        var registry = viewer.get('elementRegistry');
        var overlays = viewer.get('overlays');
        canvas.zoom('fit-viewport');
        var mark = function (id, marker) {
          if (registry.get(id)) {
            canvas.addMarker(id, marker);
          }
        };
        list('data-added').forEach(function (id) { mark(id, 'diff-added'); });
        list('data-changed').forEach(function (id) { mark(id, 'diff-changed'); });
        JSON.parse(container.getAttribute('data-overlays') || '[]').forEach(function (step) {
          if (!registry.get(step.id)) {
            return;
          }
          canvas.addMarker(step.id, 'heat-' + step.heat);
          var badge = document.createElement('span');
          badge.className = 'heat-badge heat-' + step.heat;
          badge.textContent = step.label;
          overlays.add(step.id, { position: { bottom: -4, left: 0 }, html: badge });
        });
        container.setAttribute('data-rendered', 'true');
      })
      .catch(function () {
        container.setAttribute('data-rendered', 'failed');
      });
  });
}());
