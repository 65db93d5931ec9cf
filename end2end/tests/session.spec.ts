import { test, expect, type Browser, type BrowserContext } from '@playwright/test';
import { DEMO, login } from './helpers';

/** A "browser restart": a new context that keeps only the cookies that outlive the session. */
async function restart(browser: Browser, old: BrowserContext) {
  const state = await old.storageState();
  await old.close();
  const cookies = state.cookies.filter((c) => c.expires !== -1);
  return browser.newContext({ storageState: { cookies, origins: state.origins } });
}

test('the login form promises no "Stay logged in" (the server has no such session)', async ({ page }) => {
  await page.goto('/map/account/login');
  await expect(page.locator('#se-submit-login')).toBeVisible();
  await expect(page.getByLabel('Stay logged in')).toHaveCount(0);
  await expect(page.locator('input[type=checkbox]')).toHaveCount(0);
});

test('a browser restart logs out, and the e-mail is remembered for the form', async ({ browser }) => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const sent: string[] = [];
  page.on('request', (r) => { if (r.url().includes('/mapapi/auth/login')) sent.push(r.postData() ?? ''); });
  await login(page, DEMO);
  // The login asked for nothing the server does not do.
  expect(sent).toHaveLength(1);
  expect(Object.keys(JSON.parse(sent[0])).sort()).toEqual(['lang', 'password', 'username']);
  const again = await restart(browser, ctx);
  const p2 = await again.newPage();
  await p2.goto('/map/account/');
  await expect(p2.locator('#se-empty-login-page')).toBeVisible();
  await p2.locator('#se-login-btn').click();
  await expect(p2.getByLabel('Email')).toHaveValue(DEMO.email);
  await expect(p2.getByLabel('Password', { exact: true })).toBeFocused();
  await again.close();
});

test('a session that ended on the server sends the user to login and back to the same page', async ({ page }) => {
  await login(page, DEMO);
  await page.goto('/map/account/purchases/');
  await expect(page.locator('#se-account-email, .panel__title').first()).toBeVisible();
  // The server forgets the session (as after its 30-day idle limit); the app still thinks it is in.
  await page.evaluate(() => fetch('/mapapi/auth/logout', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }));
  await page.evaluate(() => { history.pushState(null, '', '/map/account/cloud'); dispatchEvent(new PopStateEvent('popstate')); });
  await expect(page).toHaveURL(/\/map\/account\/login\?redirect=%2Fmap%2Faccount%2Fcloud/);
  await expect(page.locator('#se-alert-login-info')).toContainText('Your session has ended');
  await page.getByLabel('Password', { exact: true }).fill(DEMO.password);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/map\/account\/cloud$/);
});

test('a logged-out visitor of a deep link logs in first and comes back', async ({ page }) => {
  await page.goto('/map/account/purchases/');
  await expect(page).toHaveURL(/\/map\/account\/login\?redirect=%2Fmap%2Faccount%2Fpurchases%2F/);
  await page.getByLabel('Email').fill(DEMO.email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO.password);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/map\/account\/purchases\/$/);
});

test('links move inside the app without reloading it; Back and Forward follow; a Ctrl-click opens a new tab', async ({ page, context }) => {
  await login(page, DEMO);
  // A mark on the window: a page load would wipe it.
  await page.evaluate(() => { (window as unknown as { stay: number }).stay = 1; });
  const stayed = () => page.evaluate(() => (window as unknown as { stay?: number }).stay === 1);

  await page.locator('#se-login-menu-osmand-purchases').click();
  await expect(page).toHaveURL(/\/map\/account\/purchases\/?$/);
  await expect(page.locator('#se-purchases-list')).toBeVisible();
  await page.locator('#se-purchases-menu-back').click();
  await expect(page.locator('#se-login-menu-osmand-cloud-item')).toBeVisible();
  await page.locator('#se-login-menu-osmand-cloud-item').click();
  await expect(page.locator('#cloud-info-total-files')).toBeVisible();

  await page.goBack();
  await expect(page).toHaveURL(/\/map\/account\/?$/);
  await expect(page.locator('#se-account-email')).toHaveText(DEMO.email);
  await page.goBack();
  await expect(page.locator('#se-purchases-list')).toBeVisible();
  await page.goForward();
  await expect(page.locator('#se-account-email')).toHaveText(DEMO.email);
  expect(await stayed()).toBe(true);

  // Ctrl-click: the browser's own new tab, and this page stays where it is.
  const [tab] = await Promise.all([
    context.waitForEvent('page'),
    page.locator('#se-login-menu-osmand-purchases').click({ modifiers: ['Control'] }),
  ]);
  await tab.waitForLoadState();
  expect(new URL(tab.url()).pathname).toMatch(/^\/map\/account\/purchases\/?$/);
  await expect(page).toHaveURL(/\/map\/account\/?$/);
  expect(await stayed()).toBe(true);
});
