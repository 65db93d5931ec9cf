import { test, expect } from '@playwright/test';
import { DEMO, expectNoA11yViolations, latestCode, uniqueEmail } from './helpers';

test('axe: logged-out panel and login with errors', async ({ page }) => {
  await page.goto('/map/account/');
  await expect(page.locator('#se-empty-login-page')).toBeVisible();
  await expectNoA11yViolations(page);
  await page.goto('/map/account/login');
  await page.getByLabel('Email').fill(DEMO.email);
  await page.getByLabel('Password', { exact: true }).fill('wrong-password');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('#pwd-error')).not.toBeEmpty();
  await expectNoA11yViolations(page);
});

test('axe: every sign-up step, in English and Dutch', async ({ page, request }) => {
  for (const lang of ['en', 'nl']) {
    const email = uniqueEmail(`axe-${lang}`);
    await page.goto('/map/account/create');
    await page.getByRole('combobox').selectOption(lang);
    await expectNoA11yViolations(page);
    await page.locator('#signup-email').fill(email);
    await page.locator('#signup-email').press('Enter');
    await expect(page.locator('#code')).toBeVisible();
    await page.locator('#se-resend-code-link').click();
    await expect(page.locator('#resend-help')).toBeVisible();
    await expectNoA11yViolations(page);
    await page.locator('#code').fill(await latestCode(request, email));
    await page.locator('#se-code-continue').click();
    await expect(page.locator('#new-password')).toBeVisible();
    await page.locator('#new-password').fill('short');
    await page.locator('#confirm-password').fill('short');
    await expectNoA11yViolations(page);
  }
});

test('axe: password reset steps and result', async ({ page, request }) => {
  const email = uniqueEmail('axe-reset');
  await request.post('/dev/accounts', { data: { email, password: 'old-password-1', pro: false, files: 'none' } });
  await page.goto('/map/account/reset-password');
  await expectNoA11yViolations(page);
  await page.locator('#reset-email').fill(email);
  await page.locator('#reset-email').press('Enter');
  await expect(page.locator('#reset-code')).toBeVisible();
  await expectNoA11yViolations(page);
  await page.locator('#reset-code').fill(await latestCode(request, email));
  await page.locator('#new-password').fill('new-password-1');
  await page.locator('#confirm-password').fill('new-password-1');
  await page.locator('#se-change-password').click();
  await expect(page.locator('#se-reset-result')).toBeVisible();
  await expectNoA11yViolations(page);
});

test('keyboard only: sign in with Tab and Enter', async ({ page }) => {
  await page.goto('/map/account/login');
  await expect(page.locator('#username')).toBeFocused();
  await page.keyboard.type(DEMO.email);
  await page.keyboard.press('Tab');
  await expect(page.locator('#pwd')).toBeFocused();
  await page.keyboard.type(DEMO.password);
  await page.keyboard.press('Enter');
  await expect(page.locator('#se-account-email')).toHaveText(DEMO.email);
});

test('keyboard only: sign up from the account page, with a visible focus ring on the way', async ({ page, request }) => {
  const email = uniqueEmail('kbd-signup');
  await page.goto('/map/account/');
  const create = page.locator('#se-empty-login-page').getByRole('link', { name: 'Create account' });
  await expect(create).toBeVisible();
  for (let i = 0; i < 15 && !(await create.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(create).toBeFocused();
  // The focused control shows a ring (outline or box-shadow), not just the browser default off.
  const ring = await create.evaluate((el) => {
    const s = getComputedStyle(el);
    return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
  });
  expect(ring).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Email')).toBeFocused();
  await page.keyboard.type(email);
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Verification code')).toBeFocused();
  await page.keyboard.type(await latestCode(request, email));
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Password', { exact: true })).toBeFocused();
  await page.keyboard.type('a-good-password');
  // Past the password field's show/hide toggle to the confirmation.
  const confirm = page.getByLabel('Confirm password', { exact: true });
  for (let i = 0; i < 4 && !(await confirm.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(confirm).toBeFocused();
  await page.keyboard.type('a-good-password');
  await page.keyboard.press('Enter');
  await expect(page.locator('#se-account-email')).toHaveText(email);
});
