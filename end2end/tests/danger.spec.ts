import { test, expect, type Page, type APIRequestContext } from '@playwright/test';
import { callGoesOut, clearFaults, expectNoA11yViolations, fault, freshAccount, latestCode, login, uniqueEmail, DEMO, LONG_DEADLINE_MS } from './helpers';

// Danger zone (issue #7): change e-mail with codes from the outbox, delete account, and every bad
// input and failure on the way. Destructive steps only ever use fresh accounts.

test.afterEach(async ({ request }) => {
  await clearFaults(request);
  await request.delete('/dev/clock');
});

async function dump(request: APIRequestContext, email: string) {
  return request.get(`/dev/accounts/${encodeURIComponent(email)}`);
}

async function outbox(request: APIRequestContext, to: string) {
  return (await (await request.get(`/dev/outbox?to=${encodeURIComponent(to)}`)).json()) as { action: string; code: string | null }[];
}

async function openChange(page: Page, email: string) {
  await page.locator('#se-login-menu-user-item-actions').click();
  await page.locator('#se-account-change-email').click();
  await expect(page.locator('#se-change-email-dialog')).toBeVisible();
  await expect(page.locator('#se-change-email-sent')).toContainText(`We sent a code to ${email}`);
}

async function loginForm(page: Page, who: { email: string; password: string }) {
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Continue' }).click();
}

test('change e-mail end to end: codes from both mailboxes, then only the new address logs in, with the same files', async ({ page, request }) => {
  const who = await freshAccount(request, { pro: true, files: 'demo' });
  const before = await (await dump(request, who.email)).json();
  const newEmail = uniqueEmail('changed');
  await login(page, who);
  await openChange(page, who.email);
  await expectNoA11yViolations(page);
  await page.locator('#change-old-code').fill(await latestCode(request, who.email));
  await page.locator('#change-new-email').fill(`  ${newEmail.toUpperCase()} `);
  await page.locator('#se-change-email-next').click();
  await expect(page.locator('#se-change-email-sent')).toContainText(`We sent a code to ${newEmail}`);
  await expect(page.locator('#change-new-code')).toBeFocused();
  await page.locator('#change-new-code').fill(await latestCode(request, newEmail));
  await page.locator('#se-change-email-finish').click();
  await expect(page.locator('#se-change-email-done')).toContainText(newEmail);
  await expectNoA11yViolations(page);
  // The old address is told about the change.
  expect((await outbox(request, who.email))[0].action).toBe('email-changed');
  await page.locator('#se-change-email-login').click();
  await expect(page.locator('#se-alert-login-info')).toContainText('Your email address was changed');
  await expect(page.getByLabel('Email')).toHaveValue(newEmail);
  // The old address no longer logs in.
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('#se-login-error, #username-error').first()).toBeVisible();
  await loginForm(page, { email: newEmail, password: who.password });
  await expect(page.locator('#se-account-email')).toHaveText(newEmail);
  const after = await (await dump(request, newEmail)).json();
  expect(after.files.length).toBe(before.files.length);
  expect((await dump(request, who.email)).status()).toBe(404);
});

