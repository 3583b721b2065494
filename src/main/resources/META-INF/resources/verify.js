// The share-link page (/verify, pages/verify.html); a file of its own because the page's policy allows no inline script.
// The grant code travels in the fragment, which the browser never sends to any server; it is posted to the API only.
const code = new URLSearchParams(location.hash.slice(1)).get('grant');
const state = document.getElementById('state');
const fields = document.getElementById('fields');
function row(label, value) {
  if (value === undefined || value === null) return;
  const dt = document.createElement('dt'); dt.textContent = label;
  const dd = document.createElement('dd'); dd.textContent = value;
  fields.append(dt, dd);
}
const levels = { FULL_SENIOR: '正高级', DEPUTY_SENIOR: '副高级', INTERMEDIATE: '中级', JUNIOR: '初级' };
if (!code) {
  state.textContent = '链接中没有核验码。';
} else {
  history.replaceState(null, '', location.pathname);
  fetch('/api/v1/verifications', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ grant: code }) })
    .then(r => r.json())
    .then(a => {
      state.className = a.valid ? 'valid' : 'invalid';
      state.textContent = a.valid ? '证书有效 (VALID)' : (a.result === 'NO_MATCH' ? '核验码无效、已过期或已被持证人收回。' : '证书当前无效 (' + a.result + ')');
      const c = a.certificate;
      if (c) {
        row('姓名', c.holderName); row('资格名称', c.qualificationName); row('层级', levels[c.level] || c.level);
        row('系列 / 专业', c.series + ' / ' + c.specialty); row('取得资格时间', c.qualificationDate);
        row('发证机关', c.issuingAuthority.name); row('证书编号', c.certificateNumber); row('状态', c.status);
      }
      if (a.grant) { row('核验方', a.grant.verifierName); row('用途', a.grant.purpose); row('授权有效至', a.grant.expiresAt); }
      fields.hidden = !c;
    })
    .catch(() => { state.className = 'invalid'; state.textContent = '核验服务暂时不可用，请稍后再试。'; });
}
