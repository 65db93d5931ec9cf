import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expectNoA11yViolations } from './helpers';

// What a designer does in the gallery: find a state (groups, search, keyboard), compare
// (a component's sheet, two languages side by side, widths), review a change (the review page)
// and share it (the static build opened from a plain folder).

const ROOT = path.resolve(__dirname, '../..');
const STATIC = path.join(ROOT, 'dist-gallery-static');
const SHOTS = path.join(__dirname, '__screenshots__');

function statesOf(component: string): string[] {
  const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.rs') ? [p] : [];
  });
  const out: string[] = [];
  for (const file of files(path.join(ROOT, 'src'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/component:\s*"([a-z0-9-]+)",\s*state:\s*"([a-z0-9-]+)"/g)) {
      if (m[1] === component) out.push(m[2]);
    }
  }
  return out;
}

async function openGallery(page: Page, query: string) {
  await page.goto(`/gallery/${query}`);
  await expect(page.locator('.gallery__nav')).toBeVisible();
}

test.use({ timezoneId: 'UTC', locale: 'en-US' });

test('states are grouped by area and component; a group opens and closes', async ({ page }) => {
  await openGallery(page, '?c=cloud-info&s=pro');
  const areas = page.locator('.gallery__area-name');
  await expect(areas).toHaveText(['Login and account home', 'Account', 'Purchases', 'Cloud settings', 'Danger zone']);
  // The selected component is open, the others closed.
  const cloudInfo = page.locator('.gallery__component', { has: page.locator('summary', { hasText: /^cloud-info$/ }) });
  await expect(cloudInfo.locator('a.gallery__link[data-state="cloud-info/pro"]')).toBeVisible();
  await expect(cloudInfo.locator('a.gallery__link[data-state="cloud-info/pro"]')).toHaveAttribute('aria-current', 'page');
  const trash = page.locator('.gallery__component', { has: page.locator('summary', { hasText: /^cloud-trash$/ }) });
  await expect(trash.locator('a.gallery__link').first()).toBeHidden();
  await trash.locator('summary').click();
  await expect(trash.locator('a.gallery__link')).toHaveCount(statesOf('cloud-trash').length);
  await expect(trash.locator('a.gallery__link').first()).toBeVisible();
  await trash.locator('a.gallery__link[data-state="cloud-trash/rows"]').click();
  await expect(page.locator('#gallery-frame')).toHaveAttribute('data-state', 'cloud-trash/rows');
  await expect(page).toHaveURL(/c=cloud-trash&s=rows/);
  // The component's note sits above the state.
  await expect(page.locator('.gallery__note')).toContainText('S16 Trash');
  await expectNoA11yViolations(page);
});

