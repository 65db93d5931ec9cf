import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const DEMO = { email: 'demo@example.com', password: 'demo-password' };
export const FREE = { email: 'start@example.com', password: 'start-password' };

/** Makes the devserver answer `path` with a fault until cleared (see devserver /dev/faults). */
export async function fault(request: APIRequestContext, spec: Record<string, unknown>) {
  const res = await request.post('/dev/faults', { data: spec });
  expect(res.ok(), await res.text()).toBeTruthy();
}

export async function clearFaults(request: APIRequestContext) {
  await request.delete('/dev/faults');
}

/** Creates a fresh account through the devserver's test hook and returns its credentials. */
export async function freshAccount(request: APIRequestContext, opts: { pro?: boolean; files?: 'demo' | 'none' } = {}) {
  const email = `user-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
  const password = 'fresh-password-1';
  const res = await request.post('/dev/accounts', { data: { email, password, pro: opts.pro ?? false, files: opts.files ?? 'none' } });
  expect(res.ok(), await res.text()).toBeTruthy();
  return { email, password };
}

/** Opens the login form and signs in. */
export async function login(page: Page, who: { email: string; password: string }) {
  await page.goto('/map/account/login');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('#se-account-email')).toHaveText(who.email);
}

/** Runs axe-core over the page (WCAG 2.2 A/AA rules) and fails with the list of violations. */
export async function expectNoA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const found = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(found, 'axe violations').toEqual([]);
}

/**
 * The newest code mailed to `to` (from the devserver outbox). Waits for the first mail, so a
 * caller may ask right after the click that sends it; after a resend, callers wait for the
 * page to say the code went out before asking again.
 */
export async function latestCode(request: APIRequestContext, to: string): Promise<string> {
  let code = '';
  await expect.poll(async () => {
    const res = await request.get(`/dev/outbox?to=${encodeURIComponent(to)}`);
    expect(res.ok()).toBeTruthy();
    const mails = await res.json();
    code = mails.length > 0 ? mails[0].code : '';
    return code;
  }, { message: `a code mailed to ${to}` }).not.toBe('');
  return code;
}

export function uniqueEmail(tag = 'user') {
  return `${tag}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
}

// The fault matrix (faults-*.spec.ts): the kinds tried on every endpoint, how /dev/faults makes
// each, and the message the app shows for those that end in an error. `silent` is a server that
// never answers: the app gives up after 30 s (run out on Playwright's clock, see `runOutDeadline`).
export type FaultKind = '500' | '429' | 'delay' | 'malformed' | 'drop' | '302' | 'silent';
export const FAULT_KINDS: FaultKind[] = ['500', '429', 'delay', 'malformed', 'drop', '302', 'silent'];
export const FAULT_SPEC: Record<FaultKind, Record<string, unknown>> = {
  '500': { status: 500 },
  '429': { status: 429, body: 'Too many requests. Try again later.' },
  delay: { delay_ms: 10_000 },
  malformed: { malformed: true },
  drop: { drop: true },
  '302': { status: 302 },
  silent: { hang: true },
};
export const FAULT_MESSAGE: Record<Exclude<FaultKind, 'delay' | '302'>, RegExp> = {
  '500': /error 500/,
  '429': /Too many/,
  malformed: /does not understand/,
  drop: /can’t be reached/,
  silent: /did not answer within 30 seconds/,
};

/** For `silent` faults: fake timers from the start of the test (time still flows)… */
export async function fakeClockFor(page: Page, kind: FaultKind) {
  if (kind === 'silent') await page.clock.install();
}

/**
 * For `silent` faults, called before the action: resolves once the app's call to `endpoint` has
 * gone out and the server has taken the fault (a used-up fault leaves `/dev/faults`), so the call
 * really hangs there. The app sets its deadline timer in the same task as `fetch`, so from then on
 * running the clock forward is sure to reach it. (A page still loading may call later than the
 * action returns; and a call aborted before it reached the server would leave the fault for the
 * retry.)
 */
export function callGoesOut(page: Page, request: APIRequestContext, kind: FaultKind, endpoint: string): Promise<unknown> | undefined {
  if (kind !== 'silent') return undefined;
  const sent = page.waitForRequest((r) => new URL(r.url()).pathname === endpoint, { timeout: 20_000 });
  return (async () => {
    await sent;
    await expect
      .poll(async () => {
        const faults: { path: string }[] = await (await request.get('/dev/faults')).json();
        return faults.some((f) => f.path === endpoint);
      }, { message: `the server takes the ${endpoint} fault` })
      .toBe(false);
  })();
}

/** The deadline of the two calls the server answers only once a big deletion is done. */
export const LONG_DEADLINE_MS = 600_000;

/**
 * …and, once that call is under way, the app's answer deadline (30 s, or `deadlineMs`) run out
 * at once.
 */
export async function runOutDeadline(page: Page, kind: FaultKind, sent: Promise<unknown> | undefined, busy?: Locator, deadlineMs = 30_000) {
  if (kind !== 'silent') return;
  await sent;
  // Still waiting (busy) before the deadline passes.
  if (busy) await expect(busy).toBeDisabled();
  await page.clock.fastForward(deadlineMs + 1000);
}
