// Serve while warming (issue 14): a page answered before its analyses were ready holds one placeholder
// (<main data-pending="its address">). This asks for the page again with X-Brain-Fill — the server waits for the
// analyses — and puts the answer in place: its title, everything below the header, its page data, then its scripts
// in order (external ones loaded one after another, inline ones under this page's nonce), as a first load would run
// them. Only the inline scripts the server itself marked — those carrying the nonce of the fill answer's own CSP — are
// run: text injected into the page would never run under CSP on a first load, so it does not run here either. An error page (the page's own 404, or 503 after the server's wait) is shown the same way. The body gets
// data-filled-ms (milliseconds from navigation) for the browser tests and the bench.
(function () {
  var holder = document.querySelector('[data-pending]');
  if (!holder) return;
  // Kept on <html>, which the fill leaves in place: the browser test tells a filled page from one served whole.
  document.documentElement.setAttribute('data-served-pending', '1');
  var nonce = document.currentScript ? document.currentScript.nonce : '';

  function failed() {
    holder.removeAttribute('aria-busy');
    holder.querySelector('section').innerHTML = '<p>' + brain.t('本页暂时无法显示。', 'The page could not be shown.') +
      ' <a href="' + brain.escape(holder.getAttribute('data-pending')) + '">' + brain.t('重新加载', 'Reload') + '</a></p>';
  }

  // The nonce the server gave the answer's own scripts, from its Content-Security-Policy header.
  var theirNonce = null;
  function nonceOf(policy) {
    var match = /'nonce-([^']+)'/.exec(policy || '');
    return match ? match[1] : null;
  }

  function run(scripts, index, done) {
    if (index >= scripts.length) { done(); return; }
    var old = scripts[index], script = document.createElement('script');
    var next = function () { run(scripts, index + 1, done); };
    if (old.type && old.type !== 'text/javascript') {
      // Data, not code (the page's JSON): moved over as it is.
      document.body.appendChild(document.importNode(old, true));
      next();
    } else if (old.getAttribute('src')) {
      script.src = old.getAttribute('src');
      script.onload = next;
      script.onerror = next;
      document.body.appendChild(script);
    } else if (!theirNonce || old.getAttribute('nonce') !== theirNonce) {
      next();
    } else {
      script.nonce = nonce;
      script.textContent = old.textContent;
      document.body.appendChild(script);
      next();
    }
  }

  function fill(page) {
    var header = document.querySelector('header.top'), theirs = page.querySelector('header.top');
    if (!header || !page.body) { failed(); return; }
    document.title = page.title;
    while (header.nextSibling) header.parentNode.removeChild(header.nextSibling);
    var scripts = [], node = theirs ? theirs.nextSibling : page.body.firstChild;
    for (; node; node = node.nextSibling) {
      if (node.nodeName === 'SCRIPT') scripts.push(node);
      else document.body.appendChild(document.importNode(node, true));
    }
    brain.localise(document.body);
    brain.langLinks(document.body);
    run(scripts, 0, function () {
      document.body.setAttribute('data-filled-ms', String(Math.round(performance.now())));
      document.dispatchEvent(new Event('brain:filled'));
    });
  }

  fetch(holder.getAttribute('data-pending'), { headers: { 'X-Brain-Fill': '1' }, credentials: 'same-origin' })
    .then(function (response) {
      var type = response.headers.get('Content-Type') || '';
      if (type.indexOf('text/html') !== 0) throw new Error('not a page');
      theirNonce = nonceOf(response.headers.get('Content-Security-Policy'));
      return response.text();
    })
    .then(function (html) { fill(new DOMParser().parseFromString(html, 'text/html')); })
    .catch(failed);
})();
