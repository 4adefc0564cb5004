// After htmx has swapped a part of the page (claim, give back, filters, a youth-team decision), move
// keyboard focus to the status message, so a screen reader hears what happened and the focus does not
// fall back to the top of the page.
document.addEventListener('htmx:afterSettle', function () {
  var status = document.querySelector('.swap-status');
  if (status && status.textContent.trim() !== '') {
    status.focus();
  }
});

// An answer htmx will not swap (an error page, a lost connection): never fail silently; load the
// page again, which shows the current state and, for an error, the server's message.
document.addEventListener('htmx:responseError', function () {
  window.location.reload();
});
document.addEventListener('htmx:sendError', function () {
  window.location.reload();
});
