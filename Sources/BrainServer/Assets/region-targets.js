// The region page's 招商 list: the strategy presets, custom weights, same-province and risk-warning choices and paging re-request
// /api/regions/{code}/targets and redraw the table in place; the choice is kept in the address so a reload (or the
// language switch, which reloads) shows the same list, and the XLSX link exports it.
(function () {
  var section = document.getElementById('targets');
  var form = document.getElementById('targets-form');
  if (!section || !form) return;
  var code = section.getAttribute('data-code');
  var presets = (brain.data().targets || {}).presets || [];
  var keys = ['density', 'gap', 'strong', 'extend', 'pci', 'strength', 'links'];
  var page = 1, pages = 1;

  function input(name) { return form.querySelector('[name="' + name + '"]'); }
  function chosenStrategy() { var c = form.querySelector('input[name="strategy"]:checked'); return c ? c.value : 'balanced'; }
  function choose(id) { var r = form.querySelector('input[name="strategy"][value="' + id + '"]'); if (r) r.checked = true; }
  function showWeights(preset) { keys.forEach(function (k) { input(k).value = preset.weights[k]; }); }

  // The request's parameters: a preset by id, or the weights of the custom mix.
  function params() {
    var p = new URLSearchParams();
    var strategy = chosenStrategy();
    p.set('strategy', strategy);
    if (strategy === 'custom') keys.forEach(function (k) { p.set(k, input(k).value || '0'); });
    p.set('sameProvince', input('sameProvince').value);
    if (input('riskWarned').value !== 'exclude') p.set('riskWarned', input('riskWarned').value);
    p.set('size', '20');
    p.set('page', String(page));
    return p;
  }

  function cell(text) { var td = document.createElement('td'); td.textContent = text; return td; }
  var roleNames = { fill: ['补链', 'fill'], strengthen: ['强链', 'strengthen'], extend: ['延链', 'extend'] };

  function draw(report) {
    var body = document.getElementById('targets-rows');
    body.innerHTML = '';
    report.targets.forEach(function (t) {
      var tr = document.createElement('tr');
      tr.setAttribute('data-node', t.node ? t.node.id : '');
      tr.appendChild(cell(String(t.rank)));
      var firm = document.createElement('td'), a = document.createElement('a');
      a.href = '/enterprises/' + encodeURIComponent(t.firm.id); a.textContent = t.firm.name; firm.appendChild(a);
      if (t.sameProvince) { var tag = document.createElement('span'); tag.className = 'tag'; tag.textContent = brain.t('同省', 'same province'); firm.appendChild(document.createTextNode(' ')); firm.appendChild(tag); }
      if (t.riskWarning) { var st = document.createElement('span'); st.className = 'tag risk'; st.textContent = brain.t('风险警示', 'risk warning'); firm.appendChild(document.createTextNode(' ')); firm.appendChild(st); }
      tr.appendChild(firm);
      var place = cell([t.firm.provinceName, t.firm.cityName].filter(Boolean).join(' '));
      place.setAttribute('data-data', '');  // a place name: data, shown as it is in either language
      tr.appendChild(place);
      var node = document.createElement('td');
      if (t.role && roleNames[t.role]) {
        var role = document.createElement('span'); role.className = 'tag role-' + t.role; role.textContent = brain.t(roleNames[t.role][0], roleNames[t.role][1]);
        node.appendChild(role); node.appendChild(document.createTextNode(' '));
      }
      if (t.node) { var n = document.createElement('a'); n.href = '/chain/' + encodeURIComponent(t.node.id); n.textContent = brain.t(t.node.nameZh, t.node.nameEn); node.appendChild(n); }
      tr.appendChild(node);
      var score = cell(brain.fmt(t.score, 3)); score.className = 'num'; tr.appendChild(score);
      var reasons = document.createElement('td'); reasons.className = 'reason';
      t.reasons.forEach(function (r) { reasons.appendChild(document.createTextNode(r.text)); reasons.appendChild(document.createElement('br')); });
      tr.appendChild(reasons);
      body.appendChild(tr);
    });
    page = report.page; pages = report.pages;
    document.getElementById('targets-total').textContent = String(report.candidates);
    document.getElementById('targets-page').textContent = brain.t('第 ' + page + ' / ' + pages + ' 页', 'page ' + page + ' of ' + pages);
    document.getElementById('targets-prev').disabled = page <= 1;
    document.getElementById('targets-next').disabled = page >= pages;
    section.setAttribute('data-strategy', report.strategy.id);
    // The opportunity chart marks the nodes this list targets (region.js).
    if (brain.followTargets) brain.followTargets(report.targets.map(function (t) { return t.node ? t.node.id : null; }).filter(Boolean));
    if (!report.targets.length) {
      var empty = document.createElement('tr'), td = document.createElement('td');
      td.colSpan = 6; td.textContent = brain.t('该策略下暂无候选企业：没有上市企业位于本策略针对的节点上（延链只看本地空白或薄弱、与本地优势节点有产品关联或同在一条细分链上的节点）。',
        'No candidates under this strategy: no listed firm sits on the nodes it targets (extend looks only at nodes absent or weak here that are linked by products, or by the chain’s branches, to a strong node).');
      empty.appendChild(td); body.appendChild(empty);
    }
  }

  var pending = 0;
  function load() {
    var p = params(), ticket = ++pending;
    history.replaceState(null, '', location.pathname + '?' + p.toString() + location.hash);
    document.getElementById('targets-json').href = '/api/regions/' + code + '/targets?' + p.toString();
    var xlsx = new URLSearchParams(p); xlsx.set('size', '100'); xlsx.set('page', '1');
    document.getElementById('targets-xlsx').href = '/regions/' + code + '/export.xlsx?' + xlsx.toString();
    section.setAttribute('aria-busy', 'true');
    p.set('lang', brain.en() ? 'en' : 'zh');
    fetch('/api/regions/' + code + '/targets?' + p.toString()).then(function (r) {
      return r.json().then(function (body) { if (!r.ok) throw new Error((body.error && body.error.message) || r.status); return body; });
    }).then(function (report) {
      if (ticket !== pending) return;  // a later choice is on its way
      draw(report);
      section.removeAttribute('aria-busy');
    }).catch(function (error) {
      section.removeAttribute('aria-busy');
      document.getElementById('targets-page').textContent = brain.t('加载失败：', 'Could not load: ') + error.message;
    });
  }

  form.addEventListener('submit', function (event) { event.preventDefault(); page = 1; load(); });
  form.addEventListener('change', function (event) {
    var name = event.target.name;
    if (name === 'strategy') {
      var preset = presets.filter(function (x) { return x.id === event.target.value; })[0];
      if (preset) showWeights(preset);
    } else if (keys.indexOf(name) >= 0) {
      choose('custom');
    }
    page = 1;
    load();
  });
  document.getElementById('targets-prev').addEventListener('click', function () { if (page > 1) { page -= 1; load(); } });
  document.getElementById('targets-next').addEventListener('click', function () { if (page < pages) { page += 1; load(); } });

  // A reload keeps the list the address names (set by an earlier choice).
  var start = new URLSearchParams(location.search);
  if (start.has('strategy') || start.has('sameProvince') || start.has('riskWarned') || start.has('page')) {
    choose(start.get('strategy') || 'balanced');
    var preset = presets.filter(function (x) { return x.id === chosenStrategy(); })[0];
    if (preset) showWeights(preset);
    keys.forEach(function (k) { if (start.has(k)) input(k).value = start.get(k); });
    if (start.get('sameProvince')) input('sameProvince').value = start.get('sameProvince');
    if (start.get('riskWarned')) input('riskWarned').value = start.get('riskWarned');
    page = Math.max(1, parseInt(start.get('page') || '1', 10) || 1);
    load();
  } else {
    pages = (brain.data().targets || {}).pages || 1;
    document.getElementById('targets-next').disabled = pages <= 1;
  }
})();
