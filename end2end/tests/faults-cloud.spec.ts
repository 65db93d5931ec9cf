import { test, expect, type Page, type APIRequestContext, type Locator } from '@playwright/test';
import { DEMO, clearFaults, fault, freshAccount, login, callGoesOut, fakeClockFor, runOutDeadline, FAULT_KINDS, FAULT_MESSAGE, FAULT_SPEC, type FaultKind } from './helpers';

// Fault matrix for the logged-in cloud endpoints (OsmAnd Cloud info, Download all, Changes and
// Trash): each of 500, 429, a 10 s delay, malformed JSON, a dropped connection, a 302 and a
// server that never answers. In
// every case the screen shows a specific message (or a busy state that refuses a second click,
// for the delay), stays usable (the same action then succeeds), and the server stored the
// mutation exactly once (counted through /dev/accounts).
type Kind = FaultKind;
const KINDS = FAULT_KINDS;
const SPEC = FAULT_SPEC;
const MESSAGE = FAULT_MESSAGE;

let tried = 0;
let passed = 0;
test.afterEach(async ({ request }) => clearFaults(request));
test.afterAll(() => {
  console.log(`fault matrix (cloud endpoints): ${passed} of ${tried} cases passed`);
});

interface Ctx {
  email: string;
}

interface Scenario {
  endpoint: string;
  method?: string;
  /** Kinds that apply (a binary download has no "malformed JSON"). */
  kinds?: Kind[];
  prepare: (page: Page, request: APIRequestContext) => Promise<Ctx>;
  /** Triggers the call. */
  act: (page: Page) => Promise<void>;
  /** The control that must refuse a second click while the call runs. */
  busy?: (page: Page) => Locator;
  error: (page: Page) => Locator;
  /** Retries after a failure (default: `act` again). */
  retry?: (page: Page) => Promise<void>;
  /** The call answers with a file. */
  download?: boolean;
  /** Evidence of success on screen. */
  success?: (page: Page) => Locator;
  /** Stored rows that the action changes, and what they must be after one success. */
  stored?: (request: APIRequestContext, ctx: Ctx) => Promise<number>;
  expected?: (before: number) => number;
}

async function versions(request: APIRequestContext, email: string, name?: string) {
  const res = await request.get(`/dev/accounts/${encodeURIComponent(email)}`);
  const files: { name: string }[] = (await res.json()).files;
  return name ? files.filter((f) => f.name === name).length : files.length;
}

function row(page: Page, name: string) {
  return page.locator('.cloud-row').filter({ has: page.locator('.cloud-row__name', { hasText: name }) });
}

async function rowAction(page: Page, name: string, action: string) {
  const r = row(page, name).first();
  await r.locator('button[aria-controls]').click();
  await r.locator(action).click();
}

async function proWithDemoFiles(page: Page, request: APIRequestContext, path: string): Promise<Ctx> {
  const who = await freshAccount(request, { pro: true, files: 'demo' });
  await login(page, who);
  await page.goto(path);
  await expect(page.locator('.cloud-row__name').first()).toBeVisible();
  return { email: who.email };
}

