import { test, expect } from '@playwright/test';
import { DEMO, clearFaults, fault, latestCode, uniqueEmail } from './helpers';

test.afterEach(async ({ request }) => clearFaults(request));

test('a new user signs up with the code from the outbox and is signed in', async ({ page, request }) => {
  const email = uniqueEmail();
  await page.goto('/map/account/');
  await page.locator('#se-empty-login-page').getByRole('link', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Create new account' })).toBeVisible();
  await expect(page.getByLabel('Email')).toBeFocused();
  // Upper case and spaces are normalised.
  await page.getByLabel('Email').fill(`  ${email.toUpperCase()}  `);
  await page.getByLabel('Email').press('Enter');
  await expect(page.locator('#se-code-intro')).toContainText(email);
  await expect(page.getByLabel('Verification code')).toBeFocused();
  const code = await latestCode(request, email);
  // Pasting "Code: 1234" keeps the digits.
  await page.getByLabel('Verification code').fill(`Code: ${code}`);
  await expect(page.getByLabel('Verification code')).toHaveValue(code);
  await page.getByRole('button', { name: 'Continue' }).click();
  const pwd = page.getByLabel('Password', { exact: true });
  await expect(pwd).toBeFocused();
  await pwd.fill('short');
  await page.getByLabel('Confirm password', { exact: true }).fill('short');
  await expect(page.locator('#new-password-error')).toHaveText('Too short: add 3 more characters.');
  await expect(page.locator('#new-password-hint')).toHaveText('At least 8 characters.');
  await expect(page.getByRole('button', { name: 'Create account' })).toBeDisabled();
  await pwd.fill('a-good-password');
  await page.getByLabel('Confirm password', { exact: true }).fill('a-good-passworD');
  await expect(page.locator('#confirm-password-error')).toContainText('don’t match');
  await page.getByLabel('Confirm password', { exact: true }).fill('a-good-password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.locator('#se-account-email')).toHaveText(email);
  // Still signed in after a reload; log out and back in with the new password.
  await page.reload();
  await expect(page.locator('#se-account-email')).toHaveText(email);
  await page.locator('#se-logout-btn').click();
  await expect(page.locator('#se-empty-login-page')).toBeVisible();
  await page.locator('#se-login-btn').click();
  await expect(page.getByLabel('Email')).toHaveValue(email);
  await page.getByLabel('Password', { exact: true }).fill('a-good-password');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('#se-account-email')).toHaveText(email);
});

test('bad addresses: invalid, already registered, and very long', async ({ page }) => {
  await page.goto('/map/account/create');
  const field = page.getByLabel('Email');
  await field.fill('not-an-address');
  await field.press('Enter');
  await expect(page.locator('#signup-email-error')).toHaveText('Enter a valid email address, such as name@example.com.');
  await field.fill(DEMO.email);
  await field.press('Enter');
  await expect(page.locator('#signup-email-error')).toContainText('already exists');
  await expect(page.locator('#se-signup-login')).toBeVisible();
  await expect(field).toHaveAttribute('maxlength', '320');
  // A long but valid address goes through and wraps in the text.
  const long = `${'x'.repeat(200)}-${Date.now()}@example.com`;
  await field.fill(long);
  await field.press('Enter');
  await expect(page.locator('#se-code-intro')).toContainText(long);
});

test('"Log in" after an already registered address opens the login form with that address', async ({ page }) => {
  await page.goto('/map/account/');
  await page.evaluate(() => localStorage.setItem('osmand-account.last-email', 'remembered@example.com'));
  await page.goto('/map/account/create');
  await expect(page.getByLabel('Email')).toHaveValue('');
  await page.getByLabel('Email').fill(DEMO.email);
  await page.getByLabel('Email').press('Enter');
  await expect(page.locator('#signup-email-error')).toContainText('already exists');
  await page.locator('#se-signup-login').click();
  await expect(page.getByRole('heading', { name: 'Login' })).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveValue(DEMO.email);
  await expect(page.getByLabel('Password', { exact: true })).toBeFocused();
});

test('wrong codes: one is forgiven, the fourth kills even the right code', async ({ page, request }) => {
  const email = uniqueEmail('codes');
  await page.goto('/map/account/create');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Continue' }).click();
  const right = await latestCode(request, email);
  const wrong = right === '1000' ? '1001' : '1000';
  const codeField = page.getByLabel('Verification code');
  const cont = page.getByRole('button', { name: 'Continue' });
  await codeField.fill(wrong);
  await cont.click();
  await expect(page.locator('#code-error')).toHaveText('Invalid or expired code.');
  for (let i = 0; i < 2; i++) {
    await codeField.fill(wrong);
    await cont.click();
    await expect(cont).toBeEnabled();
  }
  await expect(page.locator('#code-error')).toHaveText('Invalid or expired code.');
  // The fourth wrong try uses the code up: the form says so and points to Resend.
  await codeField.fill(wrong);
  await cont.click();
  const usedUp = 'This code no longer works: it was entered wrongly too many times, or it is older than 24 hours. Use “Resend code” below to get a new one.';
  await expect(page.locator('#code-error')).toHaveText(usedUp);
  await expect(page.locator('#resend-help')).toContainText('spam');
  await codeField.fill(right);
  await cont.click();
  await expect(page.locator('#code-error')).toHaveText(usedUp);
  // The server really refuses the right code now.
  const check = await page.evaluate(async ([e, c]) => {
    const r = await fetch('/mapapi/auth/validate-token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: e, token: c }) });
    return r.text();
  }, [email, right]);
  expect(check).toBe('error_token');
  await expect(page.locator('#se-resend-btn')).toBeDisabled();
  await expect(page.locator('#se-resend-wait')).toContainText(/0:\d\d/);
});

test('resend after the countdown sends a new code and the old one stops working', async ({ page, request }) => {
  const email = uniqueEmail('resend');
  await page.clock.install();
  await page.goto('/map/account/create');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('#se-code-intro')).toContainText(email);
  const first = await latestCode(request, email);
  await page.getByRole('button', { name: 'I didn’t receive the verification code' }).click();
  await expect(page.locator('#se-resend-btn')).toBeDisabled();
  await page.clock.fastForward(61_000);
  await expect(page.locator('#se-resend-btn')).toBeEnabled();
  await page.locator('#se-resend-btn').click();
  await expect(page.locator('#se-resend-result')).toHaveText(`A new code was sent to ${email}. The previous code no longer works.`);
  const second = await latestCode(request, email);
  if (second !== first) {
    await page.getByLabel('Verification code').fill(first);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('#code-error')).toHaveText('Invalid or expired code.');
  }
  await page.getByLabel('Verification code').fill(second);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByLabel('Confirm password', { exact: true })).toBeVisible();
});

