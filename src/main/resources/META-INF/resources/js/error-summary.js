// A refused form's error summary takes focus, so keyboard and screen-reader users start at what to correct; its
// links move focus into the field itself (a fragment link alone only scrolls) with the field's label in view.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var summary = document.getElementById('error-summary');
    if (!summary) {
      return;
    }
    summary.focus();
    summary.addEventListener('click', function (event) {
      var link = event.target.closest('a[href^="#"]');
      var field = link && document.getElementById(link.getAttribute('href').slice(1));
      if (!field) {
        return;
      }
      event.preventDefault();
      var label = document.querySelector('label[for="' + field.id + '"]') || field.closest('fieldset') || field;
      label.scrollIntoView();
      field.focus({ preventScroll: true });
    });
  });
})();