test('change e-mail: wrong old code, taken or invalid address, wrong new code — each in place, each recoverable', async ({ page, request }) => {
  const who = await freshAccount(request, { pro: true });
  const newEmail = uniqueEmail('changed');
  await login(page, who);
  await openChange(page, who.email);
  const next = page.locator('#se-change-email-next');
  await expect(next).toBeDisabled();
  // Invalid address: caught before a request.
  await page.locator('#change-old-code').fill('Code: 12 34');
  await expect(page.locator('#change-old-code')).toHaveValue('1234');
  await page.locator('#change-new-email').fill('not-an-address');
  await next.click();
  await expect(page.locator('#change-new-email-error')).toHaveText('Please enter a valid email address.');
  // Same address as now.
  await page.locator('#change-new-email').fill(who.email);
  await next.click();
  await expect(page.locator('#change-new-email-error')).toHaveText('This is already your address.');
  // Wrong old code: the server's message under the code field; Next stays usable.
  const code = await latestCode(request, who.email);
  await page.locator('#change-old-code').fill(code === '0000' ? '1111' : '0000');
  await page.locator('#change-new-email').fill(newEmail);
  await next.click();
  await expect(page.locator('#change-old-code-error')).toHaveText('This code is wrong or has expired. Check the newest email, or ask for a new code.');
  await expect(next).toBeEnabled();
  // The code wore out; a new one is sent on request.
  await page.locator('#se-change-email-resend-old').click();
  await expect(page.locator('#se-change-email-sent')).toContainText('We sent a code');
  const fresh = await latestCode(request, who.email);
  // Address already registered.
  await page.locator('#change-old-code').fill(fresh);
  await page.locator('#change-new-email').fill(DEMO.email);
  await next.click();
  await expect(page.locator('#change-new-email-error')).toHaveText('Another OsmAnd account already uses this email address. Choose a different one.');
  await page.locator('#change-new-email').fill(newEmail);
  await expect(page.locator('#change-new-email-error')).toBeEmpty();
  await next.click();
  await expect(page.locator('#change-new-code')).toBeVisible();
  // Wrong new code, then a resend and the right one.
  await page.locator('#change-new-code').fill('0000');
  await page.locator('#se-change-email-finish').click();
  await expect(page.locator('#change-new-code-error')).toHaveText('This code is wrong or has expired. Check the newest email, or ask for a new code.');
  await page.locator('#se-change-email-resend-new').click();
  await expect(page.locator('#se-change-email-sent')).toContainText(newEmail);
  await page.locator('#change-new-code').fill(await latestCode(request, newEmail));
  await page.locator('#se-change-email-finish').click();
  await expect(page.locator('#se-change-email-done')).toBeVisible();
});

test('change e-mail: an abandoned attempt does not block a retry with the same new address', async ({ page, request }) => {
  const who = await freshAccount(request, { pro: true });
  const newEmail = uniqueEmail('retry');
  await login(page, who);
  await openChange(page, who.email);
  await page.locator('#change-old-code').fill(await latestCode(request, who.email));
  await page.locator('#change-new-email').fill(newEmail);
  await page.locator('#se-change-email-next').click();
  await expect(page.locator('#change-new-code')).toBeVisible();
  await page.locator('#se-change-email-dialog-close-btn').click();
  await expect(page.locator('#se-change-email-dialog')).toBeHidden();
  await openChange(page, who.email);
  await page.locator('#change-old-code').fill(await latestCode(request, who.email));
  await page.locator('#change-new-email').fill(newEmail);
  await page.locator('#se-change-email-next').click();
  await expect(page.locator('#change-new-code')).toBeVisible();
});

test('change e-mail: an expired code is refused', async ({ page, request }) => {
  const who = await freshAccount(request, { pro: true });
  await login(page, who);
  await openChange(page, who.email);
  await request.post('/dev/clock', { data: { advance_ms: 25 * 3600 * 1000 } });
  await page.locator('#change-old-code').fill(await latestCode(request, who.email));
  await page.locator('#change-new-email').fill(uniqueEmail('late'));
  await page.locator('#se-change-email-next').click();
  await expect(page.locator('#change-old-code-error')).toContainText('expired');
});

for (const [label, spec, text] of [
  ['500', { status: 500 }, /error 500/],
  ['dropped connection', { drop: true }, /can’t be reached/],
] as const) {
  test(`change e-mail: ${label} at each step is shown and the step can be retried`, async ({ page, request }) => {
    const who = await freshAccount(request, { pro: true });
    const newEmail = uniqueEmail('fault');
    await login(page, who);
    // Sending the first code.
    await fault(request, { path: '/mapapi/auth/send-code', times: 1, ...spec });
    await page.locator('#se-login-menu-user-item-actions').click();
    await page.locator('#se-account-change-email').click();
    await expect(page.locator('#se-change-email-error')).toContainText(text);
    await page.locator('#se-change-email-resend-old').click();
    await expect(page.locator('#se-change-email-sent')).toContainText('We sent a code');
    // Next.
    await page.locator('#change-old-code').fill(await latestCode(request, who.email));
    await page.locator('#change-new-email').fill(newEmail);
    await fault(request, { path: '/mapapi/auth/send-code-to-new-email', times: 1, ...spec });
    await page.locator('#se-change-email-next').click();
    await expect(page.locator('#se-change-email-error')).toContainText(text);
    await page.locator('#se-change-email-next').click();
    await expect(page.locator('#change-new-code')).toBeVisible();
    // Finish.
    await page.locator('#change-new-code').fill(await latestCode(request, newEmail));
    await fault(request, { path: '/mapapi/auth/change-email', times: 1, ...spec });
    await page.locator('#se-change-email-finish').click();
    await expect(page.locator('#se-change-email-error')).toContainText(text);
    await page.locator('#se-change-email-finish').click();
    await expect(page.locator('#se-change-email-done')).toBeVisible();
    expect((await dump(request, newEmail)).status()).toBe(200);
  });
}