test('the search filters as you type, also by the text a state shows, and the URL keeps it', async ({ page }) => {
  await openGallery(page, '?c=login-form&s=empty');
  const total = await page.locator('a.gallery__link').count();
  await expect(page.locator('#gallery-count')).toHaveText(`${total} of ${total} states`);
  await page.locator('#gallery-search').fill('cloud-trash');
  await expect(page).toHaveURL(/q=cloud-trash/);
  const shown = page.locator('a.gallery__link:visible');
  await expect(shown.first()).toBeVisible();
  for (const name of await shown.evaluateAll((as) => as.map((a) => a.getAttribute('data-state') || ''))) {
    expect(name, 'only the Trash states are left').toMatch(/^cloud-trash\//);
  }
  await expect(page.locator('a.gallery__link[data-state="login-form/empty"]')).toBeHidden();
  // Words found only in what a state shows: the login form's error text.
  await page.locator('#gallery-search').fill('incorrect password');
  await expect(page.locator('a.gallery__link[data-state="login-form/error-password"]')).toBeVisible();
  await expect(page.locator('a.gallery__link[data-state="login-form/empty"]')).toBeHidden();
  await expect(page.locator('#gallery-count')).not.toHaveText(`${total} of ${total} states`);
  // A link with a search opens filtered.
  await page.reload();
  await expect(page.locator('#gallery-search')).toHaveValue('incorrect password');
  await expect(page.locator('a.gallery__link[data-state="login-form/error-password"]')).toBeVisible();
  await expect(page.locator('a.gallery__link[data-state="login-form/empty"]')).toBeHidden();
  await page.locator('#gallery-search').fill('no such state anywhere');
  await expect(page.locator('#gallery-count')).toHaveText(`0 of ${total} states`);
});

test('the list is usable by keyboard: arrows move, Enter opens', async ({ page }) => {
  await openGallery(page, '?c=login-form&s=empty');
  await page.locator('#gallery-search').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('.gallery__area-name').first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('.gallery__component-name', { hasText: /^login-form$/ })).toBeFocused();
  await page.keyboard.press('ArrowDown'); // the sheet link
  await page.keyboard.press('ArrowDown'); // login-form/empty
  await page.keyboard.press('ArrowDown'); // login-form/filled
  await expect(page.locator('a.gallery__link[data-state="login-form/filled"]')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#gallery-frame')).toHaveAttribute('data-state', 'login-form/filled');
  await page.keyboard.press('ArrowUp');
  await expect(page.locator('a.gallery__link[data-state="login-form/empty"]')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(page.locator('.gallery__area-name').first()).toBeFocused();
  await page.keyboard.press('End');
  await expect(page.locator('.gallery__tree summary, .gallery__tree a').filter({ visible: true }).last()).toBeFocused();
});

test('a sheet shows every state of a component; a second language sits beside the first', async ({ page }) => {
  const states = statesOf('purchase-list');
  await openGallery(page, '?c=purchase-list&s=every-state');
  await page.locator('.gallery__component', { has: page.locator('summary', { hasText: /^purchase-list$/ }) })
    .locator('.gallery__sheet-link').click();
  await expect(page).toHaveURL(/sheet=purchase-list/);
  const cards = page.locator('#gallery-sheet .gallery__card');
  await expect(cards).toHaveCount(states.length);
  await expect(cards.locator('.gallery__caption')).toHaveText(states);
  await expect(cards.first().locator('.gallery__frame')).toHaveCount(1);
  await page.locator('#gallery-lang2').selectOption('nl');
  await expect(page).toHaveURL(/lang2=nl/);
  await expect(cards.first().locator('.gallery__frame')).toHaveCount(2);
  const [en, nl] = [cards.first().locator('.gallery__frame').first(), cards.first().locator('.gallery__frame').nth(1)];
  await expect(nl).toHaveAttribute('lang', 'nl');
  await expect(en).toContainText('Hide expired');
  await expect(nl).toContainText('Verlopen verbergen');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectNoA11yViolations(page);
});

test('width presets and a free width; the frame shows its size', async ({ page }) => {
  await openGallery(page, '?c=account-home&s=default');
  const frame = page.locator('#gallery-frame');
  const width = async () => Math.round((await frame.boundingBox())!.width);
  await expect(page.locator('#gallery-size')).toHaveText('desktop · 360 px × 640 px');
  expect(await width()).toBe(360);
  await page.getByRole('group', { name: 'Width' }).getByRole('link', { name: 'tablet' }).click();
  await expect(page.locator('#gallery-size')).toHaveText('tablet · 768 px × 640 px');
  expect(await width()).toBe(768);
  await page.getByRole('group', { name: 'Width' }).getByRole('link', { name: 'phone' }).click();
  await expect(page.locator('#gallery-size')).toHaveText('phone · 375 px × 640 px');
  expect(await width()).toBe(375);
  await page.locator('#gallery-width').fill('512');
  await page.locator('#gallery-width').press('Enter');
  await expect(page).toHaveURL(/w=512/);
  await expect(page.locator('#gallery-size')).toHaveText('512 px × 640 px');
  expect(await width()).toBe(512);
});

// Baselines for five components' sheets (phone width, English).
for (const c of ['empty-login', 'cloud-info', 'cloud-trash', 'danger-delete-account', 'account-home']) {
  test(`sheet of ${c}: every state present, picture unchanged`, async ({ page }) => {
    await page.clock.setFixedTime(new Date('2026-11-20T12:00:00Z'));
    await page.setViewportSize({ width: 1280, height: 800 });
    await openGallery(page, `?sheet=${c}&lang=en&vp=phone`);
    const sheet = page.locator('#gallery-sheet');
    await expect(sheet.locator('.gallery__caption')).toHaveText(statesOf(c));
    await page.evaluate(() => document.fonts.ready);
    // Tall enough for the whole sheet (the stage scrolls inside the page).
    const height = await page.locator('.gallery__stage').evaluate((el) => el.scrollHeight);
    await page.setViewportSize({ width: 1280, height: Math.min(height + 40, 4000) });
    // A state with an open dialog keeps it inside its own card (cloud-trash and the delete page have some).
    const dialogs = page.locator('#gallery-sheet dialog[open]');
    for (let i = 0; i < await dialogs.count(); i++) {
      const box = (await dialogs.nth(i).boundingBox())!;
      const card = (await dialogs.nth(i).locator('xpath=ancestor::figure').boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(card.x - 1);
      expect(box.x + box.width).toBeLessThanOrEqual(card.x + card.width + 1);
    }
    await expect(sheet).toHaveScreenshot(`sheet--${c}.png`);
  });
}

test('the review page puts a deliberately changed state first', async ({ page, baseURL }) => {
  // Baselines of three states, one of them replaced by another state's picture.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'review-baselines-'));
  for (const f of ['cloud-info--pro--desktop.png', 'cloud-info--no-files--desktop.png', 'empty-login--default--desktop.png',
    'ar-empty-login--default--desktop.png', 'de-empty-login--default--phone.png']) {
    if (existsSync(path.join(SHOTS, f))) copyFileSync(path.join(SHOTS, f), path.join(dir, f));
  }
  copyFileSync(path.join(SHOTS, 'cloud-info--no-files--desktop.png'), path.join(dir, 'cloud-info--pro--desktop.png'));
  const out = mkdtempSync(path.join(os.tmpdir(), 'review-'));
  execFileSync('node', [path.join(ROOT, 'scripts/gallery-review.mjs'), '--url', baseURL!, '--baselines', dir, '--out', out,
    '--only', '^((cloud-info--(pro|no-files)|(ar-)?empty-login--default)--desktop|de-empty-login--default--phone)$'], { stdio: 'pipe' });
  await page.goto(pathToFileURL(path.join(out, 'index.html')).href);
  const cards = page.locator('.card');
  await expect(cards.first()).toHaveAttribute('data-name', 'cloud-info--pro--desktop');
  await expect(cards.first()).toHaveAttribute('data-status', 'changed');
  await expect(cards.first().getByRole('img', { name: /Baseline/ })).toBeVisible();
  await expect(cards.first().getByRole('img', { name: /Current/ })).toBeVisible();
  await expect(page.locator('.card[data-name="cloud-info--no-files--desktop"]')).toHaveAttribute('data-status', 'same');
  // Arabic and the other languages are reviewed too, each in its own language.
  await expect(page.locator('.card[data-name="ar-empty-login--default--desktop"]')).toHaveAttribute('data-status', 'same');
  await expect(page.locator('.card[data-name="de-empty-login--default--phone"]')).toHaveAttribute('data-status', 'same');
  await expect(page.locator('#summary')).toContainText('1 changed');
});

test('the static gallery opens from a plain folder and navigates', async ({ browser }) => {
  test.skip(!existsSync(path.join(STATIC, 'index.html')), 'no static gallery (scripts/gallery-static.sh)');
  test.setTimeout(90_000);
  // No server: a fresh context opening the folder's index.html.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${pathToFileURL(path.join(STATIC, 'index.html')).href}?c=cloud-info&s=pro`);
  await expect(page.locator('#gallery-frame')).toHaveAttribute('data-state', 'cloud-info/pro', { timeout: 60_000 });
  await expect(page.locator('#gallery-frame')).toContainText('Download');
  await page.locator('#gallery-search').fill('trash');
  await page.locator('a.gallery__link[data-state="cloud-trash/rows"]').click();
  await expect(page.locator('#gallery-frame')).toHaveAttribute('data-state', 'cloud-trash/rows');
  expect(page.url()).toMatch(/^file:.*c=cloud-trash&s=rows/);
  expect(errors).toEqual([]);
  await context.close();
});
