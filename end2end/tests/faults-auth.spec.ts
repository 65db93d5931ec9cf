import { test, expect, type Page, type APIRequestContext } from '@playwright/test';
import { DEMO, clearFaults, callGoesOut, fakeClockFor, fault, latestCode, runOutDeadline, uniqueEmail, FAULT_KINDS, FAULT_MESSAGE, FAULT_SPEC, type FaultKind } from './helpers';

// Fault matrix for every endpoint the logged-out screens call: each of 500, 429, a 10 s delay,
// malformed JSON, a dropped connection, a 302 and a server that never answers. In every case the screen shows a specific
// message (or a busy state, for the delay), stays usable (the same action then succeeds), and
// the server stored no duplicate (counted through /dev).
type Kind = FaultKind;
const KINDS = FAULT_KINDS;
const SPEC = FAULT_SPEC;
const MESSAGE: Record<Exclude<Kind, 'delay'>, RegExp> = { ...FAULT_MESSAGE, '302': /session has ended/ };

interface Scenario {
  endpoint: string;
  /** Brings the screen to just before the action; returns a context for the checks. */
  prepare: (page: Page, request: APIRequestContext) => Promise<{ email: string }>;
  /** The button that triggers the call. */
  button: (page: Page) => ReturnType<Page['locator']>;
  /** Where the error shows. */
  error: (page: Page) => ReturnType<Page['locator']>;
  /** What success looks like. */
  success: (page: Page) => ReturnType<Page['locator']>;
  /** How many rows the action stores; must be 1 after a double click during a delay. */
  stored?: (request: APIRequestContext, email: string) => Promise<number>;
}

async function outboxCount(request: APIRequestContext, email: string) {
  return (await (await request.get(`/dev/outbox?to=${encodeURIComponent(email)}`)).json()).length;
}

const SCENARIOS: Scenario[] = [
  {
    endpoint: '/mapapi/auth/login',
    prepare: async (page) => {
      await page.goto('/map/account/login');
      await page.locator('#username').fill(DEMO.email);
      await page.locator('#pwd').fill(DEMO.password);
      return { email: DEMO.email };
    },
    button: (p) => p.locator('#se-submit-login'),
    error: (p) => p.locator('#se-login-error'),
    success: (p) => p.locator('#se-account-email'),
  },
  {
    endpoint: '/mapapi/auth/register',
    prepare: async (page) => {
      const email = uniqueEmail('fault-reg');
      await page.goto('/map/account/create');
      await page.locator('#signup-email').fill(email);
      return { email };
    },
    button: (p) => p.locator('#se-signup-continue'),
    error: (p) => p.locator('#signup-email-error'),
    success: (p) => p.locator('#se-code-intro'),
    stored: outboxCount,
  },
  {
    endpoint: '/mapapi/auth/validate-token',
    prepare: async (page, request) => {
      const email = uniqueEmail('fault-val');
      await page.goto('/map/account/create');
      await page.locator('#signup-email').fill(email);
      await page.locator('#se-signup-continue').click();
      await expect(page.locator('#code')).toBeVisible();
      await page.locator('#code').fill(await latestCode(request, email));
      return { email };
    },
    button: (p) => p.locator('#se-code-continue'),
    error: (p) => p.locator('#code-error'),
    success: (p) => p.locator('#new-password'),
  },
  {
    endpoint: '/mapapi/auth/activate',
    prepare: async (page, request) => {
      const email = uniqueEmail('fault-act');
      await page.goto('/map/account/create');
      await page.locator('#signup-email').fill(email);
      await page.locator('#se-signup-continue').click();
      await expect(page.locator('#code')).toBeVisible();
      await page.locator('#code').fill(await latestCode(request, email));
      await page.locator('#se-code-continue').click();
      await page.locator('#new-password').fill('fault-password-1');
      await page.locator('#confirm-password').fill('fault-password-1');
      return { email };
    },
    button: (p) => p.locator('#se-create-account-submit'),
    error: (p) => p.locator('#se-signup-error'),
    success: (p) => p.locator('#se-account-email'),
    stored: async (request, email) => {
      const dump = await (await request.get(`/dev/accounts/${encodeURIComponent(email)}`)).json();
      return dump.devices.filter((d: { deviceid: string }) => d.deviceid === 'web').length;
    },
  },
  {
    endpoint: '/mapapi/auth/logout',
    prepare: async (page) => {
      await page.goto('/map/account/login');
      await page.locator('#username').fill(DEMO.email);
      await page.locator('#pwd').fill(DEMO.password);
      await page.locator('#se-submit-login').click();
      await expect(page.locator('#se-account-email')).toBeVisible();
      return { email: DEMO.email };
    },
    button: (p) => p.locator('#se-logout-btn'),
    error: (p) => p.locator('#se-logout-error'),
    success: (p) => p.locator('#se-empty-login-page'),
  },
];

let tried = 0;
let passed = 0;
test.afterAll(() => {
  console.log(`fault matrix (logged-out screens): ${tried} cases tried, ${passed} passed`);
});
test.afterEach(async ({ request }) => clearFaults(request));

for (const sc of SCENARIOS) {
  for (const kind of KINDS) {
    test(`${sc.endpoint} × ${kind}`, async ({ page, request }) => {
      tried += 1;
      await fakeClockFor(page, kind);
      const { email } = await sc.prepare(page, request);
      const before = sc.stored ? await sc.stored(request, email).catch(() => 0) : 0;
      await fault(request, { path: sc.endpoint, ...SPEC[kind], times: 1 });
      if (kind === 'delay') {
        test.setTimeout(40_000);
        await sc.button(page).click();
        // Busy, and a second click does nothing.
        await expect(sc.button(page)).toBeDisabled();
        await sc.button(page).click({ force: true, noWaitAfter: true }).catch(() => {});
        await expect(sc.success(page)).toBeVisible({ timeout: 20_000 });
      } else {
        const sent = callGoesOut(page, request, kind, sc.endpoint);
        await sc.button(page).click();
        await runOutDeadline(page, kind, sent, sc.button(page));
        if (kind === '302' && sc.endpoint === '/mapapi/auth/logout') {
          // A logout answered with "your session is gone" is a finished logout.
          await expect(sc.success(page)).toBeVisible();
        } else {
          await expect(sc.error(page)).toContainText(MESSAGE[kind]);
          await expect(sc.button(page)).toBeEnabled();
          await sc.button(page).click();
          await expect(sc.success(page)).toBeVisible();
        }
      }
      if (sc.stored) {
        expect(await sc.stored(request, email)).toBe(before + 1);
      }
      passed += 1;
    });
  }
}

test('/mapapi/auth/info at start-up: each fault gives a specific message and Try again recovers', async ({ page, request }) => {
  for (const kind of ['500', '429', 'malformed', 'drop'] as const) {
    tried += 1;
    await fault(request, { path: '/mapapi/auth/info', ...SPEC[kind], times: 1 });
    await page.goto('/map/account/');
    const banner = page.locator('#se-session-error');
    await expect(banner).toContainText(MESSAGE[kind]);
    await banner.getByRole('button').click();
    await expect(page.locator('#se-empty-login-page')).toBeVisible();
    await expect(banner).toHaveCount(0);
    passed += 1;
  }
});