async function openDelete(page: Page, request: APIRequestContext, email: string) {
  await page.locator('#se-login-menu-delete-account').click();
  await expect(page).toHaveURL(/\/map\/delete-account\/?$/);
  await page.locator('#se-delete-send-code').click();
  await expect(page.locator('#se-delete-code-sent')).toContainText(`We sent a code to ${email}`);
  return latestCode(request, email);
}

test('delete account: the account, its devices and files are gone and login fails', async ({ page, request }) => {
  const who = await freshAccount(request, { pro: true, files: 'demo' });
  expect((await (await dump(request, who.email)).json()).files.length).toBeGreaterThan(5);
  await login(page, who);
  const code = await openDelete(page, request, who.email);
  await expectNoA11yViolations(page);
  await page.locator('#delete-email').fill(` ${who.email.toUpperCase()}`);
  await page.locator('#delete-code').fill(code);
  // A double click sends one request: the button waits while the first runs.
  await fault(request, { path: '/mapapi/auth/delete-account', delay_ms: 1500, times: 1 });
  await page.locator('#se-delete-account-btn').dblclick();
  await expect(page.locator('#se-delete-account-btn')).toBeDisabled();
  await expect(page.locator('#se-alert-login-info')).toContainText('Your OsmAnd account and all its cloud data have been deleted.');
  await expect(page).toHaveURL(/\/map\/account\/?$/);
  expect((await dump(request, who.email)).status()).toBe(404);
  await page.goto('/map/account/login');
  await loginForm(page, who);
  await expect(page.locator('#se-login-error, #username-error').first()).toBeVisible();
});

test('delete account: mismatching address, missing and wrong code, expired code — nothing deleted', async ({ page, request }) => {
  const who = await freshAccount(request, { pro: true, files: 'demo' });
  await login(page, who);
  const code = await openDelete(page, request, who.email);
  const button = page.locator('#se-delete-account-btn');
  await page.locator('#delete-email').fill('someone.else@example.com');
  await page.locator('#delete-code').fill(code);
  await button.click();
  await expect(page.locator('#delete-email-error')).toHaveText('This is not the email address of your account.');
  await page.locator('#delete-email').fill(who.email);
  await expect(page.locator('#delete-email-error')).toBeEmpty();
  // Fewer than 4 digits is no code yet: nothing to send.
  await page.locator('#delete-code').fill('12');
  await expect(button).toBeDisabled();
  await page.locator('#delete-code').fill(code === '0000' ? '1111' : '0000');
  await button.click();
  await expect(page.locator('#delete-code-error')).toHaveText('This code is wrong or has expired. Check the newest email, or ask for a new code.');
  await page.locator('#se-delete-send-code').click();
  await expect(page.locator('#se-delete-code-sent')).toBeVisible();
  const fresh = await latestCode(request, who.email);
  await request.post('/dev/clock', { data: { advance_ms: 25 * 3600 * 1000 } });
  await page.locator('#delete-code').fill(fresh);
  await button.click();
  await expect(page.locator('#delete-code-error')).toContainText('expired');
  expect((await dump(request, who.email)).status()).toBe(200);
});

