import { test, expect, type Page } from '@playwright/test';
import { DEMO, FREE, clearFaults, expectNoA11yViolations, fault, freshAccount, login, uniqueEmail } from './helpers';

// Payments and purchases (issue #5): every seeded purchase in the list and in its details, the
// store help and manage links, deep links, the free row, the empty state, Hide expired.
// Purchases help (issue #19): every section under the FAQ's anchor, in-context links, logged
// out, Dutch. Truthful card wording per state (issue #20 item 6).

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
  Amazon: /Amazon Appstore closed on 20 August 2025.*another platform.*OsmAnd\+.*support@osmand\.net/,
  Other: /support@osmand\.net/,
};

async function purchasesOf(page: Page) {
  const info = (await (await page.request.get('/mapapi/get-account-info')).json()).info;
  return { info, subs: JSON.parse(info.subscriptions) as any[], inapps: JSON.parse(info.inAppPurchases) as any[] };
}

// What a card says for a past date or a renewal that waits (issue #20 item 6).
const BILLING: Record<string, string> = {
  on_hold: 'Payment not received: update your payment method in the store',
  paused: 'Billing resumes when the pause ends',
};
const SINCE: Record<string, string> = { on_hold: 'On hold since', paused: 'Paused since', expired: 'Expired on' };
const DATE_LABEL: Record<string, string> = { on_hold: 'On hold since', paused: 'Paused since', expired: 'Expired on', undefined: 'Expired on' };

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
    await expect(r).toContainText(BILLING[s.state] ?? (Number(s.billingDate) > Date.now() ? /Next billing date: (?!N\/A)/ : 'Next billing date: N/A'));
    if (s.type) await expect(r).toContainText(s.type === 'annual' ? 'Annual subscription' : 'Monthly subscription');
    if (s.state === 'cancelled') await expect(r).toContainText(/Still active until .* days? left/);
    if (SINCE[s.state]) await expect(r).toContainText(SINCE[s.state]);
    // No card speaks of a next billing date in the past, and only expired ones are "expired".
    if (Number(s.billingDate) <= Date.now()) await expect(r).not.toContainText(/Next billing date: (?!N\/A)/);
    if (s.state !== 'expired') await expect(r).not.toContainText('Expired on');
    await expect(r).not.toContainText('Ended');
  }
  for (const [i, s] of subs.entries()) {
    await page.goto(`/map/account/purchases/sub${i}`);
    await expect(page.locator('#se-purchase-info-store')).toHaveText(s.store);
    await expect(page.locator('#se-purchase-info-status')).toHaveText(PILL[s.state]);
    await expect(page.locator('.pdetails__row', { has: page.locator('#se-purchase-info-expire-time') }).locator('dt'))
      .toHaveText(DATE_LABEL[s.state] ?? 'Expires');
    await expect(page.locator('#se-purchase-help-link')).toHaveAttribute('href', '/map/account/purchases/help');
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

test('Hide expired hides exactly the expired ones and is remembered; active comes first', async ({ page }) => {
  await login(page, DEMO);
  const { subs } = await purchasesOf(page);
  const expired = subs.filter((s) => s.state === 'expired').length;
  await page.goto('/map/account/purchases/');
  const rows = page.locator('.pcard--link');
  await expect(row(page, 'sub0')).toBeVisible();
  const all = await rows.count();
  expect(all).toBeGreaterThan(expired);
  // The list calls exactly these ended, and the active subscription leads (server order: 4th).
  await expect(rows.filter({ hasText: 'Expired on' })).toHaveCount(expired);
  const active = subs.findIndex((s) => s.state === 'active');
  expect(active).toBeGreaterThan(0);
  await expect(rows.first()).toHaveAttribute('href', `/map/account/purchases/sub${active}`);
  await expect(rows.first().locator('.pill')).toHaveText('Active');
  await page.locator('#se-purchases-hide-expired').check();
  await expect(rows).toHaveCount(all - expired);
  await expect(rows.filter({ hasText: 'Expired on' })).toHaveCount(0);
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
    if (lang === 'nl') {
      await page.getByRole('combobox').selectOption('nl');
      await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    }
    await expect(row(page, 'sub0')).toBeVisible();
    await expectNoA11yViolations(page);
    await page.goto(`/map/account/purchases/sub${paused}`);
    await expect(page.locator('#se-purchase-info-store')).toBeVisible();
    await expectNoA11yViolations(page);
  }
  await expect(page.locator('#se-purchase-info-status')).toHaveText('Gepauzeerd');
});

// ---- Purchases help (issue #19) ----

