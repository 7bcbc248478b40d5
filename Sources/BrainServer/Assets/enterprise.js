// Enterprise portrait: the five-dimension quality radar (0–100 per dimension).
(function () {
  var portrait = brain.data();
  var dims = (portrait.quality && portrait.quality.dimensions) || [];
  var radar = dims.length ? brain.chart('radar') : null;
  var words = { space: ['区位', 'Location'], industry: ['产业', 'Industry'], capital: ['资本', 'Capital'], innovation: ['创新', 'Innovation'], talent: ['人才', 'Talent'] };
  if (radar) {
    radar.setOption({
      tooltip: {},
      // The axes in the page's language (the JSON keeps the dimensions' codes).
      radar: { indicator: dims.map(function (d) { var w = words[d.dimension] || [d.dimension, d.dimension]; return { name: brain.t(w[0], w[1]), max: 100 }; }), radius: '65%' },
      series: [{ type: 'radar', name: portrait.detail.enterprise.name, areaStyle: { opacity: 0.25 },
                 data: [{ name: portrait.detail.enterprise.name, value: dims.map(function (d) { return d.score === null ? 0 : Math.round(d.score * 10) / 10; }) }] }]
    });
  } else {
    document.getElementById('radar').textContent = brain.t('无评分', 'No score');
  }
  brain.ready([radar]);
})();