const SCENARIOS: Scenario[] = [
  {
    endpoint: '/mapapi/list-files',
    prepare: async (page) => {
      await login(page, DEMO);
      await expect(page.locator('#se-login-menu-cloud-used')).not.toBeEmpty();
      return { email: DEMO.email };
    },
    act: async (page) => {
      await page.goto('/map/account/cloud');
    },
    error: (p) => p.locator('#se-cloud-error'),
    retry: async (p) => p.locator('#se-cloud-error').getByRole('button').click(),
    success: (p) => p.locator('#se-cloud-total-files'),
  },
  {
    endpoint: '/mapapi/download-backup',
    prepare: async (page) => {
      await login(page, DEMO);
      await page.goto('/map/account/cloud');
      await page.locator('#se-download-backup').click();
      return { email: DEMO.email };
    },
    act: async (p) => p.locator('#se-download-backup-btn').click(),
    busy: (p) => p.locator('#se-download-backup-btn'),
    error: (p) => p.locator('#se-download-backup-error'),
    retry: async (p) => p.locator('#se-download-backup-error').getByRole('button').click(),
    download: true,
  },
  {
    endpoint: '/mapapi/download-file',
    kinds: ['500', '429', 'delay', 'drop', '302', 'silent'],
    prepare: (page, request) => proWithDemoFiles(page, request, '/map/settings/cloud/changes'),
    act: async (p) => rowAction(p, 'Morning run.gpx', '#se-cloud-changes-actions-download'),
    error: (p) => p.locator('#se-cloud-action-error'),
    download: true,
  },
  {
    endpoint: '/mapapi/download-file-from-prev-version',
    kinds: ['500', '429', 'delay', 'drop', '302', 'silent'],
    prepare: (page, request) => proWithDemoFiles(page, request, '/map/settings/cloud/trash'),
    act: async (p) => rowAction(p, 'Canal walk.gpx', '#se-trash-actions-download'),
    error: (p) => p.locator('#se-cloud-action-error'),
    download: true,
  },
  {
    endpoint: '/mapapi/restore-file',
    prepare: (page, request) => proWithDemoFiles(page, request, '/map/settings/cloud/trash'),
    act: async (p) => rowAction(p, 'Canal walk.gpx', '#se-trash-actions-restore'),
    error: (p) => p.locator('#se-cloud-action-error'),
    success: (p) => p.locator('#se-cloud-notice'),
    stored: (r, c) => versions(r, c.email, 'Canal walk.gpx'),
    expected: (n) => n + 1,
  },
  {
    endpoint: '/mapapi/delete-file-all-versions',
    prepare: (page, request) => proWithDemoFiles(page, request, '/map/settings/cloud/trash'),
    act: async (p) => {
      if (!(await p.locator('#se-cloud-confirm-confirm').isVisible())) {
        await rowAction(p, 'Old trip.gpx', '#se-trash-actions-delete');
      }
      await p.locator('#se-cloud-confirm-confirm').click();
    },
    busy: (p) => p.locator('#se-cloud-confirm-confirm'),
    error: (p) => p.locator('#se-cloud-confirm'),
    success: (p) => p.locator('#se-cloud-notice'),
    stored: (r, c) => versions(r, c.email, 'Old trip.gpx'),
    expected: () => 0,
  },
  {
    endpoint: '/mapapi/empty-trash',
    prepare: (page, request) => proWithDemoFiles(page, request, '/map/settings/cloud/trash'),
    act: async (p) => {
      if (!(await p.locator('#se-cloud-confirm-confirm').isVisible())) await p.locator('#se-empty_trash').click();
      await p.locator('#se-cloud-confirm-confirm').click();
    },
    busy: (p) => p.locator('#se-cloud-confirm-confirm'),
    error: (p) => p.locator('#se-cloud-confirm'),
    success: (p) => p.locator('#se-empty-trash-page'),
    stored: (r, c) => versions(r, c.email, 'Canal walk.gpx'),
    expected: () => 0,
  },
];

for (const sc of SCENARIOS) {
  for (const kind of sc.kinds ?? KINDS) {
    test(`${sc.endpoint} × ${kind}`, async ({ page, request }) => {
      tried += 1;
      if (kind === 'delay') test.setTimeout(45_000);
      await fakeClockFor(page, kind);
      const ctx = await sc.prepare(page, request);
      const before = sc.stored ? await sc.stored(request, ctx) : 0;
      await fault(request, { path: sc.endpoint, ...SPEC[kind], times: 1 });
      const succeed = async (again: () => Promise<void>) => {
        if (sc.download) {
          const [file] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), again()]);
          expect(file.suggestedFilename().length).toBeGreaterThan(0);
        } else {
          await again();
          if (sc.success) await expect(sc.success(page)).toBeVisible({ timeout: 20_000 });
        }
      };
      if (kind === 'delay') {
        await succeed(async () => {
          await sc.act(page);
          if (sc.busy) {
            await expect(sc.busy(page)).toBeDisabled();
            await sc.busy(page).click({ force: true, noWaitAfter: true, timeout: 1000 }).catch(() => {});
          }
        });
      } else if (kind === '302') {
        await sc.act(page);
        await expect(page.locator('#se-alert-login-info')).toContainText('Your session has ended');
        await expect(page).toHaveURL(/\/map\/account\/login/);
        if (sc.stored) expect(await sc.stored(request, ctx)).toBe(before);
        passed += 1;
        return;
      } else {
        const sent = callGoesOut(page, request, kind, sc.endpoint);
        await sc.act(page);
        await runOutDeadline(page, kind, sent, sc.busy?.(page));
        await expect(sc.error(page)).toContainText(MESSAGE[kind]);
        if (sc.stored) expect(await sc.stored(request, ctx)).toBe(before);
        await succeed(() => (sc.retry ?? sc.act)(page));
      }
      if (sc.stored && sc.expected) {
        await expect.poll(() => sc.stored!(request, ctx)).toBe(sc.expected(before));
      }
      passed += 1;
    });
  }
}
