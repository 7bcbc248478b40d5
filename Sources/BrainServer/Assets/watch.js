// Watches and the inbox link (issue 19 item 4): one request per page asks whether the caller may watch; signed in,
// the navigation shows the inbox with its unread count and the page's "关注 / Watch" button toggles the watch.
// Signed out, nothing shows. The status answers 200 to everyone, so no page logs a failed request.
(function () {
  function label(button, watching) {
    button.setAttribute('aria-pressed', watching ? 'true' : 'false');
    button.classList.toggle('watching', watching);
    button.innerHTML = watching ? '<span class="zh">已关注</span><span class="en">Watching</span>'
                                : '<span class="zh">关注</span><span class="en">Watch</span>';
  }

  function wire(button, status) {
    var kind = button.getAttribute('data-watch-kind'), target = button.getAttribute('data-watch-target');
    var current = status.watches.filter(function (w) { return w.kind === kind && w.targetId === target; })[0] || null;
    label(button, !!current);
    button.hidden = false;
    button.addEventListener('click', function () {
      button.disabled = true;
      var headers = { 'Content-Type': 'application/json' };
      if (status.csrf) headers['X-CSRF-Token'] = status.csrf;
      var request = current
        ? fetch('/api/watchlist/' + current.id, { method: 'DELETE', headers: headers, credentials: 'same-origin' })
        : fetch('/api/watchlist', { method: 'POST', headers: headers, credentials: 'same-origin',
                                    body: JSON.stringify({ kind: kind, target: target }) });
      request.then(function (response) { return response.ok ? response.json() : null; }).then(function (item) {
        if (item) current = current ? null : item;
        label(button, !!current);
        button.disabled = false;
        button.setAttribute('data-watch-state', current ? 'watching' : 'not-watching');
      });
    });
  }

  function start() {
    fetch('/api/watch/status', { credentials: 'same-origin' }).then(function (r) { return r.json(); }).then(function (status) {
      if (status.mayWatch) {
        var link = document.getElementById('nav-inbox');
        if (link) {
          link.hidden = false;
          document.getElementById('inbox-count').textContent = status.unread > 0 ? String(status.unread) : '';
        }
        Array.prototype.forEach.call(document.querySelectorAll('button.watch[data-watch-kind]'), function (b) { wire(b, status); });
      }
      document.body.setAttribute('data-watch-ready', '1');
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
  // A page served while warming gets its watch button when pending.js fills it in.
  document.addEventListener('brain:filled', start);
})();
