/** A readable HTML page of the AsyncAPI document: channels, their messages, headers, schema and example. */
type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
const json = (v: unknown) => `<pre>${esc(JSON.stringify(v, null, 2))}</pre>`;

export function renderAsyncApiPage(doc: Doc): string {
  const messages = doc['components']?.['messages'] ?? {};
  const channels = Object.entries<Doc>(doc['channels'] ?? {})
    .map(([, ch]) => {
      const items = Object.keys(ch['messages'] ?? {})
        .map((id) => messages[id])
        .map(
          (m: Doc) => `<section class="msg"><h3 id="${esc(m['name'])}"><code>${esc(m['name'])}</code></h3><p>${esc(m['summary'])}</p>
<details><summary>Data schema</summary>${json(m['payload'])}</details>
<details><summary>Example</summary>${json(m['examples']?.[0])}</details></section>`,
        )
        .join('\n');
      return `<h2>Topic <code>${esc(ch['address'])}</code></h2><p>${esc(ch['description'])}</p>${items || '<p><em>No events published yet.</em></p>'}`;
    })
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(doc['info']?.['title'])}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2em auto;padding:0 1em}pre{background:#f5f5f5;padding:.8em;overflow:auto}
.msg{border-left:3px solid #c00;padding-left:1em;margin:1.5em 0}code{background:#f0f0f0;padding:0 .2em}</style></head><body>
<h1>${esc(doc['info']?.['title'])} <small>v${esc(doc['info']?.['version'])}</small></h1>
${String(doc['info']?.['description'] ?? '')
  .split('\n\n')
  .map((p) => `<p>${esc(p)}</p>`)
  .join('')}
<p>Machine-readable: <a href="/asyncapi.json">/asyncapi.json</a> (AsyncAPI ${esc(doc['asyncapi'])}). Every message carries the CloudEvents headers:</p>
${json(messages[Object.keys(messages)[0]]?.['headers'] ?? {})}
${channels}
</body></html>`;
}
