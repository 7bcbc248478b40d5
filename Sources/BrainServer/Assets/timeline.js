// The region page's "by year" chart (issue 19 item 4): /api/regions/{code}/timeline drawn as bars (listed firms
// founded, listed) and a line (firms imports added), axes in the page's language.
(function () {
  function draw(data) {
    var el = document.getElementById('timeline-chart');
    if (!el || typeof echarts === 'undefined') return;
    var en = document.documentElement.lang === 'en';
    var names = en ? ['Listed firms founded', 'Listed', 'Added by imports'] : ['上市企业成立', '上市', '导入新增'];
    var years = data.years.map(function (y) { return String(y.year); });
    // brain.chart follows the window's size (a phone, a rotated tablet), as every other chart of the page does.
    var chart = echarts.getInstanceByDom(el) || window.brain.chart('timeline-chart');
    if (!chart) return;
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { data: names },
      grid: { left: 50, right: 20, top: 40, bottom: 40 },
      xAxis: { type: 'category', data: years, name: en ? 'Year' : '年份' },
      yAxis: { type: 'value', name: en ? 'Firms' : '企业数', minInterval: 1 },
      series: [
        { name: names[0], type: 'bar', data: data.years.map(function (y) { return y.founded; }) },
        { name: names[1], type: 'bar', data: data.years.map(function (y) { return y.listed; }) },
        { name: names[2], type: 'line', data: data.years.map(function (y) { return y.imported; }) }
      ]
    }, true);
    document.body.setAttribute('data-timeline-ready', String(data.years.length));
  }

  function start() {
    var section = document.getElementById('timeline');
    if (!section) return;
    var data = null;
    fetch('/api/regions/' + encodeURIComponent(section.getAttribute('data-code')) + '/timeline', { credentials: 'same-origin' })
      .then(function (r) { return r.json(); }).then(function (d) { data = d; draw(d); });
    // The language switch redraws the axes in the other language.
    var toggle = document.getElementById('lang-toggle');
    if (toggle) toggle.addEventListener('click', function () { if (data) setTimeout(function () { draw(data); }, 0); });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
