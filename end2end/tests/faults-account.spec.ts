import { test, expect, type Page, type APIRequestContext, type Locator } from '@playwright/test';
import { DEMO, clearFaults, fault, freshAccount, latestCode, login, uniqueEmail, callGoesOut, fakeClockFor, runOutDeadline, FAULT_KINDS, FAULT_MESSAGE, FAULT_SPEC, type FaultKind } from './helpers';

// Fault matrix for the logged-in account endpoints (Purchases, change e-mail, delete account):
// each of 500, 429, a 10 s delay, malformed JSON, a dropped connection, a 302 and a
// server that never answers. In every case
// the screen shows a specific message (or a busy state that refuses a second click, for the
// delay), stays usable (the same step then succeeds), and the server stored the mutation exactly
// once: e-mails counted in /dev/outbox, accounts through /dev/accounts.
type Kind = FaultKind;
const KINDS = FAULT_KINDS;
const SPEC = FAULT_SPEC;
const MESSAGE = FAULT_MESSAGE;

let tried = 0;
let passed = 0;
test.afterEach(async ({ request }) => {
  await clearFaults(request);
});
test.afterAll(() => {
  console.log(`fault matrix (account endpoints): ${passed} of ${tried} cases passed`);
});

interface Ctx {
  email: string;
  newEmail?: string;
}

interface Scenario {
  name: string;
  endpoint: string;
  prepare: (page: Page, request: APIRequestContext) => Promise<Ctx>;
  act: (page: Page, ctx: Ctx) => Promise<void>;
  /** The control that must refuse a second click while the call runs. */
  busy?: (page: Page) => Locator;
  error: (page: Page) => Locator;
  retry?: (page: Page, ctx: Ctx) => Promise<void>;
  success: (page: Page) => Locator;
  stored?: (request: APIRequestContext, ctx: Ctx) => Promise<number>;
  expected?: (before: number) => number;
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

const SCENARIOS: Scenario[] = [
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
  },
];

for (const sc of SCENARIOS) {
  for (const kind of KINDS) {
    test(`${sc.endpoint} (${sc.name}) × ${kind}`, async ({ page, request }) => {
      tried += 1;
      if (kind === 'delay') test.setTimeout(45_000);
      await fakeClockFor(page, kind);
      const ctx = await sc.prepare(page, request);
      const before = sc.stored ? await sc.stored(request, ctx) : 0;
      await fault(request, { path: sc.endpoint, ...SPEC[kind], times: 1 });
      if (kind === 'delay') {
        await sc.act(page, ctx);
        if (sc.busy) {
          await expect(sc.busy(page)).toBeDisabled();
          await sc.busy(page).click({ force: true, noWaitAfter: true, timeout: 1000 }).catch(() => {});
        }
        await expect(sc.success(page)).toBeVisible({ timeout: 20_000 });
      } else if (kind === '302') {
        await sc.act(page, ctx);
        await expect(page.locator('#se-alert-login-info')).toContainText('Your session has ended');
        await expect(page).toHaveURL(/\/map\/account\/login/);
        if (sc.stored) expect(await sc.stored(request, ctx)).toBe(before);
        passed += 1;
        return;
      } else {
        const sent = callGoesOut(page, request, kind, sc.endpoint);
        await sc.act(page, ctx);
        await runOutDeadline(page, kind, sent, sc.busy?.(page));
        await expect(sc.error(page)).toContainText(MESSAGE[kind]);
        if (sc.busy) await expect(sc.busy(page)).toBeEnabled();
        if (sc.stored) expect(await sc.stored(request, ctx)).toBe(before);
        await (sc.retry ?? sc.act)(page, ctx);
        await expect(sc.success(page)).toBeVisible({ timeout: 20_000 });
      }
      if (sc.stored && sc.expected) {
        await expect.poll(() => sc.stored!(request, ctx)).toBe(sc.expected(before));
      }
      passed += 1;
    });
  }
}
