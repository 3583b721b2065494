// The verification page's only script (a file, since the page's policy allows no inline script). A share link
// (#grant=…) or a QR link (#token=…) carries its secret in the fragment, which the browser never sends to a server;
// this posts it through the page's own form, once, and takes it out of the address bar and history first.
(function () {
  const fragment = new URLSearchParams(location.hash.slice(1));
  const grant = fragment.get('grant');
  const token = fragment.get('token');
  if (!grant && !token) {
    const result = document.getElementById('result');
    if (result) result.focus();
    return;
  }
  history.replaceState(null, '', location.pathname + location.search);
  const form = document.getElementById('fragment-form');
  if (grant) document.getElementById('fragment-grant').value = grant;
  else document.getElementById('fragment-token').value = token;
  form.submit();
})();
