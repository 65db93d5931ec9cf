import { test, expect, type Page, type APIRequestContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO, latestCode, uniqueEmail } from './helpers';

// Eleven languages (issue #17): the browser's preference picks the language, whole flows run in
// Arabic, German and Polish with their texts, dates and numbers, the server is asked for mails in
// that language, and switching languages keeps what was typed and survives a missing file.
// The expected texts are read from the language files themselves (i18n/<code>.json).

const I18N = path.resolve(__dirname, '../../i18n');
const T: Record<string, any> = Object.fromEntries(
  ['ar', 'de', 'es', 'fr', 'it', 'nl', 'pl', 'pt', 'tr', 'uk'].map((l) => [l, JSON.parse(readFileSync(path.join(I18N, `${l}.json`), 'utf8'))]),
);
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A regex for a date written with the language's pattern (`{day}`, `{month}`, `{year}`). */
function datePattern(S: any, pattern: string, months: string[]): RegExp {
  const month = `(${months.map(esc).join('|')})`;
  return new RegExp(esc(pattern).replace('\\{day\\}', '\\d{1,2}').replace('\\{month\\}', month).replace('\\{year\\}', '\\d{4}'));
}

async function mailLang(request: APIRequestContext, to: string): Promise<string | null> {
  const mails = await (await request.get(`/dev/outbox?to=${encodeURIComponent(to)}`)).json();
  return mails[0]?.lang ?? null;
}

async function logIn(page: Page, S: any, who: { email: string; password: string }) {
  await page.goto('/map/account/login');
  await expect(page.getByRole('heading', { name: S.login_title, exact: true })).toBeVisible();
  await page.getByLabel(S.email, { exact: true }).fill(who.email);
  await page.getByLabel(S.password, { exact: true }).fill(who.password);
  await page.getByRole('button', { name: S.continue_btn, exact: true }).click();
  await expect(page.locator('#se-account-email')).toHaveText(who.email);
}

const BROWSER_LOCALE: Record<string, string> = { ar: 'ar-EG', de: 'de-DE', pl: 'pl-PL' };

for (const lang of ['ar', 'de', 'pl']) {
  test(`${lang}: sign-up, login, a purchase, Changes and delete account, in the language`, async ({ browser, request }) => {
    test.setTimeout(90_000);
    const S = T[lang];
    const context = await browser.newContext({ locale: BROWSER_LOCALE[lang], timezoneId: 'UTC' });
    const page = await context.newPage();

    // First visit: the browser's language decides.
    await page.goto('/map/account/');
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
    await expect(page.locator('#se-empty-login-page')).toContainText(S.empty_login_text);

    // Sign-up through the outbox; the code mail was asked for in this language.
    const email = uniqueEmail(`lang-${lang}`);
    await page.locator('#se-empty-login-page').getByRole('link', { name: S.create_account, exact: true }).click();
    await expect(page.getByRole('heading', { name: S.create_title, exact: true })).toBeVisible();
    await page.getByLabel(S.email, { exact: true }).fill(email);
    await page.getByLabel(S.email, { exact: true }).press('Enter');
    const code = await latestCode(request, email);
    expect(await mailLang(request, email)).toBe(lang);
    await page.getByLabel(S.verification_code, { exact: true }).fill(code);
    await page.getByRole('button', { name: S.continue_btn, exact: true }).click();
    await page.getByLabel(S.password, { exact: true }).fill('a-good-password');
    await page.getByLabel(S.confirm_password, { exact: true }).fill('a-good-password');
    await page.getByRole('button', { name: S.create_account, exact: true }).click();
    await expect(page.locator('#se-account-email')).toHaveText(email);
    await expect(page.locator('#se-login-menu-delete-account')).toContainText(S.delete_account_title);

    // Log out and in with the demo account: sizes with the language's decimal separator.
    await page.locator('#se-logout-btn').click();
    await expect(page.locator('#se-empty-login-page')).toBeVisible();
    await logIn(page, S, DEMO);
    await expect(page.locator('#se-login-menu-cloud-used')).toHaveText(new RegExp(`^\\d+${esc(S.decimal_separator)}\\d (KB|MB)`));
    await expect(page.locator('#se-login-menu-purchases-status')).toContainText(S.purchases.active);

    // A purchase's details: the date in the language's own pattern and month names.
    await page.goto('/map/account/purchases/sub0');
    await expect(page.locator('#se-purchase-info-expire-time')).toHaveText(datePattern(S, S.date_pattern, S.months_short));

    // Changes: month headings and change times in the language.
    await page.goto('/map/settings/cloud/changes');
    const heading = page.locator('.cloud-month').first();
    await expect(heading).toHaveText(datePattern(S, S.month_year_pattern.replace('{year}', '{year}'), S.months.map(cap)));
    await expect(page.locator('.cloud-row__time').first()).toContainText(/\d{1,2}:\d{2}/);
    await expect(page.getByRole('heading', { name: S.cloud.changes, exact: true })).toBeVisible();

    // Delete the new account: the code mail in the language, the goodbye in the language.
    await page.goto('/map/account/');
    await page.locator('#se-logout-btn').click();
    await logIn(page, S, { email, password: 'a-good-password' });
    await page.locator('#se-login-menu-delete-account').click();
    await page.locator('#se-delete-send-code').click();
    await expect(page.locator('#se-delete-code-sent')).toContainText(email);
    await expect.poll(async () => {
      const mails = await (await request.get(`/dev/outbox?to=${encodeURIComponent(email)}`)).json();
      return mails.length;
    }).toBeGreaterThan(1);
    const deleteCode = await latestCode(request, email);
    expect(await mailLang(request, email)).toBe(lang);
    await page.locator('#delete-email').fill(email);
    await page.locator('#delete-code').fill(deleteCode);
    await page.locator('#se-delete-account-btn').click();
    await expect(page.locator('#se-alert-login-info')).toContainText(S.notice_account_deleted);
    await context.close();
  });
}

