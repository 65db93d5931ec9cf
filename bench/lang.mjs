// Language switch: time from choosing a language in the switch to its texts on screen, on a cold
// cache (the file is fetched) and a warm one (the file comes from the HTTP cache), on the login
// page. Also the size of each language file as served. Run via `make bench`. Figures only.
import { chromium } from '../end2end/node_modules/playwright/index.mjs';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { brotliCompressSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const RUNS = Number(process.env.BENCH_RUNS || 9);
const dist = path.resolve(root, process.env.BENCH_DIST || 'dist');
if (!existsSync(path.join(dist, 'index.html'))) throw new Error('no dist/ — run make build');

const files = readdirSync(path.join(dist, 'i18n')).sort();
console.log('language files (brotli):', files.map((f) => `${f.slice(0, 2)} ${(brotliCompressSync(readFileSync(path.join(dist, 'i18n', f))).length / 1000).toFixed(1)} KB`).join(', '));

const p = spawn(path.join(root, 'target/debug/devserver'), ['--port', '0', '--db', path.join(mkdtempSync(path.join(os.tmpdir(), 'bench-')), 'db.sqlite'), '--seed', 'demo', '--dist', dist]);
const url = await new Promise((resolve) => p.stdout.on('data', (d) => { const m = /listening on (http:\/\/\S+)/.exec(String(d)); if (m) resolve(m[1]); }));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu', '--no-first-run'] });
try {
  const result = {};
  for (const lang of ['de', 'ar', 'pl']) {
    const cold = [], warm = [];
    for (let i = 0; i < RUNS; i++) {
      const ctx = await browser.newContext({ locale: 'en-US' });
      const page = await ctx.newPage();
      await page.goto(`${url}/map/account/login`);
      await page.locator('#lang-switch').waitFor();
      for (const [which, list] of [['cold', cold], ['warm', warm]]) {
        // Back to English first (built in), then time the switch in the page itself.
        await page.locator('#lang-switch').selectOption('en');
        await page.waitForFunction(() => document.documentElement.lang === 'en');
        const ms = await page.evaluate((l) => new Promise((resolve) => {
          const sel = document.querySelector('#lang-switch');
          const t0 = performance.now();
          const obs = new MutationObserver(() => {
            if (document.documentElement.lang === l) { obs.disconnect(); requestAnimationFrame(() => resolve(performance.now() - t0)); }
          });
          obs.observe(document.documentElement, { attributes: true, subtree: true, childList: true, characterData: true });
          sel.value = l;
          sel.dispatchEvent(new Event('change', { bubbles: true }));
        }), lang);
        list.push(ms);
        if (which === 'cold') {
          // A new page in English: the file is no longer in memory, only in the HTTP cache.
          await page.evaluate(() => localStorage.setItem('osmand-account.lang', 'en'));
          await page.reload();
          await page.locator('#lang-switch').waitFor();
        }
      }
      await ctx.close();
    }
    result[lang] = { cold: median(cold), warm: median(warm) };
  }
  for (const [l, r] of Object.entries(result)) console.log(`switch en → ${l}: cold ${r.cold.toFixed(0)} ms, warm (HTTP cache) ${r.warm.toFixed(0)} ms (median of ${RUNS})`);
} finally {
  await browser.close();
  p.kill();
}