test('delete account: a 500 is shown; a dropped connection is looked into; the delete can be retried', async ({ page, request }) => {
  const who = await freshAccount(request, { pro: true });
  await login(page, who);
  await fault(request, { path: '/mapapi/auth/send-code', status: 500, times: 1 });
  await page.locator('#se-login-menu-delete-account').click();
  await page.locator('#se-delete-send-code').click();
  await expect(page.locator('#se-delete-account-error')).toContainText('error 500');
  await page.locator('#se-delete-send-code').click();
  await expect(page.locator('#se-delete-code-sent')).toBeVisible();
  await page.locator('#delete-email').fill(who.email);
  await page.locator('#delete-code').fill(await latestCode(request, who.email));
  // The connection breaks before the server has done anything: the app asks who is logged in
  // and says the account is still there.
  await fault(request, { path: '/mapapi/auth/delete-account', drop: true, times: 1 });
  await page.locator('#se-delete-account-btn').click();
  await expect(page.locator('#se-delete-account-error')).toContainText('did not arrive, and your account is still there');
  await expect(page.locator('#se-delete-check-again')).toBeVisible();
  expect((await dump(request, who.email)).status()).toBe(200);
  await fault(request, { path: '/mapapi/auth/delete-account', status: 500, times: 1 });
  await page.locator('#se-delete-account-btn').click();
  await expect(page.locator('#se-delete-account-error')).toContainText('error 500');
  await page.locator('#se-delete-account-btn').click();
  await expect(page.locator('#se-alert-login-info')).toContainText('deleted');
  expect((await dump(request, who.email)).status()).toBe(404);
});

// The server answers delete-account only once every stored file is deleted: the app waits up
// to 10 minutes, and when no answer comes it asks who is logged in (the server ends the session
// once the account is gone) and says what it found — never "failed" when it worked.
async function readyToDelete(page: Page, request: APIRequestContext) {
  const who = await freshAccount(request, { pro: true, files: 'demo' });
  await page.clock.install();
  await login(page, who);
  const code = await openDelete(page, request, who.email);
  await page.locator('#delete-email').fill(who.email);
  await page.locator('#delete-code').fill(code);
  return who;
}

test('delete account: the server deleted it but its answer was lost — logged out, saying so', async ({ page, request }) => {
  const who = await readyToDelete(page, request);
  await fault(request, { path: '/mapapi/auth/delete-account', lose_answer: true, times: 1 });
  await page.locator('#se-delete-account-btn').click();
  await expect(page.locator('#se-alert-login-info')).toContainText('did not arrive, but it has ended your session');
  await expect(page).toHaveURL(/\/map\/account\/?$/);
  expect((await dump(request, who.email)).status()).toBe(404);
});

test('delete account: no answer within 10 minutes although the server deleted it — logged out, saying so', async ({ page, request }) => {
  const who = await readyToDelete(page, request);
  await fault(request, { path: '/mapapi/auth/delete-account', lose_answer: true, hang: true, times: 1 });
  const sent = callGoesOut(page, request, 'silent', '/mapapi/auth/delete-account');
  await page.locator('#se-delete-account-btn').click();
  await sent;
  // Well past the 30 s of other calls it still waits.
  await page.clock.fastForward(60_000);
  await expect(page.locator('#se-delete-account-btn')).toBeDisabled();
  await expect(page.locator('#se-delete-account-error')).toBeHidden();
  // The server finishes (its answer hangs), then the app's 10 minutes run out.
  await expect.poll(async () => (await dump(request, who.email)).status()).toBe(404);
  await page.clock.fastForward(LONG_DEADLINE_MS);
  await expect(page.locator('#se-alert-login-info')).toContainText('it has ended your session');
  expect((await dump(request, who.email)).status()).toBe(404);
});

