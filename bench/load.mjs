// Cold load to an interactive account home, against a static HTML page with the same DOM, in the
// same headless Chromium. Prints medians and the ratio. Run via `make bench` (needs dist/ and the
// devserver built). Figures only — nothing here is a test.
import { chromium } from '../end2end/node_modules/playwright/index.mjs';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const RUNS = Number(process.env.BENCH_RUNS || 15);
// BENCH_DIST compares another build (e.g. an older commit's) with the same devserver.
const dist = path.resolve(root, process.env.BENCH_DIST || 'dist');
if (!existsSync(path.join(dist, 'index.html'))) throw new Error('no dist/ — run make build');

function startDevserver() {
  return new Promise((resolve, reject) => {
    const db = path.join(mkdtempSync(path.join(os.tmpdir(), 'bench-')), 'db.sqlite');
    const p = spawn(path.join(root, 'target/debug/devserver'), ['--port', '0', '--db', db, '--seed', 'demo', '--dist', dist, '--bcrypt-cost', '4']);
    p.stdout.on('data', (d) => {
      const m = /listening on (http:\/\/\S+)/.exec(String(d));
      if (m) resolve({ proc: p, url: m[1] });
    });
    p.on('error', reject);
  });
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

const { proc, url } = await startDevserver();
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  // A logged-in cookie to reuse.
  const ctx0 = await browser.newContext();
  const login = await ctx0.request.post(`${url}/mapapi/auth/login`, { data: { username: 'demo@example.com', password: 'demo-password' } });
  if (!login.ok()) throw new Error('login failed');
  const state = await ctx0.storageState();

  // The static twin: the rendered DOM of the account home, scripts removed, same CSS.
  const p0 = await ctx0.newPage();
  await p0.goto(`${url}/map/account/`);
  await p0.locator('#se-account-email').waitFor();
  const html = await p0.evaluate(() => {
    const doc = document.documentElement.cloneNode(true);
    doc.querySelectorAll('script, link[rel=modulepreload], link[rel=preload]').forEach((n) => n.remove());
    return '<!DOCTYPE html>' + doc.outerHTML;
  });
  const css = new Map();
  for (const href of [...html.matchAll(/href="(\/map\/[^"]+\.css)"/g)].map((m) => m[1])) {
    css.set(href, readFileSync(path.join(dist, href.replace('/map/', ''))));
  }
  const fonts = path.join(dist, 'fonts');
  const server = createServer((req, res) => {
    if (css.has(req.url)) { res.setHeader('content-type', 'text/css'); return res.end(css.get(req.url)); }
    if (req.url.startsWith('/map/fonts/')) { res.setHeader('content-type', 'font/woff2'); return res.end(readFileSync(path.join(fonts, path.basename(req.url)))); }
    res.setHeader('content-type', 'text/html'); res.end(html);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const staticUrl = `http://127.0.0.1:${server.address().port}/map/account/`;

  async function measure(target, loggedIn) {
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      const ctx = await browser.newContext(loggedIn ? { storageState: state } : {});
      const page = await ctx.newPage();
      await page.goto(target, { waitUntil: 'commit' });
      await page.locator('#se-account-email').waitFor();
      times.push(await page.evaluate(() => performance.now()));
      await ctx.close();
    }
    return median(times);
  }
  const app = await measure(`${url}/map/account/`, true);
  const stat = await measure(staticUrl, false);
  console.log(`cold load to interactive account home (median of ${RUNS}):`);
  console.log(`  app (wasm, auth/info + render)  ${app.toFixed(0)} ms`);
  console.log(`  static HTML, same DOM           ${stat.toFixed(0)} ms`);
  console.log(`  ratio app/static                ${(app / stat).toFixed(2)}x`);
  server.close();
} finally {
  await browser.close();
  proc.kill();
}
