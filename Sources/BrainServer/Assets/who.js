// Who is signed in, in the header's corner, and the nav links that depend on it: pages are the same for everyone
// (and may be served from a cache), so the page asks /signin/me. Signed out: 登录 stays. A person: name, role in both
// languages, 管理 for those who manage people, sign-out. An organisation's token session: its name and sign-out.
// 审计 shows only to callers who may read the audit trail.
document.addEventListener('DOMContentLoaded', function () {
  var corner = document.getElementById('who');
  if (!corner || !window.fetch) return;
  function span(cls, text) { var s = document.createElement('span'); if (cls) s.className = cls; s.textContent = text; return s; }
  fetch('/signin/me', { credentials: 'same-origin' }).then(function (r) { return r.ok ? r.json() : null; }).then(function (me) {
    if (!me || !me.signedIn) return;
    var audit = document.getElementById('nav-audit');
    if (audit && me.mayReadAudit) audit.hidden = false;
    corner.textContent = '';
    if (me.login) {
      var name = span('who-name', me.name); name.id = 'who-name'; name.title = me.login + ' · ' + (me.organisationName || '');
      corner.appendChild(name);
      var role = span('who-role', ''); role.id = 'who-role';
      role.appendChild(span('zh', me.roleZh)); role.appendChild(span('en', me.roleEn));
      corner.appendChild(role);
    } else {
      var organisation = span('who-name', me.organisationName || me.organisation || ''); organisation.id = 'who-organisation';
      corner.appendChild(organisation);
    }
    // A person keeps their password and API tokens on /account.
    if (me.login) {
      var account = document.createElement('a'); account.href = '/account'; account.id = 'who-account';
      account.appendChild(span('zh', '账户')); account.appendChild(span('en', 'Account'));
      corner.appendChild(account);
    }
    if (me.mayAdmin) {
      var admin = document.createElement('a'); admin.href = '/admin'; admin.id = 'who-admin';
      admin.appendChild(span('zh', '管理')); admin.appendChild(span('en', 'Admin'));
      corner.appendChild(admin);
    }
    // A token session signs out where it signed in; a person's at /signout.
    var form = document.createElement('form'); form.method = 'post'; form.action = me.login ? '/signout' : '/match/signout';
    form.className = 'who-signout';
    var csrf = document.createElement('input'); csrf.type = 'hidden'; csrf.name = 'csrf'; csrf.value = me.csrf || '';
    var button = document.createElement('button'); button.type = 'submit'; button.id = 'who-signout'; button.className = 'action';
    button.appendChild(span('zh', '退出')); button.appendChild(span('en', 'Sign out'));
    form.appendChild(csrf); form.appendChild(button); corner.appendChild(form);
  }).catch(function () {});
});
