// The 招商 pipeline's traces on the other pages, for a signed-in organisation only. Pages are cached and shared by
// every caller, so nothing of an organisation's leads is rendered into them: this script asks /leads/nav.json (which
// answers signedIn: false to anyone else) and then shows the nav link's overdue count, the region page's 招商进展
// card, and the "转为线索 / Track as lead" links for callers who may manage leads. It marks the body
// data-leads-ready when done, so browser tests wait on it.
(function () {
  function ready() { document.body.setAttribute('data-leads-ready', '1'); }
  var progress = document.getElementById('lead-progress');
  var region = progress ? progress.getAttribute('data-region') : null;
  fetch('/leads/nav.json' + (region ? '?region=' + encodeURIComponent(region) : ''), { credentials: 'same-origin' })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (nav) {
      if (nav && nav.signedIn) show(nav);
      ready();
    }, ready);

  function show(nav) {
    var badge = document.getElementById('leads-overdue');
    if (badge && nav.overdue > 0) {
      badge.textContent = String(nav.overdue);
      badge.title = brain.t('逾期线索 ' + nav.overdue + ' 条', nav.overdue + ' overdue leads');
      badge.hidden = false;
    }
    if (progress) showProgress(nav);
    if (!nav.mayManage) return;
    document.querySelectorAll('[data-lead-link]').forEach(function (a) { a.hidden = false; });
    var rows = document.getElementById('targets-rows');
    if (rows && region) {
      decorate(rows);
      new MutationObserver(function () { decorate(rows); }).observe(rows, { childList: true });
    }
  }

  // Counts by stage of the organisation's leads in this region, each linking to the filtered list.
  function showProgress(nav) {
    var list = progress.querySelector('.lead-progress-counts');
    nav.columns.forEach(function (c) {
      var li = document.createElement('li'), a = document.createElement('a');
      a.href = '/leads?view=list&region=' + encodeURIComponent(region) + '&stage=' + encodeURIComponent(c.stage);
      a.textContent = brain.t(c.nameZh, c.nameEn) + ' ' + c.count;
      a.setAttribute('data-stage', c.stage);
      li.appendChild(a);
      list.appendChild(li);
    });
    progress.setAttribute('data-total', String(nav.total));
    progress.hidden = false;
  }

  // The first reason code of each target the page was rendered with, by firm id.
  function reasonCodes() {
    var codes = {}, data = brain.data() || {};
    ((data.targets || {}).targets || []).forEach(function (t) {
      if (t.firm && t.reasons && t.reasons.length) codes[t.firm.id] = t.reasons[0].code;
    });
    return codes;
  }

  function decorate(rows) {
    var codes = reasonCodes();
    rows.querySelectorAll('tr').forEach(function (tr) {
      var firm = tr.querySelector('a[href^="/enterprises/"]');
      if (!firm || tr.querySelector('.track-lead')) return;
      var id = decodeURIComponent(firm.getAttribute('href').slice('/enterprises/'.length));
      var p = new URLSearchParams({ enterprise: id, region: region, source: 'region-targets' });
      var node = tr.getAttribute('data-node');
      if (node) p.set('node', node);
      if (codes[id]) p.set('reason', codes[id]);
      var a = document.createElement('a');
      a.className = 'tag track-lead';
      a.href = '/leads/new?' + p.toString();
      a.textContent = brain.t('转为线索', 'Track as lead');
      firm.parentNode.appendChild(document.createTextNode(' '));
      firm.parentNode.appendChild(a);
    });
  }
})();
