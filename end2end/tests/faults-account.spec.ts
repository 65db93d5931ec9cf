import { test, expect, type Page, type APIRequestContext } from '@playwright/test';
import { DEMO, freshAccount, latestCode, login, uniqueEmail, LONG_DEADLINE_MS } from './helpers';
import { faultMatrix, LOGGED_IN_RULES, type FaultCase } from './faults';

// Fault matrix for the logged-in account endpoints (Purchases, change e-mail, delete account):
// each of 500, 429, a 10 s delay, malformed JSON, a dropped connection, a 302 and a
// server that never answers. In every case
// the screen shows a specific message (or a busy state that refuses a second click, for the
// delay), stays usable (the same step then succeeds), and the server stored the mutation exactly
// once: e-mails counted in /dev/outbox, accounts through /dev/accounts.
interface Ctx {
  email: string;
  newEmail?: string;
}

async function mails(request: APIRequestContext, to: string) {
  return (await (await request.get(`/dev/outbox?to=${encodeURIComponent(to)}`)).json()).length as number;
}

async function accountExists(request: APIRequestContext, email: string) {
  return (await request.get(`/dev/accounts/${encodeURIComponent(email)}`)).status() === 200 ? 1 : 0;
}

async function loggedIn(page: Page, request: APIRequestContext): Promise<Ctx> {
  const who = await freshAccount(request, { pro: true });
  await login(page, who);
  await expect(page.locator('#se-login-menu-purchases-status')).not.toBeEmpty();
  return { email: who.email };
}

async function openChange(page: Page) {
  await page.locator('#se-login-menu-user-item-actions').click();
  await page.locator('#se-account-change-email').click();
}

async function changeFirstStep(page: Page, request: APIRequestContext): Promise<Ctx> {
  const ctx = await loggedIn(page, request);
  await openChange(page);
  await expect(page.locator('#se-change-email-sent')).toContainText(ctx.email);
  const newEmail = uniqueEmail('fault-new');
  await page.locator('#change-old-code').fill(await latestCode(request, ctx.email));
  await page.locator('#change-new-email').fill(newEmail);
  return { ...ctx, newEmail };
}

const CASES: FaultCase<Ctx>[] = [
  {
    name: 'purchases page',
    endpoint: '/mapapi/get-account-info',
    prepare: async (page) => {
      await login(page, DEMO);
      await expect(page.locator('#se-login-menu-purchases-status')).not.toBeEmpty();
      return { email: DEMO.email };
    },
    act: async (p) => {
      await p.locator('#se-login-menu-osmand-purchases').click();
    },
    error: (p) => p.locator('#se-purchases-error'),
    retry: async (p) => p.locator('#se-purchases-error').getByRole('button').click(),
    success: (p) => p.locator('#se-purchases-list'),
  },
  {
    name: 'code for a new e-mail address (opening Change e-mail)',
    endpoint: '/mapapi/auth/send-code',
    prepare: loggedIn,
    act: async (p) => openChange(p),
    error: (p) => p.locator('#se-change-email-error'),
    retry: async (p) => p.locator('#se-change-email-resend-old').click(),
    success: (p) => p.locator('#se-change-email-sent', { hasText: 'We sent a code' }),
    stored: (r, c) => mails(r, c.email),
    expected: (n) => n + 1,
  },
  {
    name: 'Next in Change e-mail',
    endpoint: '/mapapi/auth/send-code-to-new-email',
    prepare: changeFirstStep,
    act: async (p) => p.locator('#se-change-email-next').click(),
    busy: (p) => p.locator('#se-change-email-next'),
    error: (p) => p.locator('#se-change-email-error'),
    success: (p) => p.locator('#change-new-code'),
    stored: (r, c) => mails(r, c.newEmail ?? ''),
    expected: () => 1,
  },
  {
    name: 'Finish in Change e-mail',
    endpoint: '/mapapi/auth/change-email',
    prepare: async (page, request) => {
      const ctx = await changeFirstStep(page, request);
      await page.locator('#se-change-email-next').click();
      await expect(page.locator('#change-new-code')).toBeVisible();
      await page.locator('#change-new-code').fill(await latestCode(request, ctx.newEmail ?? ''));
      return ctx;
    },
    act: async (p) => p.locator('#se-change-email-finish').click(),
    busy: (p) => p.locator('#se-change-email-finish'),
    error: (p) => p.locator('#se-change-email-error'),
    success: (p) => p.locator('#se-change-email-done'),
    stored: (r, c) => accountExists(r, c.newEmail ?? ''),
    expected: () => 1,
  },
  {
    name: 'code for deleting the account',
    endpoint: '/mapapi/auth/send-code',
    prepare: async (page, request) => {
      const ctx = await loggedIn(page, request);
      await page.locator('#se-login-menu-delete-account').click();
      await expect(page.locator('#se-delete-send-code')).toBeVisible();
      return ctx;
    },
    act: async (p) => p.locator('#se-delete-send-code').click(),
    busy: (p) => p.locator('#se-delete-send-code'),
    error: (p) => p.locator('#se-delete-account-error'),
    success: (p) => p.locator('#se-delete-code-sent', { hasText: 'We sent a code' }),
    stored: (r, c) => mails(r, c.email),
    expected: (n) => n + 1,
  },
  {
    name: 'Delete account',
    endpoint: '/mapapi/auth/delete-account',
    prepare: async (page, request) => {
      const ctx = await loggedIn(page, request);
      await page.locator('#se-login-menu-delete-account').click();
      await page.locator('#se-delete-send-code').click();
      await expect(page.locator('#se-delete-code-sent')).toBeVisible();
      await page.locator('#delete-email').fill(ctx.email);
      await page.locator('#delete-code').fill(await latestCode(request, ctx.email));
      return ctx;
    },
    act: async (p) => p.locator('#se-delete-account-btn').click(),
    busy: (p) => p.locator('#se-delete-account-btn'),
    error: (p) => p.locator('#se-delete-account-error'),
    success: (p) => p.locator('#se-alert-login-info', { hasText: 'deleted' }),
    stored: (r, c) => accountExists(r, c.email),
    expected: () => 0,
    deadlineMs: LONG_DEADLINE_MS,
    // No answer (a dropped connection, or none in 10 minutes): the app looks what the server
    // did before it says anything, and here the server did nothing.
    messages: { drop: /answer did not arrive/, silent: /answer did not arrive/ },
  },
];

const matrix = faultMatrix(CASES, {
  // Here the busy control must also be enabled again once the error shows.
  rules: { ...LOGGED_IN_RULES, enabledAfterError: true },
  summary: ({ tried, passed }) => `fault matrix (account endpoints): ${passed} of ${tried} cases passed`,
});
for (const { title, run } of matrix.tests) test(title, run);
