// `make gallery-review`: what a change did to the pictures. Renders every gallery state exactly
// as end2end/tests/gallery.spec.ts does (same URL, viewport, clock, time zone), compares each with
// its committed baseline in end2end/tests/__screenshots__ in the browser (pixel by pixel, with the
// suite's tolerance), and writes a static page: changed states first, then new ones, removed
// ones, and the unchanged rest; each with the baseline, the current picture and the difference.
//
//   node scripts/gallery-review.mjs [--url <devserver with /gallery/>] [--baselines <dir>]
//                                   [--out <dir>] [--only <regex on "component--state">]
// Without --url it starts the devserver itself (target/debug/devserver, dist-gallery/).
import { chromium } from '../end2end/node_modules/playwright/index.mjs';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const baselines = path.resolve(arg('--baselines', path.join(root, 'end2end/tests/__screenshots__')));
const out = path.resolve(arg('--out', path.join(root, 'target/gallery-review')));
const only = new RegExp(arg('--only', '.'));
// The suite's tolerance (playwright.config.ts): more than 1 % of the pixels differ = changed.
const MAX_DIFF_RATIO = 0.01;
const FIXED_NOW = new Date('2026-11-20T12:00:00Z');
const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 375, height: 740 } };

// Every state in the Rust sources, as the suite finds them.
function rustFiles(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? rustFiles(p) : p.endsWith('.rs') ? [p] : [];
  });
}
const states = [];
for (const file of rustFiles(path.join(root, 'src'))) {
  for (const m of readFileSync(file, 'utf8').matchAll(/component:\s*"([a-z0-9-]+)",\s*state:\s*"([a-z0-9-]+)"/g)) {
    states.push({ c: m[1], s: m[2] });
  }
}

async function devserver() {
  const db = path.join(mkdtempSync(path.join(os.tmpdir(), 'review-')), 'db.sqlite');
  const proc = spawn(path.join(root, 'target/debug/devserver'), ['--port', '0', '--db', db, '--dist', path.join(root, 'dist'), '--gallery', path.join(root, 'dist-gallery')]);
  const url = await new Promise((resolve, reject) => {
    proc.stdout.on('data', (d) => { const m = /listening on (http:\/\/\S+)/.exec(String(d)); if (m) resolve(m[1]); });
    proc.on('error', reject);
    proc.on('exit', (code) => reject(new Error(`devserver exited (${code})`)));
  });
  return { url, stop: () => proc.kill() };
}

const server = arg('--url', null) ? { url: arg('--url'), stop: () => {} } : await devserver();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--disable-gpu', '--no-first-run', '--disable-dev-shm-usage'],
});
rmSync(out, { recursive: true, force: true });
mkdirSync(path.join(out, 'img'), { recursive: true });
const results = [];
try {
  const context = await browser.newContext({ timezoneId: 'UTC', locale: 'en-US', viewport: VIEWPORTS.desktop });
  const page = await context.newPage();
  await page.clock.setFixedTime(FIXED_NOW);
  let loaded = false;
  // English and Arabic for every state at both widths (as gallery.spec.ts takes them), and the
  // other languages for the states they have baselines of (its representative set).
  const targets = [];
  for (const { c, s } of states) {
    for (const lang of ['en', 'ar']) {
      for (const vp of ['desktop', 'phone']) targets.push({ c, s, lang, vp, name: `${lang === 'en' ? '' : `${lang}-`}${c}--${s}--${vp}` });
    }
  }
  for (const f of readdirSync(baselines)) {
    const m = f.match(/^(de|es|fr|it|pl|pt|tr|uk)-([a-z0-9-]+?)--([a-z0-9-]+)--(phone|desktop)\.png$/);
    if (m) targets.push({ lang: m[1], c: m[2], s: m[3], vp: m[4], name: f.replace(/\.png$/, '') });
  }
  for (const { c, s, lang, vp, name } of targets) {
    {
      if (!only.test(name)) continue;
      const u = `/gallery/?c=${c}&s=${s}&lang=${lang}&vp=${vp}&bare=1`;
      await page.setViewportSize(VIEWPORTS[vp]);
      if (!loaded) { await page.goto(server.url + u); loaded = true; } else {
        await page.evaluate((x) => { history.pushState(null, '', x); dispatchEvent(new PopStateEvent('popstate')); }, u);
      }
      await page.locator(`#gallery-frame[data-state="${c}/${s}"]`).waitFor();
      await page.evaluate(() => document.fonts.ready);
      const current = await page.screenshot({ animations: 'disabled', caret: 'hide' });
      writeFileSync(path.join(out, 'img', `${name}.current.png`), current);
      const base = path.join(baselines, `${name}.png`);
      if (!existsSync(base)) { results.push({ name, status: 'new', ratio: 1 }); continue; }
      copyFileSync(base, path.join(out, 'img', `${name}.baseline.png`));
      results.push({ name, ...(await compare(page, readFileSync(base), current, path.join(out, 'img', `${name}.diff.png`))) });
    }
  }
  // Baselines whose state is gone.
  const seen = new Set(results.map((r) => r.name));
  for (const f of readdirSync(baselines).filter((f) => f.endsWith('.png'))) {
    const name = f.replace(/\.png$/, '');
    if (!seen.has(name) && only.test(name)) {
      copyFileSync(path.join(baselines, f), path.join(out, 'img', `${name}.baseline.png`));
      results.push({ name, status: 'removed', ratio: 1 });
    }
  }
  await context.close();
} finally {
  await browser.close();
  server.stop();
}

