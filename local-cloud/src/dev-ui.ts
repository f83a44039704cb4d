/** A one-page developer console served at /_local/: collections, the subscribe-message outbox, the request log. */
export const DEV_UI_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>local-cloud</title>
<style>
  body { font: 14px/1.5 system-ui, sans-serif; margin: 0; color: #1f2328; }
  header { background: #07c160; color: #fff; padding: 10px 16px; display: flex; gap: 16px; align-items: baseline; }
  header h1 { font-size: 18px; margin: 0; }
  nav button { background: none; border: 0; color: #fff; font: inherit; cursor: pointer; padding: 4px 8px; }
  nav button.on { border-bottom: 2px solid #fff; }
  main { padding: 12px 16px; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #eaeef2; vertical-align: top; }
  pre { background: #f6f8fa; padding: 8px; overflow: auto; max-height: 70vh; }
  a { color: #0969da; cursor: pointer; }
  .err { color: #cf222e; }
</style>
</head>
<body>
<header><h1>local-cloud</h1><span id="env"></span>
<nav><button data-tab="collections" class="on">Collections</button><button data-tab="outbox">Outbox</button><button data-tab="requests">Requests</button></nav>
<button id="refresh" style="margin-left:auto">Refresh</button></header>
<main id="main">Loading…</main>
<script>
const main = document.getElementById('main');
let tab = 'collections';
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
async function get(path) { const r = await fetch(path); return r.json(); }
async function show() {
  try {
    const health = await get('/_local/health');
    document.getElementById('env').textContent = health.envId + ' · LSN ' + health.lsn + ' · ' + health.functions.length + ' functions';
    if (tab === 'collections') {
      const rows = await get('/_local/collections');
      main.innerHTML = '<table><tr><th>Collection</th><th>Documents</th><th>Indexes</th></tr>' + rows.map((c) =>
        '<tr><td><a data-coll="' + esc(c.name) + '">' + esc(c.name) + '</a></td><td>' + c.count + '</td><td>' +
        c.indexes.map((i) => esc(i.name) + (i.unique ? ' (unique)' : '')).join(', ') + '</td></tr>').join('') + '</table><div id="docs"></div>';
    } else if (tab === 'outbox') {
      const rows = await get('/_local/outbox');
      main.innerHTML = rows.length ? '<pre>' + esc(JSON.stringify(rows, null, 2)) + '</pre>' : '<p>No subscribe messages sent yet.</p>';
    } else {
      const rows = (await get('/_local/requests')).slice(-300).reverse();
      main.innerHTML = '<table><tr><th>#</th><th>Function</th><th>OpenID</th><th>Action</th><th>Collection</th><th>Docs</th><th>ms</th><th>Error</th></tr>' +
        rows.map((r) => '<tr><td>' + r.seq + '</td><td>' + esc(r.functionName ?? '-') + '</td><td>' + esc(r.openid ?? '-') + '</td><td>' +
        esc(r.action) + '</td><td>' + esc(r.collection ?? '') + '</td><td>' + r.docs + '</td><td>' + r.ms + '</td><td class="err">' + esc(r.error ?? '') + '</td></tr>').join('') + '</table>';
    }
  } catch (e) { main.innerHTML = '<p class="err">' + esc(e) + '</p>'; }
}
document.querySelector('nav').addEventListener('click', (e) => {
  const t = e.target.dataset && e.target.dataset.tab; if (!t) return;
  tab = t; document.querySelectorAll('nav button').forEach((b) => b.classList.toggle('on', b.dataset.tab === t)); show();
});
main.addEventListener('click', async (e) => {
  const c = e.target.dataset && e.target.dataset.coll; if (!c) return;
  const docs = await get('/_local/collections/' + encodeURIComponent(c) + '?limit=200');
  document.getElementById('docs').innerHTML = '<h3>' + esc(c) + ' (first 200)</h3><pre>' + esc(JSON.stringify(docs, null, 2)) + '</pre>';
});
document.getElementById('refresh').addEventListener('click', show);
show();
</script>
</body>
</html>
`;
