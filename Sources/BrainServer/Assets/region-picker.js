// The region picker of the network and SWOT pages: a typed or chosen name (or six-digit code) opens the same view
// for that region. Names come from the page's datalist, which carries each region's code.
(function () {
  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('region-picker'), input = document.getElementById('region-input');
    if (!form || !input) return;
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var code = window.brainRegionCode(input.value);
      var error = document.getElementById('region-error');
      if (!code) { if (error) error.hidden = false; return; }
      // /regions/{code}/network → the same view of the chosen region
      location.href = location.pathname.replace(/\/regions\/[^/]+/, '/regions/' + code);
    });
  });
  // The code of a datalist choice, of a six-digit code, or of a name without its 市/省 suffix; null when none fits.
  window.brainRegionCode = function (text) {
    var typed = String(text || '').trim();
    if (/^\d{6}$/.test(typed)) return typed;
    var options = Array.prototype.slice.call(document.querySelectorAll('#region-choices option'));
    var exact = options.filter(function (o) { return o.value === typed; });
    if (exact.length === 1) return exact[0].getAttribute('data-code');
    var prefix = options.filter(function (o) { return typed && o.value.indexOf(typed) === 0; });
    return prefix.length === 1 ? prefix[0].getAttribute('data-code') : null;
  };
})();