// Pixel comparison in a blank page's canvas: a pixel differs when a channel moves by more than 24
// of 255 (anti-aliasing stays below); the diff image greys the picture and marks those pixels red.
async function compare(page, a, b, diffPath) {
  const blank = await page.context().newPage();
  const r = await blank.evaluate(async ([a64, b64]) => {
    const load = (b64) => new Promise((ok, bad) => { const i = new Image(); i.onload = () => ok(i); i.onerror = bad; i.src = `data:image/png;base64,${b64}`; });
    const [ia, ib] = await Promise.all([load(a64), load(b64)]);
    const w = Math.max(ia.width, ib.width), h = Math.max(ia.height, ib.height);
    const px = (img) => { const c = new OffscreenCanvas(w, h); const x = c.getContext('2d'); x.drawImage(img, 0, 0); return x.getImageData(0, 0, w, h).data; };
    const da = px(ia), db = px(ib);
    const diff = new ImageData(w, h);
    let n = 0;
    for (let i = 0; i < da.length; i += 4) {
      const d = Math.max(Math.abs(da[i] - db[i]), Math.abs(da[i + 1] - db[i + 1]), Math.abs(da[i + 2] - db[i + 2]), Math.abs(da[i + 3] - db[i + 3]));
      if (d > 24) { n++; diff.data.set([230, 30, 30, 255], i); } else {
        const g = 200 + (da[i] + da[i + 1] + da[i + 2]) / 3 / 255 * 55;
        diff.data.set([g, g, g, 255], i);
      }
    }
    const c = new OffscreenCanvas(w, h); c.getContext('2d').putImageData(diff, 0, 0);
    const blob = await c.convertToBlob({ type: 'image/png' });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let bin = ''; for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { ratio: n / (w * h), sized: ia.width === ib.width && ia.height === ib.height, diff: btoa(bin) };
  }, [a.toString('base64'), b.toString('base64')]);
  await blank.close();
  writeFileSync(diffPath, Buffer.from(r.diff, 'base64'));
  const changed = !r.sized || r.ratio > MAX_DIFF_RATIO;
  return { status: changed ? 'changed' : 'same', ratio: r.ratio, diff: true };
}

const order = { changed: 0, new: 1, removed: 2, same: 3 };
results.sort((x, y) => order[x.status] - order[y.status] || y.ratio - x.ratio || x.name.localeCompare(y.name));
const count = (s) => results.filter((r) => r.status === s).length;
const esc = (t) => t.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]);
const img = (r, kind, label) => existsSync(path.join(out, 'img', `${r.name}.${kind}.png`))
  ? `<figure><figcaption>${label}</figcaption><img loading="lazy" src="img/${esc(r.name)}.${kind}.png" alt="${label}: ${esc(r.name)}"></figure>` : '';
const cards = results.map((r) => `
  <section class="card card--${r.status}" data-name="${esc(r.name)}" data-status="${r.status}">
    <h2><span class="tag">${r.status}</span> ${esc(r.name)} <small>${r.diff ? `${(r.ratio * 100).toFixed(2)} % of pixels differ` : ''}</small></h2>
    <div class="pics">${img(r, 'baseline', 'Baseline (committed)')}${img(r, 'current', 'Current')}${img(r, 'diff', 'Difference')}</div>
  </section>`).join('');
writeFileSync(path.join(out, 'index.html'), `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Gallery review</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 16px; color: #1d2230; }
h1 { font-size: 20px; } .summary { margin: 0 0 16px; }
.card { border: 1px solid #ccd; border-radius: 8px; padding: 8px 12px; margin: 0 0 16px; }
.card h2 { font-size: 15px; margin: 4px 0 8px; } .card small { color: #667; font-weight: normal; }
.tag { display: inline-block; padding: 1px 8px; border-radius: 10px; background: #e4e7ee; font-size: 12px; }
.card--changed .tag { background: #c62828; color: #fff; } .card--new .tag { background: #1565c0; color: #fff; } .card--removed .tag { background: #6d4c41; color: #fff; }
.pics { display: flex; gap: 12px; overflow-x: auto; } figure { margin: 0; } figcaption { font-size: 12px; color: #556; }
img { max-height: 420px; border: 1px solid #dde; }
</style></head><body>
<h1>Gallery review</h1>
<p class="summary" id="summary">${count('changed')} changed, ${count('new')} new, ${count('removed')} removed, ${count('same')} unchanged (of ${results.length} pictures; baselines: ${esc(path.relative(root, baselines) || baselines)})</p>
${cards}
</body></html>
`);
console.log(`gallery review: ${count('changed')} changed, ${count('new')} new, ${count('removed')} removed, ${count('same')} unchanged → ${path.join(out, 'index.html')}`);
