// The SWOT against peers: adding or removing a peer asks the API again and redraws the four quadrants; the address
// keeps the peers (?peers=…) so the comparison can be shared.
(function () {
  document.addEventListener('DOMContentLoaded', function () {
    var data = brain.data();
    if (!data) { document.body.setAttribute('data-ready', '1'); return; }
    var code = data.region.code, version = 0;
    var peers = data.peers.map(function (p) { return { code: p.code, name: p.name }; });
    var error = document.getElementById('peer-error');
    function showError(text) { error.textContent = text; error.hidden = !text; }
    function drawPeers(isDefault) {
      document.getElementById('peer-list').innerHTML = peers.map(function (p) {
        return '<span class="tag peer" data-code="' + brain.escape(p.code) + '">' + brain.escape(p.name) +
          ' <button type="button" class="remove" data-code="' + brain.escape(p.code) + '" aria-label="' + brain.t('移除', 'Remove') + '">×</button></span>';
      }).join('');
      document.getElementById('peers-default').hidden = !isDefault;
    }
    function drawSections(report) {
      report.sections.forEach(function (s) {
        var box = document.getElementById('swot-' + s.quadrant);
        if (!box) return;
        var items = s.items.map(function (item) {
          return '<li data-node="' + brain.escape(item.node.id) + '"><a href="/chain/' + encodeURIComponent(item.node.id) + '?region=' + code + '">' +
            brain.escape(brain.t(item.node.nameZh, item.node.nameEn)) + '</a>：<span class="reason">' + brain.escape(brain.reason(item.reason)) + '</span></li>';
        }).join('');
        if (s.empty) items += '<li class="empty note">' + brain.escape(brain.reason(s.empty)) + '</li>';
        box.querySelector('h2').textContent = brain.reason(s.title);
        box.querySelector('ul').innerHTML = items;
      });
    }
    function load(list) {
      var query = list ? '&peers=' + encodeURIComponent(list.join(',')) : '';
      document.getElementById('swot').setAttribute('aria-busy', 'true');
      return fetch('/api/regions/' + code + '/swot?lang=' + (brain.en() ? 'en' : 'zh') + query).then(function (r) { return r.json(); }).then(function (report) {
        document.getElementById('swot').removeAttribute('aria-busy');
        if (report.error) { showError(report.error.message); return; }
        showError('');
        peers = report.peers.map(function (p) { return { code: p.code, name: p.name }; });
        drawPeers(report.defaultPeers);
        drawSections(report);
        var url = new URL(location.href);
        if (report.defaultPeers) url.searchParams.delete('peers'); else url.searchParams.set('peers', peers.map(function (p) { return p.code; }).join(','));
        history.replaceState(null, '', url.toString());
        version += 1;
        document.body.setAttribute('data-swot-version', String(version));
      });
    }
    document.getElementById('peer-form').addEventListener('submit', function (event) {
      event.preventDefault();
      var input = document.getElementById('peer-input'), typed = input.value.trim();
      if (!typed) return;
      // A name the list knows goes as its code; anything else goes as typed and the server says what it matches.
      var chosen = window.brainRegionCode(typed) || typed;
      input.value = '';
      load(peers.map(function (p) { return p.code; }).concat([chosen]));
    });
    document.getElementById('peer-list').addEventListener('click', function (event) {
      var button = event.target.closest('button.remove');
      if (!button) return;
      var left = peers.map(function (p) { return p.code; }).filter(function (c) { return c !== button.getAttribute('data-code'); });
      if (!left.length) { showError(brain.t('请至少保留一个对标地区', 'Keep at least one peer region')); return; }
      load(left);
    });
    document.getElementById('peer-reset').addEventListener('click', function () { load(null); });
    document.body.setAttribute('data-swot-version', '0');
    document.body.setAttribute('data-ready', '1');
  });
})();
