// Follows a bulk import: polls the JSON progress named by the page's data-progress-url every second and
// fills the elements marked data-field; reloads the page once the import has finished (to show rejects).
(function () {
  'use strict';
  var box = document.querySelector('[data-progress-url]');
  if (!box || box.getAttribute('data-finished') === 'true') {
    return;
  }
  var url = box.getAttribute('data-progress-url');
  function show(p) {
    box.querySelectorAll('[data-field]').forEach(function (el) {
      var name = el.getAttribute('data-field');
      var value = p[name];
      if (name === 'etaSeconds' && value < 0) {
        value = '–';
      }
      if (name === 'phase') {
        value = box.getAttribute('data-phase-' + String(value).toLowerCase()) || value;
      }
      el.textContent = value === null || value === undefined ? '' : String(value);
    });
    var bar = box.querySelector('progress');
    if (bar) {
      bar.value = p.percentRead;
    }
  }
  function poll() {
    fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (p) {
        show(p);
        if (p.finished) {
          window.location.reload();
        } else {
          window.setTimeout(poll, 1000);
        }
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 500);
}());
