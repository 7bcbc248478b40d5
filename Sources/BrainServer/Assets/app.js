// Shared by every page: the language switch, type-ahead search, number formatting, page data and chart helpers.
(function () {
  // `?lang=en` (the PDF export prints the page in the language it was asked in) overrides the reader's choice.
  var asked = new URLSearchParams(location.search).get('lang');
  var lang = asked ? (asked.indexOf('en') === 0 ? 'en' : 'zh-CN') : (localStorage.getItem('brain-lang') || 'zh-CN');
  document.documentElement.lang = lang;
  window.brain = {
    en: function () { return document.documentElement.lang === 'en'; },
    // a label in the current language
    t: function (zh, en) { return window.brain.en() ? en : zh; },
    // A reason or label from the page data (the server writes its Chinese `text` and English `textEn`).
    reason: function (r) {
      if (!r) return '';
      return window.brain.en() ? (r.textEn || r.text || r.code) : (r.text || r.code);
    },
    fmt: function (value, digits) {
      if (value === null || value === undefined || isNaN(value)) return '–';
      return Number(value).toLocaleString('zh-CN', { maximumFractionDigits: digits === undefined ? 2 : digits });
    },
    data: function () {
      var el = document.getElementById('page-data');
      return el ? JSON.parse(el.textContent) : null;
    },
    // ECharts is fetched at setup; without it the page still shows its tables.
    chart: function (id) {
      var el = document.getElementById(id);
      if (!el) return null;
      if (typeof echarts === 'undefined') { el.textContent = window.brain.t('图表库 ECharts 未安装，图表无法显示（管理员可运行 scripts/fetch-web-assets）', 'The chart library ECharts is missing (an administrator can run scripts/fetch-web-assets)'); return null; }
      var chart = echarts.init(el);
      // Short entry animations: a chart is readable within a second of the page opening.
      var setOption = chart.setOption.bind(chart);
      chart.setOption = function (option) {
        if (option && option.animationDuration === undefined) option.animationDuration = 250;
        return setOption.apply(null, arguments);
      };
      chart.on('finished', function () { chart.brainDrawn = true; });
      window.addEventListener('resize', function () { chart.resize(); });
      return chart;
    },
    // A chart with nothing to draw says so in words instead of drawing empty axes (an empty series with mark lines
    // also makes ECharts throw). The element gets data-empty="1" for the tests.
    noData: function (chart, zh, en) {
      chart.getDom().setAttribute('data-empty', '1');
      chart.setOption({ title: { text: brain.t(zh, en), left: 'center', top: 'middle',
                                 textStyle: { color: '#6b7280', fontSize: 14, fontWeight: 'normal' } } }, true);
    },
    // Marks the page ready (for tests and the PDF export) once every chart has drawn at least once.
    ready: function (charts) {
      var list = charts.filter(Boolean), started = Date.now();
      (function check() {
        if (list.every(function (c) { return c.brainDrawn; }) || Date.now() - started > 15000) {
          // Milliseconds from navigation to every chart drawn, read by the browser tests.
          document.body.setAttribute('data-ready-ms', String(Math.round(performance.now())));
          document.body.setAttribute('data-ready', '1');
        }
        else setTimeout(check, 50);
      })();
    },
    // The sign-in session's CSRF token (a <meta> on pages shown to a signed-in organisation): script posts send it
    // as X-CSRF-Token, forms carry it as a hidden field.
    csrf: function () {
      var meta = document.querySelector('meta[name="csrf-token"]');
      return meta ? meta.getAttribute('content') : '';
    },
    escape: function (text) {
      return String(text).replace(/[&<>"']/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]; });
    }
  };
  // The Content-Security-Policy allows no inline handlers: forms ask with data-confirm, buttons print with data-print.
  document.addEventListener('submit', function (event) {
    var question = event.target.getAttribute && event.target.getAttribute('data-confirm');
    if (question && !confirm(question)) event.preventDefault();
  });
  document.addEventListener('click', function (event) {
    if (event.target.closest && event.target.closest('[data-print]')) window.print();
  });
  // Text that cannot hold a <span class="zh">/<span class="en"> pair — hover titles, <option>s, placeholders — is
  // written in Chinese with the English beside it (data-title-en, data-en, data-placeholder-en) and swapped here.
  // data-title-zh, when given, is the Chinese title (for markup that leaves `title` empty).
  window.brain.localise = function (root) {
    if (!window.brain.en()) {
      (root || document).querySelectorAll('[data-title-zh]').forEach(function (el) { el.setAttribute('title', el.getAttribute('data-title-zh')); });
      return;
    }
    (root || document).querySelectorAll('[data-title-en]').forEach(function (el) { el.setAttribute('title', el.getAttribute('data-title-en')); });
    (root || document).querySelectorAll('[data-en]').forEach(function (el) { el.textContent = el.getAttribute('data-en'); });
    (root || document).querySelectorAll('[data-placeholder-en]').forEach(function (el) { el.setAttribute('placeholder', el.getAttribute('data-placeholder-en')); });
  };
  // Exports follow the page's language: links marked data-lang-href ask for English when the page shows English.
  window.brain.langLinks = function (root) {
    if (window.brain.en()) (root || document).querySelectorAll('a[data-lang-href]').forEach(function (a) {
      a.href += (a.href.indexOf('?') < 0 ? '?' : '&') + 'lang=en';
    });
  };
  document.addEventListener('DOMContentLoaded', function () {
    window.brain.localise();
    window.brain.langLinks();
    var toggle = document.getElementById('lang-toggle');
    if (toggle) toggle.addEventListener('click', function () {
      localStorage.setItem('brain-lang', window.brain.en() ? 'zh-CN' : 'en');
      // A `lang` in the address would override the choice just made: drop it.
      if (asked) { var url = new URL(location.href); url.searchParams.delete('lang'); location.href = url.toString(); }
      else location.reload();
    });
    var input = document.getElementById('q'), box = document.getElementById('suggest');
    if (!input || !box) return;
    var timer = null, last = '';
    var kinds = { enterprise: ['企业', 'Firm'], region: ['地区', 'Region'], node: ['产业链', 'Chain'], product: ['产品', 'Product'] };
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var q = input.value.trim();
        if (q === last) return;
        last = q;
        if (!q) { box.hidden = true; box.innerHTML = ''; return; }
        fetch('/api/search?limit=6&q=' + encodeURIComponent(q)).then(function (r) { return r.json(); }).then(function (result) {
          if (input.value.trim() !== q) return;
          var items = result.hits || [];
          box.innerHTML = items.map(function (hit) {
            var k = kinds[hit.kind] || [hit.kind, hit.kind];
            return '<a href="' + brain.escape(hit.url) + '"><span class="kind">' + brain.t(k[0], k[1]) + '</span>' +
              brain.escape(hit.label) + (hit.detail ? ' <span class="note">' + brain.escape(hit.detail) + '</span>' : '') + '</a>';
          }).join('') || '<a href="/search?q=' + encodeURIComponent(q) + '">' + brain.t('无结果', 'No results') + '</a>';
          box.hidden = false;
        }).catch(function () { box.hidden = true; });
      }, 150);
    });
    input.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') box.hidden = true;
    });
  });
})();
