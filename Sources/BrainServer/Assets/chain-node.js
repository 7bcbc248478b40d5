// Chain node: its firms by province on a map, and the product graph around its most common product.
(function () {
  var report = brain.data();
  var map = brain.chart('node-map');
  var charts = [map];
  var graphEl = document.getElementById('graph');
  var graph = brainGraph('graph', graphEl.getAttribute('data-product'), null);
  if (map) {
    fetch('/geo/province.json').then(function (r) { return r.json(); }).then(function (geo) {
      echarts.registerMap('china', geo);
      var max = Math.max.apply(null, report.byProvince.map(function (p) { return p.firms; }).concat([1]));
      map.setOption({
        tooltip: { formatter: function (p) { var row = report.byProvince.filter(function (x) { return x.code === p.name; })[0];
          return row ? brain.escape(row.name) + ' ' + row.firms : p.name; } },
        visualMap: { min: 0, max: max, left: 10, bottom: 10, calculable: true, inRange: { color: ['#fff7ec', '#fc8d59', '#7f0000'] } },
        series: [{ type: 'map', map: 'china', nameProperty: 'adcode', roam: true,
                   data: report.byProvince.map(function (p) { return { name: p.code, value: p.firms }; }) }]
      });
    });
  }
  graph.then(function (g) { brain.ready(charts.concat([g])); });
})();