test('browser preferences: pt-BR gives Portuguese, an unknown language gives English', async ({ browser }) => {
  for (const [locale, lang] of [['pt-BR', 'pt'], ['ja-JP', 'en'], ['uk-UA', 'uk']]) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await page.goto('/map/account/');
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    const text = lang === 'en' ? 'Log in or create an account' : T[lang].empty_login_text;
    await expect(page.locator('#se-empty-login-page')).toContainText(text);
    await context.close();
  }
});

test('the switch changes the language at once, keeps what was typed, and is remembered', async ({ page }) => {
  await page.goto('/map/account/login');
  await page.getByLabel('Email', { exact: true }).fill('typed@example.com');
  const fetched: string[] = [];
  page.on('request', (r) => { if (r.url().includes('/map/i18n/')) fetched.push(r.url()); });
  await page.locator('#lang-switch').selectOption('uk');
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
  await expect(page.getByRole('heading', { name: T.uk.login_title, exact: true })).toBeVisible();
  await expect(page.getByLabel(T.uk.email, { exact: true })).toHaveValue('typed@example.com');
  // Only the chosen language was fetched, from a content-hashed file.
  expect(fetched.length).toBe(1);
  expect(fetched[0]).toMatch(/\/map\/i18n\/uk\.[0-9a-f]{16}\.json$/);
  await page.locator('#lang-switch').selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByLabel(T.ar.email, { exact: true })).toHaveValue('typed@example.com');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.getByRole('heading', { name: T.ar.login_title, exact: true })).toBeVisible();
  // Back to English: built in, nothing fetched, no raw key anywhere.
  await page.locator('#lang-switch').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Login', exact: true })).toBeVisible();
  await expect(page.locator('body')).not.toContainText(/\b[a-z]+_[a-z_]+\b/);
});

test('a language file that cannot be loaded keeps the current language and says so in it', async ({ page }) => {
  await page.route('**/map/i18n/de.*.json', (r) => r.abort());
  await page.goto('/map/account/login');
  await page.locator('#lang-switch').selectOption('nl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await page.locator('#lang-switch').selectOption('de');
  const notice = page.locator('#lang-load-failed');
  await expect(notice).toBeVisible();
  // Said in Dutch, the language still shown, naming the language that failed.
  await expect(notice).toContainText(T.nl.lang_load_failed.replace('{language}', 'Deutsch').slice(0, 30));
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page.getByRole('heading', { name: T.nl.login_title, exact: true })).toBeVisible();
  await expect(page.locator('#lang-switch')).toHaveValue('nl');
  // Once the file can be reached, Try again switches.
  await page.unroute('**/map/i18n/de.*.json');
  await notice.getByRole('button', { name: T.nl.retry, exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(notice).toHaveCount(0);
});
