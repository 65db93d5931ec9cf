import { test, expect, type Page } from '@playwright/test';
import { DEMO, FREE, clearFaults, expectNoA11yViolations, fault, freshAccount, login } from './helpers';

// Payments and purchases (issue #5): every seeded purchase in the list and in its details, the
// store help and manage links, deep links, the free row, the empty state, Hide expired.

test.afterEach(async ({ request }) => clearFaults(request));

const PILL: Record<string, string> = {
  active: 'Active',
  cancelled: 'Cancelled',
  in_grace_period: 'In grace period',
  on_hold: 'On hold',
  paused: 'Paused',
  expired: 'Expired',
  undefined: 'Unknown',
};
const MANAGE: Record<string, string | null> = {
  'Google Play': 'https://play.google.com/store/account/subscriptions',
  'Apple App Store': 'https://account.apple.com/account/manage/section/subscriptions',
  'Huawei AppGallery': 'https://consumer.huawei.com/en/support/content/en-us00729195/',
  'OsmAnd Web (FastSpring)': 'https://osmand.onfastspring.com/account',
  Amazon: null,
  Other: null,
};
const HELP: Record<string, RegExp> = {
  'Google Play': /Google Play/,
  'Apple App Store': /Apple account/,
  'Huawei AppGallery': /Huawei AppGallery/,
  'OsmAnd Web (FastSpring)': /FastSpring account portal/,
  Amazon: /Amazon Appstore closed on 20 August 2025.*another platform/,
  Other: /support@osmand\.net/,
};

async function purchasesOf(page: Page) {
  const info = (await (await page.request.get('/mapapi/get-account-info')).json()).info;
  return { info, subs: JSON.parse(info.subscriptions) as any[], inapps: JSON.parse(info.inAppPurchases) as any[] };
}

const row = (page: Page, item: string) => page.locator(`a[href="/map/account/purchases/${item}"]`);

test('every seeded subscription: list text and truthful pill, details, store help and manage link', async ({ page }) => {
  test.setTimeout(90_000);
  await login(page, DEMO);
  await expect(page.locator('#se-login-menu-purchases-status')).toHaveText('Active · OsmAnd Pro');
  const { subs } = await purchasesOf(page);
  expect(subs.length).toBeGreaterThanOrEqual(8);
  for (const state of ['active', 'cancelled', 'in_grace_period', 'on_hold', 'paused', 'expired']) {
    expect(subs.map((s) => s.state)).toContain(state);
  }
  expect(new Set(subs.map((s) => s.store))).toEqual(new Set(Object.keys(MANAGE)));
  await page.locator('#se-login-menu-osmand-purchases').click();
  await expect(page).toHaveURL(/\/map\/account\/purchases\/$/);
  for (const [i, s] of subs.entries()) {
    const r = row(page, `sub${i}`);
    await expect(r).toContainText(s.name);
    await expect(r.locator('.pill')).toHaveText(PILL[s.state]);
    await expect(r).toContainText(s.billingDate ? /Next billing date: (?!N\/A)/ : 'Next billing date: N/A');
    if (s.type) await expect(r).toContainText(s.type === 'annual' ? 'Annual subscription' : 'Monthly subscription');
    if (s.state === 'cancelled') await expect(r).toContainText(/Still active until .* days? left/);
    if (s.state === 'expired') await expect(r).toContainText('Ended on');
  }
  for (const [i, s] of subs.entries()) {
    await page.goto(`/map/account/purchases/sub${i}`);
    await expect(page.locator('#se-purchase-info-store')).toHaveText(s.store);
    await expect(page.locator('#se-purchase-info-status')).toHaveText(PILL[s.state]);
    await expect(page.locator('.panel__title, h1').first()).toHaveText(s.name);
    await expect(page.locator('.pdetails__help')).toContainText(HELP[s.store]);
    const link = page.locator('#se-purchase-manage');
    if (MANAGE[s.store]) {
      await expect(link).toHaveAttribute('href', MANAGE[s.store]!);
      await expect(link).toHaveAttribute('target', '_blank');
      await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    } else {
      await expect(link).toHaveCount(0);
    }
  }
});

test('one-time purchases: list and details', async ({ page }) => {
  await login(page, DEMO);
  const { inapps } = await purchasesOf(page);
  expect(inapps.length).toBeGreaterThanOrEqual(2);
  await page.goto('/map/account/purchases/');
  for (const [i, p] of inapps.entries()) {
    const r = row(page, `inapp${i}`);
    await expect(r).toContainText(p.name);
    await expect(r).toContainText('One-time payment');
    await expect(r).toContainText('Purchased: ');
  }
  await page.goto('/map/account/purchases/inapp0');
  await expect(page.locator('#se-purchase-info-type')).toHaveText('One-time payment');
  await expect(page.locator('#se-purchase-info-store')).toHaveText(inapps[0].store);
  await expect(page.locator('#se-purchase-manage')).toHaveCount(0);
});