const HELP_ANCHORS = [
  'cross-platform-purchases',
  'how-to-link-your-purchase-to-osmand-cloud-account',
  'purchase-association-with-multiple-osmand-cloud-accounts',
  'how-to-buy-and-restore-osmand-in-the-huawei-appgallery-without-huawei-mobile-services',
  'amazon-store-is-closing---what-to-do',
  'how-to-restore-the-topography-formerly-contour-lines-plugin-purchase',
  'how-to-identify-if-osmand-unlimited-is-active',
  'can-i-get-the-full-version-of-osmand-as-a-separate-app-for-ios',
  'what-do-5-or-7-free-downloads-mean',
  'how-can-i-get-additional-map-downloads-in-osmand-free',
  'verification-code-for-osmand-cloud-not-received',
];
const [CROSS, LINKING, ACCOUNTS, HUAWEI, AMAZON, TOPOGRAPHY, , , FREE_DOWNLOADS, EXTRA_DOWNLOADS, CODE] = HELP_ANCHORS;
const HELP_HOSTS = ['play.google.com', 'account.apple.com', 'consumer.huawei.com', 'osmand.onfastspring.com', 'osmand.net'];

/** The help is open on `anchor`: the section is scrolled into view and its heading has focus. */
async function expectLandedOn(page: Page, anchor: string) {
  await expect(page).toHaveURL(new RegExp(`/map/account/purchases/help#${anchor}$`));
  await expect(page.locator(`[id="${anchor}-title"]`)).toBeFocused();
  await expect(page.locator(`[id="${anchor}-title"]`)).toBeInViewport();
  // Only the panel body scrolled: its header (title, back arrow) is still in view.
  await expect(page.locator('.panel__title')).toBeInViewport();
}

test('help: every anchor of the FAQ opens its section, scrolled to and focused, without a login', async ({ page }) => {
  for (const anchor of HELP_ANCHORS) {
    // A fresh load each time (not a jump inside the page).
    await page.goto('about:blank');
    await page.goto(`/map/account/purchases/help#${anchor}`);
    await expect(page.locator('.panel__title')).toHaveText('Purchases help');
    await expect(page.locator(`section[id="${anchor}"]`)).toHaveCount(1);
    await expectLandedOn(page, anchor);
  }
  await expect(page.locator('.help__section')).toHaveCount(HELP_ANCHORS.length);
  // The contents list jumps the same way inside the page.
  await page.locator(`.help__toc a[href$="#${HUAWEI}"]`).click();
  await expectLandedOn(page, HUAWEI);
  await page.locator(`.help__toc a[href$="#${CROSS}"]`).click();
  await expectLandedOn(page, CROSS);
});

test('help: a bad anchor lands on the top', async ({ page }) => {
  await page.goto(`/map/account/purchases/help#${CODE}`);
  await expectLandedOn(page, CODE);
  const top = () => page.locator('.panel__body').evaluate((e) => e.scrollTop);
  expect(await top()).toBeGreaterThan(0);
  await page.goto('/map/account/purchases/help#no-such-section');
  await expect.poll(top).toBe(0);
  await expect(page.locator('.help__intro')).toBeInViewport();
  await page.goto('about:blank');
  await page.goto('/map/account/purchases/help#Cross-Platform-Purchases');
  await expect(page.locator('.help__intro')).toBeInViewport();
  expect(await top()).toBe(0);
});

test('help: logged out, in Dutch, axe clean; external links only to allowed hosts, in a new tab', async ({ page }) => {
  await page.goto('/map/account/purchases/help');
  await expect(page).toHaveURL(/\/map\/account\/purchases\/help$/);
  await expect(page.locator('#se-purchases-help-back')).toHaveAttribute('href', '/map/account/');
  await expectNoA11yViolations(page);
  const links = page.locator('#se-purchases-help a[target="_blank"]');
  expect(await links.count()).toBeGreaterThanOrEqual(10);
  for (const link of await links.all()) {
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    const href = (await link.getAttribute('href')) ?? '';
    expect(href.startsWith('https://'), href).toBeTruthy();
    expect(HELP_HOSTS, href).toContain(new URL(href).host);
  }
  await page.getByRole('combobox').selectOption('nl');
  // The Dutch texts are fetched first: wait until the page shows them.
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page.locator('.panel__title')).toHaveText('Hulp bij aankopen');
  await expect(page.locator(`[id="${LINKING}-title"]`)).toHaveText('Uw aankoop koppelen aan uw OsmAnd Cloud-account');
  await expect(page.locator(`[id="${HUAWEI}"]`)).toContainText('Menu → Instellingen → Aankopen → Aankopen herstellen');
  await expect(page.locator(`[id="${CROSS}"]`)).toContainText('OsmAnd Pro op maximaal 6 apparaten');
  await expectNoA11yViolations(page);
});

