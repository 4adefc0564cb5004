// After htmx has swapped a part of the page (claim, give back, filters), move keyboard focus to the
// status message, so a screen reader hears what happened and the focus does not fall to the top.
document.addEventListener('htmx:afterSettle', function () {
  var status = document.getElementById('inbox-status');
  if (status && status.textContent.trim() !== '') {
    status.focus();
  }
});
