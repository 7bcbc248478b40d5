// The product graph: a product with its inputs and outputs (fan-out capped by the server); clicking a product
// fetches its own neighbourhood and merges it in, so users expand the graph where they look.
function brainGraph(id, product, initial) {
  var chart = brain.chart(id);
  if (!chart || !product) { if (!product) document.getElementById(id).textContent = '–'; return Promise.resolve(null); }
  var nodes = {}, edges = {}, expanded = {};
  function merge(n) {
    n.products.forEach(function (p) { nodes[p.name] = nodes[p.name] || p; });
    n.edges.forEach(function (e) { edges[e.upstream + '→' + e.downstream] = e; });
    expanded[n.center] = true;
  }
  function draw() {
    var list = Object.keys(nodes).map(function (name) {
      var p = nodes[name], more = p.moreUpstream + p.moreDownstream;
      return { name: name, value: p.makers, symbolSize: 14 + Math.min(30, Math.sqrt(p.makers) * 4),
               category: name === product ? 0 : (expanded[name] ? 1 : 2),
               label: { show: true, formatter: name + (more && !expanded[name] ? ' +' : '') } };
    });
    chart.setOption({
      tooltip: { formatter: function (p) {
        if (p.dataType === 'edge') return brain.escape(p.data.source) + ' → ' + brain.escape(p.data.target)
          + (p.data.accepted === false ? '<br>' + brain.t('未采信：非医药产品、通用词或逆产业链方向，不连接企业', 'not accepted: not biomedicine, generic or against the chain; links no firms') : '');
        return brain.escape(p.name) + '<br>' + brain.t('生产企业 ', 'makers ') + p.value;
      } },
      legend: { data: [brain.t('中心', 'centre'), brain.t('已展开', 'expanded'), brain.t('可展开', 'expandable')] },
      series: [{ type: 'graph', layout: 'force', roam: true, draggable: true, force: { repulsion: 220, edgeLength: 90 },
        categories: [{ name: brain.t('中心', 'centre') }, { name: brain.t('已展开', 'expanded') }, { name: brain.t('可展开', 'expandable') }],
        edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 7, lineStyle: { opacity: 0.6 },
        data: list,
        // Edges the vetted product links drop are drawn dashed and faint: the graph as extracted, not what links firms.
        links: Object.keys(edges).map(function (k) {
          var e = edges[k], link = { source: e.upstream, target: e.downstream, accepted: e.accepted };
          if (e.accepted === false) link.lineStyle = { type: 'dashed', opacity: 0.3 };
          return link;
        }) }]
    });
  }
  function load(name) {
    return fetch('/api/products/graph?product=' + encodeURIComponent(name)).then(function (r) { return r.json(); }).then(function (n) {
      if (n.error) return;
      merge(n);
      draw();
    });
  }
  chart.on('click', function (p) { if (p.dataType === 'node' && !expanded[p.name]) load(p.name); });
  window.brainGraphState = { nodes: nodes, edges: edges, expand: load };
  if (initial && initial.center === product) { merge(initial); draw(); return Promise.resolve(chart); }
  return load(product).then(function () { return chart; });
}
