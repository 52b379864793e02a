/**
 * A readable, dependency-free API docs page: it fetches /openapi.json and lists every operation with its
 * roles, parameters and request schema. (Swagger UI or Redoc would need a CDN the local product should not rely on.)
 */
export function renderDocsPage(): string {
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>API — gestionnaire du programme d'essaimage</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font-family:system-ui,sans-serif;margin:0 auto;max-width:980px;padding:1rem 1.5rem;color:#1e1e1e}
h1{font-size:1.5rem} h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd}
details{border:1px solid #ddd;border-radius:6px;margin:.4rem 0;padding:.4rem .7rem}
summary{cursor:pointer} code{background:#f3f3f3;padding:0 .25rem;border-radius:3px}
.m{display:inline-block;min-width:4.5rem;font-weight:700} .GET{color:#06c}.POST{color:#080}.PATCH,.PUT{color:#a60}.DELETE{color:#c00}
pre{background:#f7f7f7;padding:.6rem;overflow:auto;font-size:.8rem}
</style></head>
<body><h1>API du gestionnaire du programme d'essaimage</h1>
<p>Document OpenAPI 3.1 : <a href="/openapi.json">/openapi.json</a>. Les routes protégées attendent <code>Authorization: Bearer &lt;jeton&gt;</code>.</p>
<main id="ops">Chargement…</main>
<script>
fetch('/openapi.json').then(r=>r.json()).then(doc=>{
  const byTag={};
  for(const [path,ops] of Object.entries(doc.paths)) for(const [m,op] of Object.entries(ops)) (byTag[op.tags[0]]??=[]).push({path,m:m.toUpperCase(),op});
  const esc=s=>String(s).replace(/[&<>]/g,c=>({'&':'&amp;','<':'&lt;','>':'&gt;'}[c]));
  document.getElementById('ops').innerHTML=Object.entries(byTag).map(([tag,ops])=>'<h2>'+esc(tag)+'</h2>'+ops.map(({path,m,op})=>
    '<details><summary><span class="m '+m+'">'+m+'</span> <code>'+esc(path)+'</code> — '+esc(op.summary)+'</summary>'+
    '<p>Rôles : '+esc((op['x-roles']||['public']).join(', '))+'</p>'+
    (op.parameters.length?'<p>Paramètres :</p><pre>'+esc(JSON.stringify(op.parameters,null,2))+'</pre>':'')+
    (op.requestBody?'<p>Corps :</p><pre>'+esc(JSON.stringify(op.requestBody.content['application/json'].schema,null,2))+'</pre>':'')+
    '</details>').join('')).join('');
});
</script></body></html>`;
}