test('delete account: no answer and nothing deleted — still there, Check again, then the delete works', async ({ page, request }) => {
  const who = await readyToDelete(page, request);
  await fault(request, { path: '/mapapi/auth/delete-account', hang: true, times: 1 });
  const sent = callGoesOut(page, request, 'silent', '/mapapi/auth/delete-account');
  await page.locator('#se-delete-account-btn').click();
  await sent;
  await page.clock.fastForward(LONG_DEADLINE_MS + 1000);
  const error = page.locator('#se-delete-account-error');
  await expect(error).toContainText('did not arrive, and your account is still there');
  await expectNoA11yViolations(page);
  // Asking fails too: the page says it does not know, and asks again on request.
  await fault(request, { path: '/mapapi/auth/info', status: 500, times: 1 });
  await page.locator('#se-delete-check-again').click();
  await expect(error).toContainText('failed too');
  await page.locator('#se-delete-check-again').click();
  await expect(error).toContainText('your account is still there');
  expect((await dump(request, who.email)).status()).toBe(200);
  await page.locator('#se-delete-account-btn').click();
  await expect(page.locator('#se-alert-login-info')).toContainText('Your OsmAnd account and all its cloud data have been deleted.');
  expect((await dump(request, who.email)).status()).toBe(404);
});

// Every check of a danger-zone code wears it on the server (7 h of its 24); from the fourth
// wrong code on even the right one is refused. The field then says so and points to the button
// that sends a new code, which works again.
const WRONG = 'This code is wrong or has expired. Check the newest email, or ask for a new code.';
const USED_UP = 'This code no longer works: it was entered wrongly too many times, or it is older than 24 hours. Use “Send a new code” to get a new one.';

/** A code of the same length that differs from `code` in every digit. */
function wrongCode(code: string, k: number) {
  return [...code].map((d) => String((Number(d) + k) % 10)).join('');
}

/** The code of the `n`th mail to `to` (the newest, once it has arrived). */
async function nextCode(request: APIRequestContext, to: string, n: number) {
  await expect.poll(async () => (await outbox(request, to)).length, { message: `mail ${n} to ${to}` }).toBe(n);
  return (await outbox(request, to))[0].code ?? '';
}

/** Types `code` into `field` (its old message goes), submits with `submit`, waits for `message`. */
async function tryCode(page: Page, field: string, submit: string, code: string, message: string) {
  await page.locator(`#${field}`).fill(code);
  await expect(page.locator(`#${field}-error`)).toBeEmpty();
  await page.locator(`#${submit}`).click();
  await expect(page.locator(`#${field}-error`)).toHaveText(message);
}

test('delete account: after four wrong codes the right one no longer works; a new code does', async ({ page, request }) => {
  const who = await freshAccount(request, { pro: true });
  await login(page, who);
  const code = await openDelete(page, request, who.email);
  await page.locator('#delete-email').fill(who.email);
  for (const k of [1, 2, 3]) {
    await tryCode(page, 'delete-code', 'se-delete-account-btn', wrongCode(code, k), WRONG);
  }
  await tryCode(page, 'delete-code', 'se-delete-account-btn', wrongCode(code, 4), USED_UP);
  await expect(page.locator('#se-delete-send-code')).toBeFocused();
  // The right code is refused by the server too: nothing is deleted.
  await tryCode(page, 'delete-code', 'se-delete-account-btn', code, USED_UP);
  expect((await dump(request, who.email)).status()).toBe(200);
  await expect(page.locator('#se-delete-send-code')).toBeFocused();
  await expect(page.locator('#se-delete-send-code')).toHaveText('Send a new code');
  await page.keyboard.press('Enter');
  await expect(page.locator('#se-delete-code-sent')).toContainText(`We sent a code to ${who.email}`);
  // The message is gone with the old code; the new code's field is next.
  await expect(page.locator('#delete-code-error')).toBeEmpty();
  await expect(page.locator('#delete-code')).toBeFocused();
  await expect(page.locator('#delete-code')).toHaveValue('');
  const fresh = await latestCode(request, who.email);
  expect(fresh).not.toBe('');
  // A new code starts a new count: one wrong try is an ordinary wrong code again.
  await tryCode(page, 'delete-code', 'se-delete-account-btn', wrongCode(fresh, 1), WRONG);
  await page.locator('#delete-code').fill(fresh);
  await page.locator('#se-delete-account-btn').click();
  await expect(page.locator('#se-alert-login-info')).toContainText('deleted');
  expect((await dump(request, who.email)).status()).toBe(404);
});

