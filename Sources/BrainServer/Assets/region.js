// Region page charts: opportunities (density × complexity), peers, innovation index. Tables are server-rendered.
(function () {
  var report = brain.data();
  var charts = [];
  var scatter = brain.chart('opportunity-chart');
  if (scatter) {
    var o = report.opportunities;
    var points = o.opportunities.filter(function (x) { return x.pci !== null && x.pci !== undefined; });
    // The chart follows the 招商 strategy: the nodes the current list targets are coloured and named, the rest grey
    // (region-targets.js calls brain.followTargets after each redraw). Without a list, the top 8 opportunities are named.
    var drawOpportunities = function (targeted) {
      // A list on nodes the region already has (强链) marks none of these opportunities: then the default view.
      if (targeted && !points.some(function (x) { return targeted.indexOf(x.node.id) >= 0; })) targeted = null;
      var named = function (x) { return targeted ? targeted.indexOf(x.node.id) >= 0 : x.rank <= 8; };
      scatter.setOption({
        grid: { left: 50, right: 20, top: 30, bottom: 45 },
        tooltip: { formatter: function (p) { var x = points[p.dataIndex]; return brain.escape(brain.t(x.node.nameZh, x.node.nameEn)) + '<br>' + brain.escape(brain.reason(x.reason)); } },
        xAxis: { name: brain.t('相关密度', 'density'), nameLocation: 'middle', nameGap: 28, scale: true },
        yAxis: { name: brain.t('复杂度 PCI', 'complexity (PCI)'), scale: true },
        series: [{ type: 'scatter', symbolSize: function (v, p) { return 8 + Math.sqrt(points[p.dataIndex].firmsInRegion || 0) * 3; },
          labelLayout: { hideOverlap: true },
          label: { show: true, position: 'right', fontSize: 10, formatter: function (p) { var x = points[p.dataIndex]; return named(x) ? brain.t(x.node.nameZh, x.node.nameEn) : ''; } },
          data: points.map(function (x) {
            return { value: [x.density, x.pci], itemStyle: targeted ? { color: named(x) ? '#f6903d' : '#cbd5e1' } : undefined };
          }),
          markLine: { silent: true, lineStyle: { type: 'dashed', color: '#9ca3af' }, label: { show: false },
            data: [].concat(o.densityMedian !== null ? [{ xAxis: o.densityMedian }] : [], o.pciMedian !== null ? [{ yAxis: o.pciMedian }] : []) } }]
      });
    };
    if (!points.length) brain.noData(scatter, '暂无可比较的节点（该地区没有可计算复杂度的机会节点）', 'No nodes to compare (no opportunity with a complexity value)');
    else {
      var first = ((report.targets || {}).targets || []).map(function (t) { return t.node && t.node.id; }).filter(Boolean);
      drawOpportunities(first.length ? first : null);
      brain.followTargets = function (nodeIds) { drawOpportunities(nodeIds.length ? nodeIds : null); };
    }
    charts.push(scatter);
  }
  var peers = brain.chart('peer-chart');
  if (peers) {
    var table = report.peers.table || [];
    var fields = [['biomedicineFirms', '生物医药企业', 'Firms'], ['innovativeFirms', '创新型企业', 'Innovative'], ['medicalUniversities', '医药高校', 'Med. univ.'], ['strongNodes', '优势节点', 'Strong nodes']];
    if (!table.length) brain.noData(peers, '暂无可比地区', 'No peer regions');
    else peers.setOption({
      legend: { top: 0, type: 'scroll' }, grid: { left: 40, right: 10, top: 40, bottom: 30 }, tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: fields.map(function (f) { return brain.t(f[1], f[2]); }) }, yAxis: { type: 'value' },
      series: table.map(function (row) {
        return { type: 'bar', name: row.region.name, itemStyle: row.region.code === report.region.code ? { color: '#f6903d' } : undefined,
                 data: fields.map(function (f) { return row[f[0]]; }) };
      })
    });
    charts.push(peers);
  }
  var line = brain.chart('index-chart');
  if (line) {
    var rows = report.innovationIndex.rows || [];
    if (!rows.length) brain.noData(line, '暂无创新指数数据', 'No innovation index data');
    else line.setOption({
      grid: { left: 40, right: 40, top: 20, bottom: 25 }, tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: rows.map(function (r) { return r.year; }) },
      yAxis: [{ type: 'value', name: brain.t('指数', 'score'), scale: true }, { type: 'value', name: brain.t('排名', 'rank'), inverse: true, minInterval: 1 }],
      series: [{ type: 'line', name: brain.t('指数', 'score'), data: rows.map(function (r) { return r.score; }) },
               { type: 'line', yAxisIndex: 1, name: brain.t('排名', 'rank'), lineStyle: { type: 'dashed' }, data: rows.map(function (r) { return r.rank; }) }]
    });
    charts.push(line);
  }
  brain.ready(charts);
})();
