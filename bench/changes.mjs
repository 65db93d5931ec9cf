// Changes list at 10 000 and 50 000 versions: the app (wasm) against bench/vanilla-changes.html (plain
// JS building the same visible DOM from the same list-files JSON), in the same headless Chromium.
// Measures (1) navigation → first version row painted (fetch + decode + group + first paint) and
// (2) filter latency: input event → filtered rows painted (both sides debounce 120 ms; included).
// Prints medians and the ratio app/vanilla. Figures only — nothing here is a test.
// Needs a release build in $BENCH_DIST (default dist/) and target/debug/devserver.
import { chromium } from '../end2end/node_modules/playwright/index.mjs';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const RUNS = Number(process.env.BENCH_RUNS || 5);
const SIZES = (process.env.BENCH_SIZES || '10000,50000').split(',').map(Number);
const dist = path.resolve(root, process.env.BENCH_DIST || 'dist');
if (!existsSync(path.join(dist, 'index.html'))) throw new Error(`no ${dist}/index.html — build the release bundle first`);
const vanilla = readFileSync(path.join(root, 'bench/vanilla-changes.html'), 'utf8');

function startDevserver() {
  return new Promise((resolve, reject) => {
    const db = path.join(mkdtempSync(path.join(os.tmpdir(), 'bench-changes-')), 'db.sqlite');
    const p = spawn(path.join(root, 'target/debug/devserver'), ['--port', '0', '--db', db, '--seed', 'demo', '--dev', '--dist', dist, '--bcrypt-cost', '4']);
    p.stdout.on('data', (d) => {
      const m = /listening on (http:\/\/\S+)/.exec(String(d));
      if (m) resolve({ proc: p, url: m[1] });
    });
    p.on('error', reject);
  });
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

// Records when the first version row is in the DOM, then waits two frames (painted).
const FIRST_ROW = () => new Promise((resolve) => {
  const done = () => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())));
  if (document.querySelector('.cloud-row__name')) return done();
  const mo = new MutationObserver(() => {
    if (document.querySelector('.cloud-row__name')) { mo.disconnect(); done(); }
  });
  mo.observe(document, { childList: true, subtree: true });
});

// Types `needle` into the filter and waits until every visible name matches (and one exists).
const FILTER = (needle) => new Promise((resolve) => {
  const input = document.getElementById('se-cloud-filter');
  const ok = () => {
    const names = [...document.querySelectorAll('.cloud-row__name')];
    return names.length > 0 && names.every((n) => n.textContent.toLowerCase().includes(needle));
  };
  const t0 = performance.now();
  input.value = needle;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  const check = () => (ok() ? requestAnimationFrame(() => resolve(performance.now() - t0)) : requestAnimationFrame(check));
  requestAnimationFrame(check);
});

const { proc, url } = await startDevserver();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  console.log(`Changes list, median of ${RUNS} runs (headless Chromium, ${dist})`);
  for (const n of SIZES) {
    const ctx0 = await browser.newContext();
    const email = `bench-${n}-${Date.now()}@example.com`;
    const password = 'bench-password';
    let r = await ctx0.request.post(`${url}/dev/accounts`, { data: { email, password, pro: true, files: 'none' } });
    if (!r.ok()) throw new Error(await r.text());
    r = await ctx0.request.post(`${url}/dev/generate-files`, {
      data: { email, files: n / 5, versions_per_file: 5, tombstone_every: 7, types: ['GPX', 'FAVOURITES', 'PROFILE'] },
    });
    if (!r.ok()) throw new Error(await r.text());
    r = await ctx0.request.post(`${url}/mapapi/auth/login`, { data: { username: email, password } });
    if (!r.ok()) throw new Error('login failed');
    const state = await ctx0.storageState();
    await ctx0.close();

    async function measure(target) {
      const first = [], filter = [];
      for (let i = 0; i < RUNS; i++) {
        const ctx = await browser.newContext({ storageState: state, viewport: { width: 1280, height: 800 } });
        const page = await ctx.newPage();
        await page.route(`${url}/bench/vanilla-changes.html`, (route) => route.fulfill({ contentType: 'text/html', body: vanilla }));
        await page.goto(target, { waitUntil: 'commit' });
        first.push(await page.evaluate(FIRST_ROW));
        filter.push(await page.evaluate(FILTER, '00042'));
        await ctx.close();
      }
      return { first: median(first), filter: median(filter) };
    }
    const app = await measure(`${url}/map/settings/cloud/changes`);
    const js = await measure(`${url}/bench/vanilla-changes.html`);
    const fmt = (x) => `${x.toFixed(0).padStart(6)} ms`;
    console.log(`\n${n.toLocaleString('en')} versions`);
    console.log(`  navigation → first rows painted   app ${fmt(app.first)}   vanilla ${fmt(js.first)}   ratio ${(app.first / js.first).toFixed(2)}`);
    console.log(`  filter (incl. 120 ms debounce)     app ${fmt(app.filter)}   vanilla ${fmt(js.filter)}   ratio ${(app.filter / js.filter).toFixed(2)}`);
  }
} finally {
  await browser.close();
  proc.kill();
}