test('help: each in-context link lands on its section', async ({ page }) => {
  test.setTimeout(60_000);
  await login(page, DEMO);
  const { subs, inapps } = await purchasesOf(page);
  await page.goto('/map/account/purchases/');
  // The list: the whole help, and back to the list.
  await page.locator('#se-purchases-help-link').click();
  await expect(page).toHaveURL(/\/map\/account\/purchases\/help$/);
  await expect(page.locator('.panel__title')).toHaveText('Purchases help');
  await page.locator('#se-purchases-help-back').click();
  await expect(page).toHaveURL(/\/map\/account\/purchases\/$/);
  // The cross-platform note: linking, and one account at a time.
  await page.locator('#se-purchases-cross-help-link').click();
  await expectLandedOn(page, LINKING);
  await page.goBack();
  await page.locator('#se-purchases-cross-help-accounts').click();
  await expectLandedOn(page, ACCOUNTS);
  await expect(page.locator(`[id="${ACCOUNTS}"]`)).toContainText('log out of account B and log in to account A again');
  // A Huawei and an Amazon purchase, and the one-time Topography plugin.
  const huawei = subs.findIndex((s) => s.store === 'Huawei AppGallery');
  const amazon = subs.findIndex((s) => s.store === 'Amazon');
  const topography = inapps.findIndex((p) => String(p.sku).includes('contourlines'));
  expect(Math.min(huawei, amazon, topography)).toBeGreaterThanOrEqual(0);
  for (const [item, anchor] of [[`sub${huawei}`, HUAWEI], [`sub${amazon}`, AMAZON], [`inapp${topography}`, TOPOGRAPHY]]) {
    await page.goto(`/map/account/purchases/${item}`);
    const topics = page.locator('#se-purchase-help-topics a');
    await expect(topics).toHaveCount(1);
    await topics.click();
    await expectLandedOn(page, anchor);
  }
  await page.goto(`/map/account/purchases/sub${amazon}`);
  await page.locator('#se-purchase-help-topics a').click();
  await expect(page.locator(`[id="${AMAZON}"]`)).toContainText('OsmAnd+ (the separate app) cannot be moved');
  await expect(page.locator(`[id="${AMAZON}"]`)).toContainText('support@osmand.net');
  // A purchase that needs no section has none, but still the whole help.
  await page.goto('/map/account/purchases/sub0');
  await expect(page.locator('#se-purchase-info-store')).toBeVisible();
  await expect(page.locator('#se-purchase-help-topics')).toHaveCount(0);
  await page.locator('#se-purchase-help-link').click();
  await expect(page).toHaveURL(/\/map\/account\/purchases\/help$/);
});

test('help: the free plan, the empty state and the sign-up code help link to their sections', async ({ page, request }) => {
  test.setTimeout(60_000);
  await login(page, FREE);
  await page.goto('/map/account/purchases/free');
  const topics = page.locator('#se-purchase-help-topics a');
  await expect(topics).toHaveCount(2);
  await topics.nth(0).click();
  await expectLandedOn(page, FREE_DOWNLOADS);
  await page.goBack();
  await page.locator('#se-purchase-help-topics a').nth(1).click();
  await expectLandedOn(page, EXTRA_DOWNLOADS);
  // No purchases at all: the empty state links to the help.
  const who = await freshAccount(request, { pro: false });
  await page.context().clearCookies();
  await login(page, who);
  await page.goto('/map/account/purchases/');
  await page.locator('#se-purchases-empty-help').click();
  await expect(page).toHaveURL(/\/map\/account\/purchases\/help$/);
  // Sign-up, logged out: the code help opens the verification section in a new tab and the
  // half-finished sign-up stays as it was.
  await page.context().clearCookies();
  const email = uniqueEmail('help');
  await page.goto('/map/account/create');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Email').press('Enter');
  await expect(page.locator('#se-code-intro')).toContainText(email);
  await page.locator('#se-resend-code-link').click();
  const link = page.locator('#se-resend-help-link');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  const [tab] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
  await expectLandedOn(tab, CODE);
  await expect(tab.locator(`[id="${CODE}"]`)).toContainText('address used to buy OsmAnd Pro');
  await tab.close();
  await expect(page).toHaveURL(/\/map\/account\/create/);
  await expect(page.getByLabel('Verification code')).toBeVisible();
});
