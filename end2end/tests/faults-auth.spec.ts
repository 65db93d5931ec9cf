import { test, expect, type APIRequestContext } from '@playwright/test';
import { DEMO, fault, latestCode, uniqueEmail, FAULT_MESSAGE, FAULT_SPEC } from './helpers';
import { faultMatrix, LOGGED_OUT_RULES, type FaultCase } from './faults';

// Fault matrix for every endpoint the logged-out screens call: each of 500, 429, a 10 s delay,
// malformed JSON, a dropped connection, a 302 and a server that never answers. In every case the screen shows a specific
// message (or a busy state, for the delay), stays usable (the same action then succeeds), and
// the server stored no duplicate (counted through /dev).
interface Ctx {
  email: string;
}

/** The button that triggers the call (and is busy while it runs). */
function button(selector: string): Pick<FaultCase<Ctx>, 'act' | 'busy'> {
  return { act: (p) => p.locator(selector).click(), busy: (p) => p.locator(selector) };
}

async function outboxCount(request: APIRequestContext, { email }: Ctx) {
  return (await (await request.get(`/dev/outbox?to=${encodeURIComponent(email)}`)).json()).length;
}

const CASES: FaultCase<Ctx>[] = [
  {
    endpoint: '/mapapi/auth/login',
    prepare: async (page) => {
      await page.goto('/map/account/login');
      await page.locator('#username').fill(DEMO.email);
      await page.locator('#pwd').fill(DEMO.password);
      return { email: DEMO.email };
    },
    ...button('#se-submit-login'),
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
    ...button('#se-signup-continue'),
    error: (p) => p.locator('#signup-email-error'),
    success: (p) => p.locator('#se-code-intro'),
    stored: outboxCount,
    expected: (n) => n + 1,
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
    ...button('#se-code-continue'),
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
    ...button('#se-create-account-submit'),
    error: (p) => p.locator('#se-signup-error'),
    success: (p) => p.locator('#se-account-email'),
    stored: async (request, { email }) => {
      const dump = await (await request.get(`/dev/accounts/${encodeURIComponent(email)}`)).json();
      return dump.devices.filter((d: { deviceid: string }) => d.deviceid === 'web').length;
    },
    expected: (n) => n + 1,
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
    ...button('#se-logout-btn'),
    error: (p) => p.locator('#se-logout-error'),
    success: (p) => p.locator('#se-empty-login-page'),
    // A logout answered with "your session is gone" is a finished logout.
    sessionEnd: 'done',
  },
];

const matrix = faultMatrix(CASES, {
  rules: LOGGED_OUT_RULES,
  summary: ({ tried, passed }) => `fault matrix (logged-out screens): ${tried} cases tried, ${passed} passed`,
});
for (const { title, run } of matrix.tests) test(title, run);

test('/mapapi/auth/info at start-up: each fault gives a specific message and Try again recovers', async ({ page, request }) => {
  for (const kind of ['500', '429', 'malformed', 'drop'] as const) {
    await matrix.tally.attempt(async () => {
      await fault(request, { path: '/mapapi/auth/info', ...FAULT_SPEC[kind], times: 1 });
      await page.goto('/map/account/');
      const banner = page.locator('#se-session-error');
      await expect(banner).toContainText(FAULT_MESSAGE[kind]);
      await banner.getByRole('button').click();
      await expect(page.locator('#se-empty-login-page')).toBeVisible();
      await expect(banner).toHaveCount(0);
    });
  }
});
