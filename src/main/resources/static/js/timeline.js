// Places the journey's bars on their time axis (positions come from the server as data attributes;
// set through the DOM so the page's content security policy needs no inline styles).
(function () {
  document.querySelectorAll('.timeline .segment').forEach(function (segment) {
    segment.style.left = segment.getAttribute('data-left') + '%';
    segment.style.width = segment.getAttribute('data-width') + '%';
  });
}());
