import { test, expect, type Page, type APIRequestContext } from '@playwright/test';
import { DEMO, freshAccount, login, LONG_DEADLINE_MS } from './helpers';
import { faultMatrix, LOGGED_IN_RULES, type FaultCase } from './faults';

// Fault matrix for the logged-in cloud endpoints (OsmAnd Cloud info, Download all, Changes and
// Trash): each of 500, 429, a 10 s delay, malformed JSON, a dropped connection, a 302 and a
// server that never answers. In
// every case the screen shows a specific message (or a busy state that refuses a second click,
// for the delay), stays usable (the same action then succeeds), and the server stored the
// mutation exactly once (counted through /dev/accounts).
interface Ctx {
  email: string;
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

const CASES: FaultCase<Ctx>[] = [
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
    success: (p) => p.locator('#cloud-info-total-files'),
  },
  {
    endpoint: '/mapapi/download-backup',
    // No 'silent': the backup has no deadline for its first byte (the server builds the whole
    // archive first); the dialog shows the wait and Cancel ends it.
    kinds: ['500', '429', 'delay', 'malformed', 'drop', '302'],
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
    act: async (p) => rowAction(p, 'Morning run.gpx', '#se-changes-actions-download'),
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
      if (!(await p.locator('#se-delete-version-dialog-delete').isVisible())) {
        await rowAction(p, 'Old trip.gpx', '#se-trash-actions-delete');
      }
      await p.locator('#se-delete-version-dialog-delete').click();
    },
    busy: (p) => p.locator('#se-delete-version-dialog-delete'),
    error: (p) => p.locator('#se-delete-version-dialog'),
    success: (p) => p.locator('#se-cloud-notice'),
    stored: (r, c) => versions(r, c.email, 'Old trip.gpx'),
    expected: () => 0,
  },
  {
    endpoint: '/mapapi/empty-trash',
    prepare: (page, request) => proWithDemoFiles(page, request, '/map/settings/cloud/trash'),
    act: async (p) => {
      if (!(await p.locator('#se-delete-trash-dialog-delete').isVisible())) await p.locator('#se-empty_trash').click();
      await p.locator('#se-delete-trash-dialog-delete').click();
    },
    busy: (p) => p.locator('#se-delete-trash-dialog-delete'),
    error: (p) => p.locator('#se-delete-trash-dialog'),
    success: (p) => p.locator('#se-empty-trash-page'),
    stored: (r, c) => versions(r, c.email, 'Canal walk.gpx'),
    expected: () => 0,
    deadlineMs: LONG_DEADLINE_MS,
    // No answer (a dropped connection, or none in 10 minutes): the app looks what the server
    // did before it says anything, and here the server did nothing.
    messages: { drop: /answer did not arrive/, silent: /answer did not arrive/ },
  },
];

const matrix = faultMatrix(CASES, {
  rules: LOGGED_IN_RULES,
  summary: ({ tried, passed }) => `fault matrix (cloud endpoints): ${passed} of ${tried} cases passed`,
});
for (const { title, run } of matrix.tests) test(title, run);
