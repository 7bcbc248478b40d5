// Overview: a drill-down map (country → province → city → district) with a ranked table, and firms per chain node.
(function () {
  var data = brain.data();
  var geoCache = {};
  var map = brain.chart('map');
  var measure = document.getElementById('measure'), nodeSelect = document.getElementById('node');
  var current = data.map;
  // The layers the page counts (?layers=listed,nmpa-2019, or the form's repeated layers=): the map and links keep them.
  var layers = new URLSearchParams(location.search).getAll('layers').join(',');
  var layerQuery = layers ? '?layers=' + encodeURIComponent(layers) : '';
  var labels = { firms: ['企业数', 'Firms'], employees: ['从业人员', 'Employees'], lq: ['区位商', 'LQ'] };

  function geo(level) {
    if (!geoCache[level]) geoCache[level] = fetch('/geo/' + level + '.json').then(function (r) { return r.json(); });
    return geoCache[level];
  }

  function render(result) {
    current = result;
    document.getElementById('crumbs').innerHTML = result.path.map(function (r, i) {
      var name = r.code === '000000' ? brain.t('全国', 'China') : brain.escape(r.name);
      return i === result.path.length - 1 ? '<b>' + name + '</b> · <a href="/regions/' + r.code + layerQuery + '">' + brain.t('区域画像', 'Region page') + ' →</a>'
        : '<a href="#" data-code="' + r.code + '">' + name + '</a>';
    }).join(' › ');
    document.getElementById('ranking-of').textContent = result.region.code === '000000' ? brain.t('全国', 'China') : result.region.name;
    var label = labels[result.measure];
    document.getElementById('value-head').textContent = brain.t(label[0], label[1]) + (result.node ? ' · ' + brain.t(result.node.nameZh, result.node.nameEn) : '');
    var drillable = result.childLevel !== 'district';
    document.querySelector('#ranking tbody').innerHTML = result.rows.map(function (row) {
      return '<tr data-code="' + row.code + '"><td>' + row.rank + '</td><td><a href="/regions/' + row.code + layerQuery + '">' + brain.escape(row.name) +
        '</a></td><td class="num">' + brain.fmt(row.value, result.measure === 'lq' ? 2 : 0) + '</td><td class="num">' + row.listedFirms +
        '</td><td>' + (drillable ? '<button class="action drill" type="button" data-code="' + row.code + '">▸</button>' : '') + '</td></tr>';
    }).join('');
    if (!map) return;
    geo(result.childLevel).then(function (collection) {
      var features = collection.features.filter(function (f) { return f.properties.parent === result.geoParent; });
      var name = 'geo-' + result.geoParent;
      echarts.registerMap(name, { type: 'FeatureCollection', features: features });
      var values = result.rows.map(function (r) { return r.value; }).filter(function (v) { return v !== null; });
      var max = Math.max.apply(null, values.concat([result.measure === 'lq' ? 2 : 1]));
      document.body.removeAttribute('data-map-ready');
      map.off('finished');
      map.on('finished', function () {
        document.body.setAttribute('data-map-ready', '1');
        document.body.setAttribute('data-map-code', result.region.code);
      });
      // Development zones (苏州工业园区) have no boundary in the geometry: drawn as points sized by their value.
      var zones = result.rows.filter(function (r) { return r.isZone && r.coordinates; });
      var zoneMax = Math.max.apply(null, zones.map(function (r) { return r.value || 0; }).concat([1]));
      map.setOption({
        tooltip: { trigger: 'item', formatter: function (p) {
          var row = result.rows.filter(function (r) { return r.code === p.name; })[0];
          return row ? brain.escape(row.name) + (row.isZone ? brain.t('（开发区）', ' (development zone)') : '') + '<br>' +
            brain.t(label[0], label[1]) + ' ' + brain.fmt(row.value) +
            '<br>' + brain.t('生物医药企业', 'Biomedicine firms') + ' ' + row.biomedicineFirms : p.name;
        } },
        visualMap: { min: 0, max: max, left: 10, bottom: 10, text: [brain.t('高', 'high'), brain.t('低', 'low')], calculable: true,
                     seriesIndex: 0, inRange: { color: ['#e0f3f8', '#74add1', '#313695'] } },
        geo: { map: name, nameProperty: 'adcode', roam: true, label: { show: false },
               emphasis: { label: { show: true, formatter: function (p) {
                 var f = features.filter(function (x) { return x.properties.adcode === p.name; })[0];
                 return f ? f.properties.name : p.name; } } } },
        series: [{ type: 'map', geoIndex: 0, name: brain.t(label[0], label[1]),
                   data: result.rows.map(function (r) { return { name: r.code, value: r.value === null ? NaN : r.value }; }) },
                 { type: 'scatter', coordinateSystem: 'geo', name: brain.t('开发区', 'Development zones'),
                   symbolSize: function (v) { return 8 + 18 * Math.sqrt((v[2] || 0) / zoneMax); },
                   itemStyle: { color: '#f6903d', borderColor: '#fff', borderWidth: 1 },
                   label: { show: true, position: 'right', fontSize: 10, formatter: function (p) { return p.data.label; } },
                   data: zones.map(function (r) { return { name: r.code, label: r.name, value: r.coordinates.concat([r.value === null ? 0 : r.value]) }; }) }]
      }, true);
      if (!features.length) document.body.setAttribute('data-map-ready', '1');
    });
  }

  function load(code) {
    var url = '/api/map/' + code + '?measure=' + measure.value + (measure.value === 'lq' ? '&node=' + nodeSelect.value : '')
      + (layers ? '&layers=' + encodeURIComponent(layers) : '');
    return fetch(url).then(function (r) { return r.json(); }).then(function (result) {
      if (result.error) { alert(result.error.message || result.error); return; }
      render(result);
    });
  }
  window.brainOverview = { load: load, current: function () { return current; } };

  if (map) map.on('click', function (p) {
    if (current.childLevel === 'district') { location.href = '/regions/' + p.name + layerQuery; return; }
    load(p.name);
  });
  document.addEventListener('click', function (event) {
    var target = event.target.closest('[data-code]');
    if (!target || !(target.matches('#crumbs a') || target.matches('button.drill'))) return;
    event.preventDefault();
    load(target.getAttribute('data-code'));
  });
  measure.addEventListener('change', function () { nodeSelect.disabled = measure.value !== 'lq'; load(current.region.code); });
  nodeSelect.addEventListener('change', function () { load(current.region.code); });
  render(current);

  var bars = brain.chart('nodes-chart');
  if (bars) {
    var tierColor = { upstream: '#5b8ff9', midstream: '#f6903d', downstream: '#5ad8a6' };
    var tierName = { upstream: ['上游', 'Up'], midstream: ['中游', 'Mid'], downstream: ['下游', 'Down'] };
    var nodes = data.nodeCounts.slice().reverse();
    bars.setOption({
      grid: { left: 200, right: 40, top: 10, bottom: 30 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', name: brain.t('企业数', 'Firms') },
      yAxis: { type: 'category', data: nodes.map(function (n) {
        return (n.parentId ? '　· ' : '') + brain.t(tierName[n.tier][0], tierName[n.tier][1]) + ' ' + brain.t(n.nameZh, n.nameEn); }),
        axisLabel: { fontSize: 11, interval: 0 } },
      series: [{ type: 'bar', name: brain.t('企业数', 'Firms'), label: { show: true, position: 'right' },
                 data: nodes.map(function (n) { return { value: n.firms, itemStyle: { color: tierColor[n.tier], opacity: n.parentId ? 0.65 : 1 } }; }) }]
    });
    bars.on('click', function (p) { location.href = '/chain/' + nodes[p.dataIndex].id; });
  }
})();
