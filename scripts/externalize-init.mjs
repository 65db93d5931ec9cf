// Trunk post_build hook: moves Trunk's inline `<script type="module">` (the wasm initialiser) into
// a hashed file with an integrity attribute, so the app runs under a CSP without 'unsafe-inline'.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
const base = (process.env.TRUNK_PUBLIC_URL || '/').replace(/\/?$/, '/');
if (!dir) {
  console.error('externalize-init: TRUNK_STAGING_DIR is not set');
  process.exit(1);
}
const htmlPath = path.join(dir, 'index.html');
let html = readFileSync(htmlPath, 'utf8');
const re = /<script type="?module"?>([\s\S]*?)<\/script>/g; // quotes dropped when minified
let count = 0;
html = html.replace(re, (_all, body) => {
  count += 1;
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
  const name = `init-${hash}.js`;
  writeFileSync(path.join(dir, name), body);
  const sri = 'sha384-' + createHash('sha384').update(body).digest('base64');
  return `<script type="module" src="${base}${name}" integrity="${sri}" crossorigin="anonymous"></script>`;
});
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  console.error('externalize-init: an inline script is left in index.html');
  process.exit(1);
}
writeFileSync(htmlPath, html);
console.log(`externalize-init: ${count} inline script(s) moved out of index.html`);
