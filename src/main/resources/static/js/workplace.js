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

// The inbox's keyboard shortcuts (listed on the page): / to the filters, j/k to the next/previous task, c to its
// case, ? for the list. Never while typing in a field or with a modifier key, and off when the user turns them off
// (WCAG 2.1.4: a one-key shortcut can be turned off); the choice is kept in the browser.
(function () {
  var toggle = document.getElementById('shortcuts-on');
  if (!toggle) {
    return;
  }
  var KEY = 'tvaers.shortcuts';
  toggle.checked = window.localStorage.getItem(KEY) !== 'off';
  toggle.addEventListener('change', function () {
    window.localStorage.setItem(KEY, toggle.checked ? 'on' : 'off');
  });
  function taskLinks() {
    return Array.prototype.slice.call(document.querySelectorAll('#lists tbody tr td:first-child a'));
  }
  function mark(link) {
    Array.prototype.forEach.call(document.querySelectorAll('tr.shortcut-focus'), function (row) {
      row.classList.remove('shortcut-focus');
    });
    var row = link.closest('tr');
    if (row) {
      row.classList.add('shortcut-focus');
    }
    link.focus();
  }
  document.addEventListener('keydown', function (event) {
    if (!toggle.checked || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) {
      return;
    }
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(target.tagName))) {
      return;
    }
    var links = taskLinks();
    var at = links.indexOf(document.activeElement);
    if (event.key === '/') {
      event.preventDefault();
      var first = document.querySelector('form.filters select, form.filters input');
      if (first) {
        first.focus();
      }
    } else if (event.key === 'j' || event.key === 'k') {
      if (links.length === 0) {
        return;
      }
      event.preventDefault();
      var next = event.key === 'j' ? Math.min(at + 1, links.length - 1) : Math.max(at - 1, 0);
      mark(links[at < 0 ? 0 : next]);
    } else if (event.key === 'c' && at >= 0) {
      var caseLink = links[at].closest('tr').querySelector('td:nth-child(2) a');
      if (caseLink) {
        event.preventDefault();
        window.location.href = caseLink.href;
      }
    } else if (event.key === '?') {
      event.preventDefault();
      var help = document.getElementById('shortcuts');
      help.open = !help.open;
      if (help.open) {
        help.querySelector('summary').focus();
      }
    }
  });
}());
