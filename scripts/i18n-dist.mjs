// Trunk post_build hook: puts each language file `i18n/<code>.json` into the bundle as
// `i18n/<code>.<content hash>.json` (minified, so it can be cached for good) and lists them in
// `<meta name="osmand-i18n" content="ar=/map/i18n/ar.….json de=…">` in index.html, where the app
// looks them up (src/i18n/load.rs). English is built into the wasm and has no file.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
const base = (process.env.TRUNK_PUBLIC_URL || '/').replace(/\/?$/, '/');
if (!dir) {
  console.error('i18n-dist: TRUNK_STAGING_DIR is not set');
  process.exit(1);
}
const src = path.join(process.env.TRUNK_SOURCE_DIR || '.', 'i18n');
const out = path.join(dir, 'i18n');
mkdirSync(out, { recursive: true });
const pairs = [];
for (const name of readdirSync(src).filter(n => /^[a-z]{2}\.json$/.test(n)).sort()) {
  const code = name.slice(0, 2);
  let text;
  try {
    text = JSON.stringify(JSON.parse(readFileSync(path.join(src, name), 'utf8')));
  } catch (e) {
    console.error(`i18n-dist: i18n/${name} is not valid JSON: ${e.message}`);
    process.exit(1);
  }
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
  const file = `${code}.${hash}.json`;
  writeFileSync(path.join(out, file), text);
  pairs.push(`${code}=${base}i18n/${file}`);
}
const htmlPath = path.join(dir, 'index.html');
if (existsSync(htmlPath)) {
  const html = readFileSync(htmlPath, 'utf8');
  const meta = `<meta name="osmand-i18n" content="${pairs.join(' ')}">`;
  if (!html.includes('</head>')) {
    console.error('i18n-dist: index.html has no </head>');
    process.exit(1);
  }
  writeFileSync(htmlPath, html.replace('</head>', `${meta}</head>`));
}
console.log(`i18n-dist: ${pairs.length} language file(s)`);
