// Enterprise portrait: the five-dimension quality radar (0–100 per dimension).
(function () {
  var portrait = brain.data();
  var dims = (portrait.quality && portrait.quality.dimensions) || [];
  var radar = dims.length ? brain.chart('radar') : null;
  if (radar) {
    radar.setOption({
      tooltip: {},
      radar: { indicator: dims.map(function (d) { return { name: d.label ? brain.reason(d.label) : d.dimension, max: 100 }; }), radius: '65%' },
      series: [{ type: 'radar', name: portrait.detail.enterprise.name, areaStyle: { opacity: 0.25 },
                 data: [{ name: portrait.detail.enterprise.name, value: dims.map(function (d) { return d.score === null ? 0 : Math.round(d.score * 10) / 10; }) }] }]
    });
  } else {
    document.getElementById('radar').textContent = brain.t('无评分', 'No score');
  }
  brain.ready([radar]);
})();