test('an expired code is refused (devserver clock moved 25 h)', async ({ page, request }) => {
  const email = uniqueEmail('expired');
  await page.goto('/map/account/create');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Continue' }).click();
  const code = await latestCode(request, email);
  await request.post('/dev/clock', { data: { advance_ms: 25 * 3600 * 1000 } });
  try {
    await page.getByLabel('Verification code').fill(code);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('#code-error')).toHaveText('Invalid or expired code.');
  } finally {
    await request.delete('/dev/clock');
  }
});

test('429, 500 and a dropped connection at the e-mail step are reported and recoverable', async ({ page, request }) => {
  await page.goto('/map/account/create');
  await page.getByLabel('Email').fill(uniqueEmail('faults'));
  const cont = page.getByRole('button', { name: 'Continue' });
  await fault(request, { path: '/mapapi/auth/register', status: 429, body: 'Too many requests. Try again later.', times: 1 });
  await cont.click();
  await expect(page.locator('#signup-email-error')).toContainText('Too many codes were requested');
  await fault(request, { path: '/mapapi/auth/register', status: 500, times: 1 });
  await cont.click();
  await expect(page.locator('#signup-email-error')).toContainText('error 500');
  await fault(request, { path: '/mapapi/auth/register', drop: true, times: 1 });
  await cont.click();
  await expect(page.locator('#signup-email-error')).toContainText('can’t be reached');
  await cont.click();
  await expect(page.locator('#se-code-intro')).toBeVisible();
});

test('failures at the code and password steps keep the flow usable', async ({ page, request }) => {
  const email = uniqueEmail('steps');
  await page.goto('/map/account/create');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Continue' }).click();
  const code = await latestCode(request, email);
  await page.getByLabel('Verification code').fill(code);
  await fault(request, { path: '/mapapi/auth/validate-token', status: 500, times: 1 });
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('#code-error')).toContainText('error 500');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Password', { exact: true }).fill('another-password');
  await page.getByLabel('Confirm password', { exact: true }).fill('another-password');
  await fault(request, { path: '/mapapi/auth/activate', drop: true, times: 1 });
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.locator('#se-signup-error')).toContainText('can’t be reached');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.locator('#se-account-email')).toHaveText(email);
});

test('password reset: code and new password, then log in with it', async ({ page, request }) => {
  const who = { email: uniqueEmail('reset'), password: 'old-password-1' };
  const made = await request.post('/dev/accounts', { data: { email: who.email, password: who.password, pro: false, files: 'none' } });
  expect(made.ok()).toBeTruthy();
  await page.goto('/map/account/login');
  await page.getByRole('link', { name: 'I don’t have or forgot password' }).click();
  await expect(page.getByRole('heading', { name: 'Change or reset password' })).toBeVisible();
  await page.getByLabel('Email').fill('nobody-at-all@example.com');
  await page.getByLabel('Email').press('Enter');
  await expect(page.locator('#reset-email-error')).toContainText('There is no account with this email address');
  await expect(page.locator('#se-reset-create-account')).toBeVisible();
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Email').press('Enter');
  await expect(page.locator('#se-reset-code-intro')).toContainText(who.email);
  const code = await latestCode(request, who.email);
  await page.getByLabel('Verification code').fill(code === '1000' ? '1001' : '1000');
  await page.getByLabel('New password', { exact: true }).fill('brand-new-password');
  await page.getByLabel('Repeat new password', { exact: true }).fill('brand-new-password');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.locator('#reset-code-error')).toHaveText('Invalid or expired code.');
  await page.getByLabel('Verification code').fill(code);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('heading', { name: 'Password changed' })).toBeVisible();
  await page.locator('#se-reset-login').click();
  await expect(page.getByLabel('Email')).toHaveValue(who.email);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('#pwd-error')).toHaveText('Incorrect password.');
  await page.getByLabel('Password', { exact: true }).fill('brand-new-password');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('#se-account-email')).toHaveText(who.email);
});