test('change e-mail: after four wrong codes (old or new address) the right one no longer works; a new code does', async ({ page, request }) => {
  const who = await freshAccount(request, { pro: true });
  const newEmail = uniqueEmail('worn');
  await login(page, who);
  await openChange(page, who.email);
  const old = await latestCode(request, who.email);
  await page.locator('#change-new-email').fill(newEmail);
  for (const k of [1, 2, 3]) {
    await tryCode(page, 'change-old-code', 'se-change-email-next', wrongCode(old, k), WRONG);
  }
  await tryCode(page, 'change-old-code', 'se-change-email-next', wrongCode(old, 4), USED_UP);
  await expect(page.locator('#se-change-email-resend-old')).toBeFocused();
  await tryCode(page, 'change-old-code', 'se-change-email-next', old, USED_UP);
  // Refused by the server: no code went to the new address.
  expect(await outbox(request, newEmail)).toHaveLength(0);
  await expect(page.locator('#se-change-email-resend-old')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#change-old-code')).toBeFocused();
  await expect(page.locator('#change-old-code-error')).toBeEmpty();
  const freshOld = await nextCode(request, who.email, 2);
  await page.locator('#change-old-code').fill(freshOld);
  await page.locator('#se-change-email-next').click();
  await expect(page.locator('#change-new-code')).toBeFocused();
  // The code to the new address wears the same way.
  const sentNew = await latestCode(request, newEmail);
  for (const k of [1, 2, 3]) {
    await tryCode(page, 'change-new-code', 'se-change-email-finish', wrongCode(sentNew, k), WRONG);
  }
  await tryCode(page, 'change-new-code', 'se-change-email-finish', wrongCode(sentNew, 4), USED_UP);
  await expect(page.locator('#se-change-email-resend-new')).toBeFocused();
  await tryCode(page, 'change-new-code', 'se-change-email-finish', sentNew, USED_UP);
  expect((await dump(request, who.email)).status()).toBe(200);
  await page.locator('#se-change-email-resend-new').click();
  await expect(page.locator('#change-new-code')).toBeFocused();
  await expect(page.locator('#change-new-code-error')).toBeEmpty();
  const freshNew = await nextCode(request, newEmail, 2);
  await page.locator('#change-new-code').fill(freshNew);
  await page.locator('#se-change-email-finish').click();
  await expect(page.locator('#se-change-email-done')).toContainText(newEmail);
});

test('delete account deep link: a logged-out visitor logs in first and comes back', async ({ page, request }) => {
  const who = await freshAccount(request, { pro: true });
  await page.goto('/map/delete-account/');
  // The logged-out panel says why a login is needed; its Log in comes back here.
  await expect(page.locator('#se-empty-login-page')).toBeVisible();
  await expect(page.locator('#se-alert-login-info')).toContainText('To delete your OsmAnd account, log in to it first.');
  await expect(page).toHaveURL(/\/map\/delete-account\/?$/);
  await page.locator('#se-login-btn').click();
  await expect(page).toHaveURL(/\/map\/account\/login\?redirect=/);
  await loginForm(page, who);
  await expect(page).toHaveURL(/\/map\/delete-account\/?$/);
  await expect(page.locator('#se-delete-account-dialog')).toBeVisible();
});

test('keyboard only: change the e-mail', async ({ page, request }) => {
  const who = await freshAccount(request, { pro: true });
  const newEmail = uniqueEmail('kbd');
  await login(page, who);
  const opener = page.locator('#se-login-menu-user-item-actions');
  await opener.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#se-account-change-email')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#se-change-email-sent')).toContainText('We sent a code');
  // Focus is inside the dialog; Tab to the code field and type.
  for (let i = 0; i < 6 && !(await page.locator('#change-old-code').evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await page.keyboard.type(await latestCode(request, who.email));
  await page.keyboard.press('Tab'); // the resend button
  await page.keyboard.press('Tab');
  await expect(page.locator('#change-new-email')).toBeFocused();
  await page.keyboard.type(newEmail);
  await page.keyboard.press('Enter');
  await expect(page.locator('#change-new-code')).toBeFocused();
  await page.keyboard.type(await latestCode(request, newEmail));
  await page.keyboard.press('Enter');
  await expect(page.locator('#se-change-email-login')).toBeVisible();
  await page.locator('#se-change-email-login').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Email')).toHaveValue(newEmail);
});

test('keyboard only: Escape closes the change dialog and focus returns to the ⋮ button', async ({ page }) => {
  await login(page, DEMO);
  const opener = page.locator('#se-login-menu-user-item-actions');
  await opener.focus();
  await page.keyboard.press('Enter');
  // The menu puts focus on its first item once it is drawn; Enter then picks it.
  await expect(page.locator('#se-account-change-email')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#se-change-email-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('#se-change-email-dialog')).toBeHidden();
  await expect(opener).toBeFocused();
});

test('keyboard only: delete an account', async ({ page, request }) => {
  const who = await freshAccount(request, { pro: true });
  await login(page, who);
  await page.goto('/map/delete-account/');
  const send = page.locator('#se-delete-send-code');
  await send.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#delete-email')).toBeFocused();
  await page.keyboard.type(who.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(await latestCode(request, who.email));
  await page.keyboard.press('Enter');
  await expect(page.locator('#se-alert-login-info')).toContainText('deleted');
  expect((await dump(request, who.email)).status()).toBe(404);
});

test('axe: delete page and change dialog in Dutch', async ({ page, request }) => {
  const who = await freshAccount(request, { pro: true });
  await login(page, who);
  await page.getByRole('combobox').selectOption('nl');
  // The Dutch texts are fetched first: wait until the page shows them.
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await page.goto('/map/delete-account/');
  await expect(page.locator('#se-delete-account-dialog')).toBeVisible();
  await expectNoA11yViolations(page);
  await page.goto('/map/account/');
  await page.locator('#se-login-menu-user-item-actions').click();
  await page.locator('#se-account-change-email').click();
  await expect(page.locator('#se-change-email-sent')).toBeVisible();
  await expectNoA11yViolations(page);
});

test('server refusals are shown in the user\'s language, never as the server\'s English', async ({ page, request }) => {
  const who = await freshAccount(request, { pro: true });
  await login(page, who);
  await page.getByRole('combobox').selectOption('nl');
  // The Dutch texts are fetched first: wait until the page shows them.
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  // Change e-mail: a wrong old code, then an address another account uses.
  await page.locator('#se-login-menu-user-item-actions').click();
  await page.locator('#se-account-change-email').click();
  await expect(page.locator('#se-change-email-sent')).toBeVisible();
  const code = await latestCode(request, who.email);
  await page.locator('#change-old-code').fill(code === '0000' ? '1111' : '0000');
  await page.locator('#change-new-email').fill(uniqueEmail('nl'));
  await page.locator('#se-change-email-next').click();
  await expect(page.locator('#change-old-code-error')).toHaveText('Deze code is onjuist of verlopen. Kijk in de nieuwste e-mail of vraag een nieuwe code aan.');
  await page.locator('#se-change-email-resend-old').click();
  await expect.poll(() => latestCode(request, who.email)).not.toBe(code);
  await page.locator('#change-old-code').fill(await latestCode(request, who.email));
  await page.locator('#change-new-email').fill(DEMO.email);
  await page.locator('#se-change-email-next').click();
  await expect(page.locator('#change-new-email-error')).toHaveText('Een ander OsmAnd-account gebruikt dit e-mailadres al. Kies een ander adres.');
  await page.keyboard.press('Escape');
  // Delete account with a wrong code: about the code only, no password nobody asked for.
  await page.goto('/map/delete-account/');
  await page.locator('#se-delete-send-code').click();
  await expect(page.locator('#se-delete-code-sent')).toBeVisible();
  const del = await latestCode(request, who.email);
  await page.locator('#delete-email').fill(who.email);
  await page.locator('#delete-code').fill(del === '0000' ? '1111' : '0000');
  await page.locator('#se-delete-account-btn').click();
  const error = page.locator('#delete-code-error');
  await expect(error).toHaveText('Deze code is onjuist of verlopen. Kijk in de nieuwste e-mail of vraag een nieuwe code aan.');
  await expect(error).not.toContainText(/password|wachtwoord|Token/i);
});