test('deep links: a purchase opens directly; a bad index returns to the list with a notice', async ({ page }) => {
  await login(page, DEMO);
  const { subs } = await purchasesOf(page);
  await page.goto('/map/account/purchases/sub2');
  await expect(page.locator('#se-purchase-info-store')).toHaveText(subs[2].store);
  await page.locator('#se-purchase-info-header-back').click();
  await expect(page).toHaveURL(/\/map\/account\/purchases\/$/);
  for (const bad of ['sub99', 'inapp42', 'nonsense']) {
    await page.goto(`/map/account/purchases/${bad}`);
    await expect(page).toHaveURL(/\/map\/account\/purchases\/\?missing=/);
    await expect(page.locator('#se-purchases-notice')).toHaveText('That purchase could not be found. Here are all your purchases.');
    await expect(row(page, 'sub0')).toBeVisible();
  }
  // The free row exists only for free accounts.
  await page.goto('/map/account/purchases/free');
  await expect(page.locator('#se-purchases-notice')).toBeVisible();
});

test('a logged-out deep link logs in first and comes back to the purchase', async ({ page }) => {
  await page.goto('/map/account/purchases/sub1');
  await expect(page).toHaveURL(/\/map\/account\/login/);
  await page.getByLabel('Email').fill(DEMO.email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO.password);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/map\/account\/purchases\/sub1$/);
  await expect(page.locator('#se-purchase-info-store')).toBeVisible();
});

test('Hide expired hides exactly the expired ones and is remembered', async ({ page }) => {
  await login(page, DEMO);
  const { subs } = await purchasesOf(page);
  const expired = subs.filter((s) => s.state === 'expired').length;
  await page.goto('/map/account/purchases/');
  const rows = page.locator('.pcard--link');
  await expect(row(page, 'sub0')).toBeVisible();
  const all = await rows.count();
  expect(all).toBeGreaterThan(expired);
  await page.locator('#se-purchases-hide-expired').check();
  await expect(rows).toHaveCount(all - expired);
  await expect(page.locator('.purchases__hidden')).toHaveText(`${expired} expired purchases hidden`);
  await page.reload();
  await expect(page.locator('#se-purchases-hide-expired')).toBeChecked();
  await expect(rows).toHaveCount(all - expired);
  await page.locator('#se-purchases-hide-expired').uncheck();
  await expect(rows).toHaveCount(all);
});

test('free account: the OsmAnd Start row and its details; no purchases: the empty state with Learn more', async ({ page, request }) => {
  await login(page, FREE);
  await expect(page.locator('#se-login-menu-purchases-status')).toHaveText('OsmAnd Start');
  await page.goto('/map/account/purchases/');
  const free = page.locator('#se-free-item');
  await expect(free).toContainText('OsmAnd Start');
  await expect(free).toContainText('Free account');
  await expect(free.locator('.pill')).toHaveText('Active');
  await free.click();
  await expect(page).toHaveURL(/\/purchases\/free$/);
  await expect(page.locator('#se-purchase-info-store')).toHaveText('OsmAnd Web');
  // Its own help (nothing to manage), not a second copy of the cross-platform text below it.
  await expect(page.locator('.pdetails__help')).toContainText('free plan that comes with every OsmAnd account');
  await expect(page.getByText('belong to your OsmAnd account')).toHaveCount(1);
  const who = await freshAccount(request, { pro: false });
  await page.locator('#se-purchase-info-header-back').click();
  await page.goto('/map/account/');
  await page.locator('#se-logout-btn').click();
  await login(page, who);
  await page.goto('/map/account/purchases/');
  await expect(page.locator('#se-empty-purchase-page')).toContainText("You don't have any purchases");
  const more = page.locator('#se-purchases-learn-more');
  await expect(more).toHaveAttribute('href', 'https://osmand.net/pricing');
  await expect(more).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(page.locator('#se-purchases-cross')).toContainText('Restore purchases');
});

test('a failed load shows the reason and Retry recovers', async ({ page, request }) => {
  await login(page, DEMO);
  await fault(request, { path: '/mapapi/get-account-info', status: 500, times: 1 });
  await page.goto('/map/account/purchases/');
  const error = page.locator('#se-purchases-error');
  await expect(error).toContainText('error 500');
  await error.getByRole('button').click();
  await expect(row(page, 'sub0')).toBeVisible();
});

test('axe: list and details, en and nl', async ({ page }) => {
  await login(page, DEMO);
  const paused = (await purchasesOf(page)).subs.findIndex((s) => s.state === 'paused');
  for (const lang of ['en', 'nl']) {
    await page.goto('/map/account/purchases/');
    if (lang === 'nl') await page.getByRole('combobox').selectOption('nl');
    await expect(row(page, 'sub0')).toBeVisible();
    await expectNoA11yViolations(page);
    await page.goto(`/map/account/purchases/sub${paused}`);
    await expect(page.locator('#se-purchase-info-store')).toBeVisible();
    await expectNoA11yViolations(page);
  }
  await expect(page.locator('#se-purchase-info-status')).toHaveText('Gepauzeerd');
});
