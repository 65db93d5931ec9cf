import { test, expect, type APIRequestContext, type Page } from '@playwright/test';
import { freshAccount, latestCode, login, uniqueEmail } from './helpers';

// Issue #18, point 4: one rule for every code field (4–12 digits, trimmed, spaces from pasting
// ignored). Newer servers mail 6–12 digit codes; the devserver does too behind its switch.

test.beforeEach(async ({ request }) => {
  const res = await request.post('/dev/switches', { data: { codeDigits: 6 } });
  expect(res.ok(), await res.text()).toBeTruthy();
});
test.afterEach(async ({ request }) => { await request.delete('/dev/switches'); });

/** "123456" → " 123 456 " (as a code copied out of a mail often arrives). */
const spaced = (code: string) => ` ${code.slice(0, 3)} ${code.slice(3)} `;

async function sixDigits(request: APIRequestContext, to: string) {
  const code = await latestCode(request, to);
  expect(code).toMatch(/^[1-9]\d{5}$/);
  return code;
}

async function pasteInto(page: Page, selector: string, text: string) {
  const field = page.locator(selector);
  await field.fill(text);
  await expect(field).toHaveValue(text.replace(/\D/g, ''));
}

test('sign-up takes a 6-digit code pasted with spaces', async ({ page, request }) => {
  const email = uniqueEmail('six');
  await page.goto('/map/account/create');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Email').press('Enter');
  const code = await sixDigits(request, email);
  const next = page.locator('#se-code-continue');
  await page.locator('#code').fill(code.slice(0, 3));
  await expect(next).toBeDisabled();
  await pasteInto(page, '#code', spaced(code));
  await expect(next).toBeEnabled();
  await next.click();
  await page.getByLabel('Password', { exact: true }).fill('a-good-password');
  await page.getByLabel('Confirm password', { exact: true }).fill('a-good-password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.locator('#se-account-email')).toHaveText(email);
});

test('change e-mail takes 6-digit codes from both mailboxes', async ({ page, request }) => {
  const who = await freshAccount(request, { pro: true });
  const newEmail = uniqueEmail('six-changed');
  await login(page, who);
  await page.locator('#se-login-menu-user-item-actions').click();
  await page.locator('#se-account-change-email').click();
  await expect(page.locator('#se-change-email-sent')).toContainText(who.email);
  await pasteInto(page, '#change-old-code', spaced(await sixDigits(request, who.email)));
  await page.locator('#change-new-email').fill(newEmail);
  await page.locator('#se-change-email-next').click();
  await expect(page.locator('#se-change-email-sent')).toContainText(newEmail);
  await pasteInto(page, '#change-new-code', spaced(await sixDigits(request, newEmail)));
  await page.locator('#se-change-email-finish').click();
  await expect(page.locator('#se-change-email-done')).toContainText(newEmail);
  expect((await request.get(`/dev/accounts/${encodeURIComponent(newEmail)}`)).status()).toBe(200);
});

test('delete account takes a 6-digit code; 13 digits are cut to the longest code', async ({ page, request }) => {
  const who = await freshAccount(request, { pro: true });
  await login(page, who);
  await page.locator('#se-login-menu-delete-account').click();
  await page.locator('#se-delete-send-code').click();
  await expect(page.locator('#se-delete-code-sent')).toContainText(who.email);
  const code = await sixDigits(request, who.email);
  await page.locator('#delete-email').fill(who.email);
  await page.locator('#delete-code').fill('1234567890123');
  await expect(page.locator('#delete-code')).toHaveValue('123456789012');
  await pasteInto(page, '#delete-code', spaced(code));
  await page.locator('#se-delete-account-btn').click();
  await expect(page.locator('#se-alert-login-info')).toContainText('have been deleted');
  expect((await request.get(`/dev/accounts/${encodeURIComponent(who.email)}`)).status()).toBe(404);
});
