// After htmx has swapped a part of the page (claim, give back, filters, a youth-team decision), move
// keyboard focus to the status message, so a screen reader hears what happened and the focus does not
// fall back to the top of the page.
document.addEventListener('htmx:afterSettle', function () {
  var status = document.querySelector('.swap-status');
  if (status && status.textContent.trim() !== '') {
    status.focus();
  }
});
