// Finishes the static gallery (scripts/gallery-static.sh): the wasm as a base64 classic script, a
// start script, the app's styles and fonts, and an index.html that loads them by relative paths.
import { copyFileSync, cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const out = process.argv[2];
if (!out) {
  console.error('usage: gallery-pack.mjs <dir>');
  process.exit(1);
}
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const wasm = path.join(out, 'gallery_bg.wasm');
writeFileSync(path.join(out, 'gallery-wasm.js'),
  `self.GALLERY_WASM = "${readFileSync(wasm).toString('base64')}";\n`);
rmSync(wasm);
writeFileSync(path.join(out, 'start.js'), [
  '// Decodes the embedded wasm and starts the gallery (no fetch: works on file:// too).',
  'const bytes = Uint8Array.from(atob(self.GALLERY_WASM), (c) => c.charCodeAt(0));',
  'wasm_bindgen({ module_or_path: bytes });',
  '',
].join('\n'));
// The same stylesheets, in the same order, as gallery.html.
const html = readFileSync(path.join(root, 'gallery.html'), 'utf8');
const sheets = [...html.matchAll(/rel="css" href="style\/([a-z-]+\.css)"/g)].map((m) => m[1]);
for (const s of sheets) copyFileSync(path.join(root, 'style', s), path.join(out, s));
cpSync(path.join(root, 'public', 'fonts'), path.join(out, 'fonts'), { recursive: true });
copyFileSync(path.join(root, 'public', 'favicon.svg'), path.join(out, 'favicon.svg'));
writeFileSync(path.join(out, 'index.html'), `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>osmand-account gallery</title>
    <link rel="icon" href="favicon.svg" />
${sheets.map((s) => `    <link rel="stylesheet" href="${s}" />`).join('\n')}
    <script src="gallery.js" defer></script>
    <script src="gallery-wasm.js" defer></script>
    <script src="start.js" defer></script>
  </head>
  <body></body>
</html>
`);
console.log(`gallery-pack: ${sheets.length} stylesheets, wasm embedded`);
