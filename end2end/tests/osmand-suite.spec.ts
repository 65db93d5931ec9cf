import { test, expect, type Page } from '@playwright/test';

// OsmAnd's own browser suite (osmandapp/web, tests/selenium) drives the Account panel only
// through ids, the page title, two window variables and URLs
// (../shared/reference/osmand-browser-tests.md). This spec takes the same steps, in the same
// order, with the same waits and hooks, written here in our own words: if it passes, OsmAnd's
// QA can point their suite at this panel unchanged.
//
// Their waits: an id is "present" when an element with it exists and its computed visibility is
// not `hidden` (display:none still counts); they poll (WebDriver's default: every 500 ms), wait
// at most 45 s, 10 s for an element that must vanish, and click the first match in DOM order.

const SITE = '/map/#17/50.45009/30.52340';
const ACCOUNT = { email: 'osmand@grr.la', password: '0xDEADBEEF' };
const WAIT = { timeout: 45_000, polling: 500 };
const GONE = { timeout: 10_000, polling: 500 };

/** `[id="…"]`: ids may hold spaces (`se-subs-item-OsmAnd Promo`). */
const byId = (page: Page, id: string) => page.locator(`[id=${JSON.stringify(id)}]`).first();

async function present(page: Page, id: string) {
  await page.waitForFunction((i) => {
    const el = document.getElementById(i);
    return !!el && getComputedStyle(el).visibility !== 'hidden';
  }, id, WAIT);
}

async function gone(page: Page, id: string) {
  await page.waitForFunction((i) => {
    const el = document.getElementById(i);
    return !el || getComputedStyle(el).visibility === 'hidden';
  }, id, GONE);
}

async function click(page: Page, id: string) {
  await present(page, id);
  await byId(page, id).click();
}

async function type(page: Page, id: string, text: string) {
  await present(page, id);
  await byId(page, id).fill(text);
}

/** Idle: the activity stamp is set and at least `ms` old. */
async function idle(page: Page, ms = 1000) {
  await page.waitForFunction((quiet) => {
    const t = (window as unknown as { seActivityTimestamp?: number }).seActivityTimestamp;
    return typeof t === 'number' && t > 0 && Date.now() - t >= quiet;
  }, ms, WAIT);
}

async function open(page: Page, url = SITE) {
  await page.goto(url);
  await expect(page).toHaveTitle('OsmAnd Map', { timeout: 45_000 });
  await idle(page);
}

async function finish(page: Page) {
  await idle(page, 3000);
  const tiles = await page.evaluate(() => (window as unknown as { seIsTilesLoaded?: boolean }).seIsTilesLoaded);
  expect(tiles).toBe(true);
}

async function logIn(page: Page, email = ACCOUNT.email) {
  await click(page, 'se-login-button');
  await click(page, 'se-login-btn');
  await type(page, 'username', email);
  await type(page, 'pwd', ACCOUNT.password);
  await click(page, 'se-submit-login');
  await present(page, 'se-logout-button');
  await idle(page);
}

async function urlContains(page: Page, part: string) {
  await expect.poll(() => page.url(), { timeout: 45_000 }).toContain(part);
}

test('load site', async ({ page }) => {
  await open(page);
  await finish(page);
});

test('login', async ({ page }) => {
  await open(page);
  await logIn(page);
  await finish(page);
});

test('upper-case login', async ({ page }) => {
  await open(page);
  await logIn(page, ACCOUNT.email.toUpperCase());
  await finish(page);
});

test('account actions', async ({ page }) => {
  await open(page);
  await logIn(page);
  // The account home, right after login, with no further click.
  await present(page, 'se-login-menu-osmand-purchases');
  await present(page, 'se-login-menu-user-item');
  await click(page, 'se-login-menu-user-item-actions');
  await click(page, 'se-account-change-email');
  await present(page, 'se-change-email-dialog');
  await click(page, 'se-change-email-dialog-close-btn');
  await finish(page);
});

test('delete account, logged in', async ({ page }) => {
  await open(page);
  await logIn(page);
  await page.goto('/map/delete-account');
  await present(page, 'se-delete-account-dialog');
  await finish(page);
});

test('delete account, logged out', async ({ page }) => {
  await open(page, '/map/delete-account');
  await present(page, 'se-empty-login-page');
  await present(page, 'se-alert-login-info');
  await click(page, 'se-login-btn');
  await type(page, 'username', ACCOUNT.email);
  await type(page, 'pwd', ACCOUNT.password);
  await click(page, 'se-submit-login');
  await gone(page, 'se-login-menu-name');
  await present(page, 'se-delete-account-dialog');
  await finish(page);
});

test('logged out by server', async ({ page, context }) => {
  await open(page);
  await logIn(page);
  await context.clearCookies();
  // No polling timer: the panel checks again when the tab comes back into view (the suite's
  // browser switches windows; here the event is sent as the browser would).
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));
  await gone(page, 'se-logout-button');
  await click(page, 'se-login-button');
  await present(page, 'se-alert-login-info');
  await finish(page);
});

test('backup', async ({ page }) => {
  await open(page);
  await logIn(page);
  await click(page, 'se-login-menu-osmand-cloud-item');
  for (const id of ['cloud-info-total-files', 'cloud-info-storage', 'cloud-info-cloud-storage']) await present(page, id);
  await click(page, 'se-download-backup');
  await present(page, 'se-download-backup-dialog');
  const download = page.waitForEvent('download');
  await click(page, 'se-download-backup-btn');
  // Polled every 500 ms: the bar must be up long enough to be seen.
  await present(page, 'se-download-backup-progress');
  await gone(page, 'se-download-backup-progress');
  expect(await page.locator('#se-download-backup-error').count()).toBe(0);
  expect((await download).suggestedFilename()).toMatch(/^Export_\d\d-\d\d-\d\d\.(zip|osf)$/);
  await finish(page);
});

test('purchases', async ({ page }) => {
  await open(page);
  await logIn(page);
  await click(page, 'se-login-menu-osmand-purchases');
  await urlContains(page, 'purchases');
  await present(page, 'se-purchases-menu-back');
  await present(page, 'se-subs-item-OsmAnd Promo');
  await click(page, 'se-subs-item-OsmAnd Promo');
  await present(page, 'se-purchase-info-header-back');
  await urlContains(page, 'sub0');
  await present(page, 'se-purchase-info-expire-time');
  await present(page, 'se-purchase-info-store');
  await click(page, 'se-purchase-info-header-back');
  await urlContains(page, 'purchases');
  await click(page, 'se-purchases-menu-back');
  await urlContains(page, 'account');
  await finish(page);
});

test('the activity stamp is written when a call ends, so a slow call keeps the page busy', async ({ page }) => {
  await open(page);
  await logIn(page);
  await page.request.post('/dev/faults', { data: { path: '/mapapi/get-account-info', delay_ms: 1500, times: 1 } });
  const clicked = Date.now();
  await click(page, 'se-login-menu-osmand-purchases');
  await idle(page);
  const stamp = await page.evaluate(() => (window as unknown as { seActivityTimestamp: number }).seActivityTimestamp);
  expect(stamp - clicked).toBeGreaterThanOrEqual(1400);
  await present(page, 'se-subs-item-OsmAnd Promo');
  await page.request.delete('/dev/faults');
  await finish(page);
});
