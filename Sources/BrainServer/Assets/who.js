// Who is signed in, in the header's corner: pages are the same for everyone (and may be served from a cache), so
// the corner asks /signin/me. Signed in as a person: name, role in both languages, /admin for admins, sign-out.
document.addEventListener('DOMContentLoaded', function () {
  var corner = document.getElementById('who');
  if (!corner || !window.fetch) return;
  function span(cls, text) { var s = document.createElement('span'); if (cls) s.className = cls; s.textContent = text; return s; }
  fetch('/signin/me', { credentials: 'same-origin' }).then(function (r) { return r.ok ? r.json() : null; }).then(function (me) {
    if (!me || !me.signedIn || !me.login) return;
    corner.textContent = '';
    var name = span('who-name', me.name); name.id = 'who-name'; name.title = me.login + ' · ' + (me.organisationName || '');
    corner.appendChild(name);
    var role = span('who-role', ''); role.id = 'who-role';
    role.appendChild(span('zh', me.roleZh)); role.appendChild(span('en', me.roleEn));
    corner.appendChild(role);
    if (me.role === 'admin') {
      var admin = document.createElement('a'); admin.href = '/admin'; admin.id = 'who-admin';
      admin.appendChild(span('zh', '管理')); admin.appendChild(span('en', 'Admin'));
      corner.appendChild(admin);
    }
    var form = document.createElement('form'); form.method = 'post'; form.action = '/signout'; form.className = 'who-signout';
    var csrf = document.createElement('input'); csrf.type = 'hidden'; csrf.name = 'csrf'; csrf.value = me.csrf || '';
    var button = document.createElement('button'); button.type = 'submit'; button.id = 'who-signout'; button.className = 'action';
    button.appendChild(span('zh', '退出')); button.appendChild(span('en', 'Sign out'));
    form.appendChild(csrf); form.appendChild(button); corner.appendChild(form);
  }).catch(function () {});
});
