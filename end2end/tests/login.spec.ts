import { test, expect } from '@playwright/test';
import { DEMO, FREE, clearFaults, fault, login } from './helpers';

test.afterEach(async ({ request }) => clearFaults(request));

test('logged-out panel offers log in and create account', async ({ page }) => {
  await page.goto('/map/account/');
  const empty = page.locator('#se-empty-login-page');
  await expect(empty.getByRole('heading', { name: 'OsmAnd Account' })).toBeVisible();
  await expect(page.locator('#se-login-btn')).toHaveText('Log in');
  await expect(empty.getByRole('link', { name: 'Create account' })).toBeVisible();
  await page.locator('#se-login-btn').click();
  await expect(page).toHaveURL(/\/map\/account\/login$/);
  await expect(page.getByRole('heading', { name: 'Login' })).toBeVisible();
  await expect(page.getByLabel('Email')).toBeFocused();
});

test('the demo account logs in and sees its e-mail', async ({ page }) => {
  await page.goto('/map/account/login');
  const cont = page.getByRole('button', { name: 'Continue' });
  await expect(cont).toBeDisabled();
  await page.getByLabel('Email').fill(DEMO.email);
  await expect(cont).toBeDisabled();
  await page.getByLabel('Password', { exact: true }).fill(DEMO.password);
  await expect(cont).toBeEnabled();
  await page.getByLabel('Password', { exact: true }).press('Enter');
  await expect(page).toHaveURL(/\/map\/account\/$/);
  await expect(page.locator('#se-account-email')).toHaveText(DEMO.email);
  await expect(page.locator('#se-logout-button')).toContainText('Account');
});

test('e-mail is matched case-insensitively and trimmed', async ({ page }) => {
  await page.goto('/map/account/login');
  await page.getByLabel('Email').fill(`  ${FREE.email.toUpperCase()} `);
  await page.getByLabel('Password', { exact: true }).fill(FREE.password);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('#se-account-email')).toHaveText(FREE.email);
});

test('a wrong password is reported under the password field and can be corrected', async ({ page }) => {
  await page.goto('/map/account/login');
  await page.getByLabel('Email').fill(DEMO.email);
  const pwd = page.getByLabel('Password', { exact: true });
  await pwd.fill('not-the-password');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('#pwd-error')).toHaveText('Incorrect password.');
  await expect(pwd).toHaveAttribute('aria-invalid', 'true');
  await pwd.fill(DEMO.password);
  await expect(page.locator('#pwd-error')).toBeEmpty();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('#se-account-email')).toHaveText(DEMO.email);
});

test('an unknown e-mail is reported with a create-account shortcut', async ({ page }) => {
  await page.goto('/map/account/login');
  await page.getByLabel('Email').fill('nobody-here@example.com');
  await page.getByLabel('Password', { exact: true }).fill('whatever-123');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('#username-error')).toHaveText('There is no OsmAnd Cloud account with this email address.');
  await expect(page.locator('#se-login-create-account')).toBeVisible();
  await page.getByLabel('Email').fill('nobody-here@example.co');
  await expect(page.locator('#username-error')).toBeEmpty();
});

test('reload keeps the session; logout really ends it on the server', async ({ page }) => {
  await login(page, DEMO);
  await page.reload();
  await expect(page.locator('#se-account-email')).toHaveText(DEMO.email);
  await page.locator('#se-logout-btn').click();
  await expect(page.locator('#se-empty-login-page')).toBeVisible();
  await expect(page.locator('#se-alert-login-info')).toHaveText('You have been logged out.');
  const info = await page.evaluate(() => fetch('/mapapi/auth/info', { credentials: 'include' }).then((r) => r.text()));
  expect(info).toBe('null');
  await page.reload();
  await expect(page.locator('#se-empty-login-page')).toBeVisible();
});

test('a server error during login shows a specific message and the form stays usable', async ({ page, request }) => {
  await fault(request, { path: '/mapapi/auth/login', status: 500, times: 1 });
  await page.goto('/map/account/login');
  await page.getByLabel('Email').fill(DEMO.email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO.password);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('#se-login-error')).toContainText('Something went wrong on the OsmAnd server (error 500)');
  await expect(page.getByRole('button', { name: 'Continue' })).toBeEnabled();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('#se-account-email')).toHaveText(DEMO.email);
});

test('a dropped connection and a malformed answer are told apart', async ({ page, request }) => {
  await page.goto('/map/account/login');
  await page.getByLabel('Email').fill(DEMO.email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO.password);
  await fault(request, { path: '/mapapi/auth/login', drop: true, times: 1 });
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('#se-login-error')).toContainText('can’t be reached');
  await fault(request, { path: '/mapapi/auth/login', malformed: true, times: 1 });
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('#se-login-error')).toContainText('does not understand');
});

test('a dead server at start-up is explained, and Try again recovers', async ({ page, request }) => {
  await fault(request, { path: '/mapapi/auth/info', status: 503 });
  await page.goto('/map/account/');
  const banner = page.locator('#se-session-error');
  await expect(banner).toContainText('We couldn’t check whether you are signed in.');
  await expect(banner).toContainText('error 503');
  await clearFaults(request);
  await banner.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('#se-empty-login-page')).toBeVisible();
  await expect(page.locator('#se-session-error')).toHaveCount(0);
});

test('the panel speaks Dutch after switching, also after a reload', async ({ page }) => {
  await page.goto('/map/account/');
  await page.getByLabel('Language').selectOption('nl');
  await expect(page.locator('#se-login-btn')).toHaveText('Inloggen');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await page.reload();
  await expect(page.locator('#se-login-btn')).toHaveText('Inloggen');
  await page.getByLabel('Taal').selectOption('en');
  await expect(page.locator('#se-login-btn')).toHaveText('Log in');
});

/** Opens the login form with `address` remembered from an earlier login. */
async function loginWithRemembered(page: import('@playwright/test').Page, address: string) {
  await page.goto('/map/account/');
  await page.evaluate((a) => localStorage.setItem('osmand-account.last-email', a), address);
  await page.goto('/map/account/login');
  await expect(page.getByLabel('Email')).toHaveValue(address);
}

test('the remembered address fills only an empty login form; a typed one goes on to Reset', async ({ page }) => {
  await loginWithRemembered(page, DEMO.email);
  await page.getByLabel('Email').fill('typed-here@example.com');
  await page.getByRole('link', { name: 'I don’t have or forgot password' }).click();
  await expect(page.getByRole('heading', { name: 'Change or reset password' })).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveValue('typed-here@example.com');
  // And back: the login form shows what was typed on Reset, not the remembered address.
  await page.getByLabel('Email').fill('changed-on-reset@example.com');
  await page.locator('#se-reset-back').click();
  await expect(page.getByRole('heading', { name: 'Login' })).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveValue('changed-on-reset@example.com');
  // An emptied field is not refilled behind the user's back on the next form.
  await page.getByLabel('Email').fill('');
  await page.getByRole('link', { name: 'I don’t have or forgot password' }).click();
  await expect(page.getByLabel('Email')).toHaveValue('');
});

test('"Create account" after an unknown address opens sign-up with that address', async ({ page }) => {
  await loginWithRemembered(page, DEMO.email);
  await page.getByLabel('Email').fill('nobody-yet@example.com');
  await page.getByLabel('Password', { exact: true }).fill('whatever-123');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.locator('#se-login-create-account').click();
  await expect(page.getByRole('heading', { name: 'Create new account' })).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveValue('nobody-yet@example.com');
});
