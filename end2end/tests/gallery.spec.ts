import { test, expect, type Page } from '@playwright/test';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { expectNoA11yViolations } from './helpers';

// The gallery's states, read from the Rust sources (every `Entry { component: "…", state: "…" }`),
// so each state is its own test; a check below makes sure the page lists exactly these.
function rustFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? rustFiles(p) : p.endsWith('.rs') ? [p] : [];
  });
}
const SRC = path.resolve(__dirname, '../../src');
const STATES: { c: string; s: string }[] = [];
for (const file of rustFiles(SRC)) {
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/component:\s*"([a-z0-9-]+)",\s*state:\s*"([a-z0-9-]+)"/g)) {
    STATES.push({ c: m[1], s: m[2] });
  }
}

// Pictures must not depend on when or where they are taken.
const FIXED_NOW = new Date('2026-11-20T12:00:00Z');

const url = (c: string, s: string, lang: string, vp: string) => `/gallery/?c=${c}&s=${s}&lang=${lang}&vp=${vp}&bare=1`;

// One page for the whole file: the wasm loads once, then each state is reached through the
// router (pushState + popstate), as a designer clicking through the list would.
test.describe.configure({ mode: 'serial' });
let page: Page;

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext({ timezoneId: 'UTC', locale: 'en-US', viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  await page.clock.setFixedTime(FIXED_NOW);
  await page.goto(url('login-form', 'empty', 'en', 'desktop'));
  await expect(page.locator('#gallery-frame')).toHaveAttribute('data-state', 'login-form/empty');
});

test.afterAll(async () => {
  await page.context().close();
});

async function open(c: string, s: string, lang: string, vp: string) {
  await page.evaluate((u) => {
    history.pushState(null, '', u);
    dispatchEvent(new PopStateEvent('popstate'));
  }, url(c, s, lang, vp));
  await expect(page.locator('#gallery-frame')).toHaveAttribute('data-state', `${c}/${s}`);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await page.evaluate(() => document.fonts.ready);
}

test('the gallery lists every state found in the sources', async () => {
  await open('login-form', 'empty', 'en', 'desktop');
  await page.evaluate(() => {
    history.pushState(null, '', '/gallery/?c=login-form&s=empty');
    dispatchEvent(new PopStateEvent('popstate'));
  });
  const links = page.locator('.gallery__list a');
  await expect(links).toHaveCount(STATES.length);
  expect(STATES.length).toBeGreaterThan(20);
  const keys = new Set(STATES.map((x) => `${x.c}/${x.s}`));
  expect(keys.size, 'gallery states must be unique').toBe(STATES.length);
});

for (const { c, s } of STATES) {
  test(`gallery ${c}/${s}: axe clean in en, nl and ar, screenshots at phone and desktop in en and ar`, async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    for (const lang of ['nl', 'ar', 'en']) {
      await open(c, s, lang, 'desktop');
      await expectNoA11yViolations(page);
    }
    await expect(page).toHaveScreenshot(`${c}--${s}--desktop.png`);
    await open(c, s, 'ar', 'desktop');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page).toHaveScreenshot(`ar-${c}--${s}--desktop.png`);
    await page.setViewportSize({ width: 375, height: 740 });
    await open(c, s, 'ar', 'phone');
    await expect(page).toHaveScreenshot(`ar-${c}--${s}--phone.png`);
    await open(c, s, 'en', 'phone');
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    await expect(page).toHaveScreenshot(`${c}--${s}--phone.png`);
  });
}

// The other eight languages on a representative set: every area, a form error, a dialog, a
// list, plurals, dates and sizes.
const REPRESENTATIVE = [
  'empty-login/default', 'login-form/error-password', 'create-account/code-invalid',
  'create-account/password-too-short', 'reset-password/done', 'account-home/default', 'cloud-info/pro',
  'download-backup/progress', 'purchase-list/every-state', 'purchase-details/google-cancelled',
  'purchases-help/top', 'cloud-changes/rows', 'cloud-trash/confirm-empty', 'danger-change-email/code-sent',
  'danger-delete-account/code-sent', 'cancel-login-link/ask',
];
test('the representative states exist', () => {
  const keys = new Set(STATES.map((x) => `${x.c}/${x.s}`));
  for (const k of REPRESENTATIVE) expect(keys.has(k), k).toBe(true);
});
for (const lang of ['de', 'es', 'fr', 'it', 'pl', 'pt', 'tr', 'uk']) {
  test(`gallery in ${lang}: ${REPRESENTATIVE.length} representative states, axe clean, phone screenshots`, async () => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 375, height: 740 });
    for (const key of REPRESENTATIVE) {
      const [c, s] = key.split('/');
      await open(c, s, lang, 'phone');
      await expectNoA11yViolations(page);
      await expect(page).toHaveScreenshot(`${lang}-${c}--${s}--phone.png`);
    }
  });
}
