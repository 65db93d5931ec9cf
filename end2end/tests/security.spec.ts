import { test, expect } from '@playwright/test';
import { login } from './helpers';

test('the app runs under the strict CSP with no violation', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => { if (/Content Security Policy|Refused to/.test(m.text())) violations.push(m.text()); });
  const res = await page.goto('/map/account/');
  const csp = res?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(res?.headers()['x-content-type-options']).toBe('nosniff');
  expect(res?.headers()['referrer-policy']).toBe('no-referrer');
  await expect(page.locator('#se-empty-login-page')).toBeVisible();
  await page.evaluate(() => new Promise((r) => setTimeout(r, 0)));
  expect(violations).toEqual([]);
  // No inline script is left in the page.
  expect(await page.locator('script:not([src])').count()).toBe(0);
});

test('an e-mail address full of HTML renders as text', async ({ page, request }) => {
  const email = `<img/src=x/onerror=alert(1)>${Date.now()}@example.com`.toLowerCase();
  const made = await request.post('/dev/accounts', { data: { email, password: 'payload-password', pro: false, files: 'none' } });
  expect(made.ok(), await made.text()).toBeTruthy();
  let dialogs = 0;
  page.on('dialog', async (d) => { dialogs += 1; await d.dismiss(); });
  await login(page, { email, password: 'payload-password' });
  await expect(page.locator('#se-account-email')).toHaveText(email);
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(dialogs).toBe(0);
});

test('nothing sensitive is kept in localStorage', async ({ page }) => {
  await login(page, { email: 'demo@example.com', password: 'demo-password' });
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  expect(stored).not.toContain('demo-password');
  expect(stored).not.toMatch(/JSESSIONID|session/i);
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === 'JSESSIONID');
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe('Lax');
});

test('the session cookie ends with the browser, as on osmand.net (no Max-Age)', async ({ page }) => {
  await login(page, { email: 'demo@example.com', password: 'demo-password' });
  const session = (await page.context().cookies()).find((c) => c.name === 'JSESSIONID');
  expect(session?.expires).toBe(-1);
});

test('purchase names and stores full of HTML render as text', async ({ page }) => {
  const payload = '<img src=x onerror=alert(1)>';
  const sub = {
    sku: 'osmand_pro_monthly_full', platform: 'google', valid: 'true', state: 'active',
    start_time: '1735689600000', expire_time: '4102444800000', billingDate: '4102444800000',
    name: `Pro ${payload}`, type: 'monthly', store: `Store ${payload}`,
  };
  const inapp = { sku: 'net.osmand.maps.inapp.plus', valid: 'true', purchaseTime: '1500000000000', name: `Maps ${payload}`, store: payload, platform: 'apple' };
  await page.route('**/mapapi/get-account-info', (route) => route.fulfill({
    contentType: 'application/json',
    body: JSON.stringify({ info: { maxAccSize: '3145728000', account: 'Pro', subscriptions: JSON.stringify([sub]), inAppPurchases: JSON.stringify([inapp]) } }),
  }));
  let dialogs = 0;
  page.on('dialog', async (d) => { dialogs += 1; await d.dismiss(); });
  await login(page, { email: 'demo@example.com', password: 'demo-password' });
  await page.goto('/map/account/purchases/');
  await expect(page.locator('#se-purchases-list')).toContainText(`Pro ${payload}`);
  await expect(page.locator('#se-purchases-list')).toContainText(`Maps ${payload}`);
  await page.goto('/map/account/purchases/sub0');
  await expect(page.locator('#se-purchase-info-store')).toContainText(payload);
  await page.goto('/map/account/purchases/inapp0');
  await expect(page.locator('#se-purchase-info-store')).toBeVisible();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(dialogs).toBe(0);
});
