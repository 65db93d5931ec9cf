import { test, expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { callGoesOut, clearFaults, fakeClockFor, fault, runOutDeadline, FAULT_KINDS, FAULT_MESSAGE, FAULT_SPEC, type FaultKind } from './helpers';

// The fault matrix runner (faults-*.spec.ts). A spec declares its cases (the endpoint, how to
// reach and trigger the call, what the user must see) and gets from `faultMatrix` one test per
// case and fault kind: set the fault on the devserver, trigger the call, check the screen (an
// error, a busy state for the delay, or the end of the session for a 302), retry, and check what
// the server stored. After the file's tests it prints how many cases passed.

/**
 * What a 302 ("your session is gone") leads to:
 * - `login`: the app sends the user to the login page saying the session has ended, and nothing
 *   is stored;
 * - `message`: the screen's error says the session has ended, like any other fault (a logged-out
 *   screen has no session to end), and the same action then succeeds;
 * - `done`: the action counts as done (a logout whose session is already gone).
 */
export type SessionEnd = 'login' | 'message' | 'done';

export interface FaultCase<Ctx> {
  /** The endpoint the fault is set on; the test titles start with it. */
  endpoint: string;
  /** Tells apart cases on the same endpoint (in brackets in the titles). */
  name?: string;
  /** Kinds that apply (default: all; a binary download has no "malformed JSON"). */
  kinds?: FaultKind[];
  /** Brings the screen to just before the action; returns a context for the checks. */
  prepare: (page: Page, request: APIRequestContext) => Promise<Ctx>;
  /** Triggers the call. */
  act: (page: Page, ctx: Ctx) => Promise<void>;
  /** The control that must refuse a second click while the call runs. */
  busy?: (page: Page) => Locator;
  /** Where the error shows. */
  error: (page: Page) => Locator;
  /** Retries after a failure (default: `act` again). */
  retry?: (page: Page, ctx: Ctx) => Promise<void>;
  /** The call answers with a file: success is the download. */
  download?: boolean;
  /** Evidence of success on screen. */
  success?: (page: Page) => Locator;
  /** What a 302 leads to here, where it differs from the matrix's rules. */
  sessionEnd?: SessionEnd;
  /** The call's answer deadline, where it is not the usual 30 s. */
  deadlineMs?: number;
  /** Messages that differ from the matrix's (`FAULT_MESSAGE`) for some kinds. */
  messages?: Partial<Record<FaultKind, RegExp>>;
  /** Stored rows that the action changes, and what they must be after one success. */
  stored?: (request: APIRequestContext, ctx: Ctx) => Promise<number>;
  expected?: (before: number) => number;
}

/**
 * How a matrix checks its cases. The logged-in screens (faults-cloud, faults-account) and the
 * logged-out ones (faults-auth) have always checked a little differently; these keep each as it was.
 */
export interface FaultRules {
  /** Test timeout of a `delay` case… */
  delayTimeout: number;
  /** …set once the fault is in place rather than when the test starts. */
  delayTimeoutOnceFaulted?: boolean;
  /** What a 302 leads to, unless the case says otherwise. */
  sessionEnd: SessionEnd;
  /** After an error, the busy control is enabled again (checked before the retry). */
  enabledAfterError: boolean;
  /** After an error, the stored count has not moved. */
  unchangedAfterError: boolean;
  /** How long the refused second click of a `delay` case may try (unset: Playwright's default). */
  secondClickTimeout?: number;
  /**
   * How long success may take to show after the retry, or after a 302 that is `done` (unset: the
   * expect timeout). A `delay` case always allows 20 s.
   */
  successTimeout?: number;
  /** The stored count is polled until it matches (else read once, when success shows). */
  pollStored: boolean;
  /** A count that cannot be read before the action counts as 0 (e.g. no account yet). */
  zeroIfUnreadable?: boolean;
}

/** The logged-in screens: a 302 ends the session; counts are polled. */
export const LOGGED_IN_RULES: FaultRules = {
  delayTimeout: 45_000,
  sessionEnd: 'login',
  enabledAfterError: false,
  unchangedAfterError: true,
  secondClickTimeout: 1000,
  successTimeout: 20_000,
  pollStored: true,
};

/** The logged-out screens: a 302 is one more error message; a count is read once. */
export const LOGGED_OUT_RULES: FaultRules = {
  delayTimeout: 40_000,
  delayTimeoutOnceFaulted: true,
  sessionEnd: 'message',
  enabledAfterError: true,
  unchangedAfterError: false,
  pollStored: false,
  zeroIfUnreadable: true,
};

/** What a logged-in screen shows at the login page after a 302, and a logged-out one in its error. */
const SESSION_ENDED_NOTICE = 'Your session has ended';
const SESSION_ENDED_MESSAGE = /session has ended/;

/** Cases tried and passed in one spec file (printed after its tests). */
export class FaultTally {
  tried = 0;
  passed = 0;

  /** Counts `run` as one case: tried when it starts, passed if it finishes. */
  async attempt(run: () => Promise<void>): Promise<void> {
    this.tried += 1;
    await run();
    this.passed += 1;
  }
}

/** One test of the matrix, for the spec to declare with `test(title, run)`. */
export interface FaultTest {
  title: string;
  run: (fixtures: { page: Page; request: APIRequestContext }) => Promise<void>;
}

/**
 * Sets up a spec file's matrix: clears the faults after each test, prints `summary` after the
 * file's tests, and returns one test per case and fault kind (titled `endpoint × kind`, or
 * `endpoint (name) × kind`) with the tally (for tests of the file that count cases of their own).
 * The spec declares the tests itself, so that Playwright reports them at its own line:
 *
 *     for (const { title, run } of matrix.tests) test(title, run);
 */
export function faultMatrix<Ctx>(
  cases: FaultCase<Ctx>[],
  options: { rules: FaultRules; summary: (tally: FaultTally) => string },
): { tests: FaultTest[]; tally: FaultTally } {
  const { rules, summary } = options;
  const tally = new FaultTally();
  test.afterEach(async ({ request }) => clearFaults(request));
  test.afterAll(() => {
    console.log(summary(tally));
  });
  const tests = cases.flatMap((c) =>
    (c.kinds ?? FAULT_KINDS).map((kind): FaultTest => ({
      title: c.name ? `${c.endpoint} (${c.name}) × ${kind}` : `${c.endpoint} × ${kind}`,
      run: async ({ page, request }) => tally.attempt(() => runCase(page, request, c, kind, rules)),
    })),
  );
  return { tests, tally };
}

async function runCase<Ctx>(page: Page, request: APIRequestContext, c: FaultCase<Ctx>, kind: FaultKind, rules: FaultRules) {
  if (kind === 'delay' && !rules.delayTimeoutOnceFaulted) test.setTimeout(rules.delayTimeout);
  await fakeClockFor(page, kind);
  const ctx = await c.prepare(page, request);
  const { stored } = c;
  const count = stored && (() => stored(request, ctx));
  let before = 0;
  if (count) before = rules.zeroIfUnreadable ? await count().catch(() => 0) : await count();
  await fault(request, { path: c.endpoint, ...FAULT_SPEC[kind], times: 1 });
  if (kind === 'delay' && rules.delayTimeoutOnceFaulted) test.setTimeout(rules.delayTimeout);

  const succeed = async (action: () => Promise<void>, timeout: number | undefined) => {
    if (c.download) {
      const [file] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), action()]);
      expect(file.suggestedFilename().length).toBeGreaterThan(0);
    } else {
      await action();
      if (c.success) await expect(c.success(page)).toBeVisible({ timeout });
    }
  };
  const sessionEnd = c.sessionEnd ?? rules.sessionEnd;

  if (kind === 'delay') {
    await succeed(async () => {
      await c.act(page, ctx);
      if (c.busy) {
        // Busy, and a second click does nothing.
        await expect(c.busy(page)).toBeDisabled();
        await c.busy(page).click({ force: true, noWaitAfter: true, timeout: rules.secondClickTimeout }).catch(() => {});
      }
    }, 20_000);
  } else if (kind === '302' && sessionEnd === 'login') {
    await c.act(page, ctx);
    await expect(page.locator('#se-alert-login-info')).toContainText(SESSION_ENDED_NOTICE);
    await expect(page).toHaveURL(/\/map\/account\/login/);
    if (count) expect(await count()).toBe(before);
    return;
  } else {
    const sent = callGoesOut(page, request, kind, c.endpoint);
    await c.act(page, ctx);
    await runOutDeadline(page, kind, sent, c.busy?.(page), c.deadlineMs);
    if (kind === '302' && sessionEnd === 'done') {
      if (c.success) await expect(c.success(page)).toBeVisible({ timeout: rules.successTimeout });
    } else {
      const message = kind === '302' ? SESSION_ENDED_MESSAGE : (c.messages?.[kind] ?? FAULT_MESSAGE[kind]);
      await expect(c.error(page)).toContainText(message);
      if (rules.enabledAfterError && c.busy) await expect(c.busy(page)).toBeEnabled();
      if (rules.unchangedAfterError && count) expect(await count()).toBe(before);
      await succeed(() => (c.retry ?? c.act)(page, ctx), rules.successTimeout);
    }
  }
  if (count && c.expected) {
    const want = c.expected(before);
    if (rules.pollStored) await expect.poll(count).toBe(want);
    else expect(await count()).toBe(want);
  }
}
