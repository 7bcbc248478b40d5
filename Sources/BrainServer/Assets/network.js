// The chain's relatedness network ("product space"): nodes at the server's fixed positions (the same picture on
// every visit), coloured by tier, filled when the region is specialised, outlined when present, grey when absent.
(function () {
  document.addEventListener('DOMContentLoaded', function () {
    var data = brain.data(), chart = brain.chart('network-chart');
    if (!chart || !data) { document.body.setAttribute('data-ready', '1'); return; }
    var tiers = [['upstream', '上游', 'Upstream', '#3b82f6'], ['midstream', '中游', 'Midstream', '#f97316'],
                 ['downstream', '下游', 'Downstream', '#16a34a']];
    var tierIndex = {}; tiers.forEach(function (t, i) { tierIndex[t[0]] = i; });
    var biggest = Math.max.apply(null, data.nodes.map(function (n) { return n.nationalFirms; }).concat([1]));
    var presenceText = { specialised: ['优势（区位商 ≥ 1）', 'specialised (LQ ≥ 1)'], present: ['有企业，区位商 < 1', 'present, LQ < 1'],
                         absent: ['无企业', 'absent'] };
    var nodes = data.nodes.map(function (n) {
      var colour = tiers[tierIndex[n.node.tier] || 0][3];
      var style = n.presence === 'specialised' ? { color: colour, borderColor: '#1f2937', borderWidth: 1.5 }
        : n.presence === 'present' ? { color: '#ffffff', borderColor: colour, borderWidth: 3 }
        : { color: '#e5e7eb', borderColor: '#9ca3af', borderWidth: 1 };
      return { id: n.node.id, name: brain.t(n.node.nameZh, n.node.nameEn), x: n.x, y: n.y, raw: n,
               symbolSize: 10 + 34 * Math.sqrt(n.nationalFirms / biggest), category: tierIndex[n.node.tier] || 0,
               itemStyle: style, label: { show: true, position: 'right', distance: 3, fontSize: 11, color: n.presence === 'absent' ? '#9ca3af' : '#111827' } };
    });
    var links = data.edges.map(function (e) {
      return { source: e.source, target: e.target, value: e.proximity, tree: e.spanningTree,
               lineStyle: { width: 0.5 + 3 * e.proximity, opacity: e.spanningTree ? 0.6 : 0.3, color: '#94a3b8' } };
    });
    chart.setOption({
      tooltip: { formatter: function (p) {
        if (p.dataType === 'edge') return brain.t('邻近度 φ = ', 'proximity φ = ') + brain.fmt(p.data.value);
        var n = p.data.raw, t = presenceText[n.presence];
        return '<b>' + brain.escape(p.data.name) + '</b><br>' + brain.t(t[0], t[1]) +
          '<br>' + brain.t('本地企业 ', 'firms here ') + brain.fmt(n.regionFirms, 0) +
          '<br>' + brain.t('区位商 ', 'LQ ') + brain.fmt(n.lq) +
          '<br>' + brain.t('关联密度 ', 'density ') + brain.fmt(n.density) +
          '<br>' + brain.t('全国企业 ', 'firms nationwide ') + brain.fmt(n.nationalFirms, 0);
      } },
      legend: { data: tiers.map(function (t) { return brain.t(t[1], t[2]); }), top: 0 },
      series: [{ type: 'graph', layout: 'none', roam: true, draggable: false, top: 40, bottom: 20, left: 30, right: 90,
        categories: tiers.map(function (t) { return { name: brain.t(t[1], t[2]), itemStyle: { color: t[3] } }; }),
        emphasis: { focus: 'adjacency' }, data: nodes, links: links }]
    });
    chart.on('click', function (p) {
      if (p.dataType === 'node') location.href = '/chain/' + encodeURIComponent(p.data.id) + '?region=' + encodeURIComponent(data.region.code);
    });
    window.brainNetwork = { nodes: nodes.length, edges: links.length, chart: chart };
    brain.ready([chart]);
  });
})();
