import { test, expect, type Page, type APIRequestContext } from '@playwright/test';
import { clearFaults, expectNoA11yViolations, fault, freshAccount, login } from './helpers';

test.afterEach(async ({ request }) => clearFaults(request));

async function dump(request: APIRequestContext, email: string) {
  const res = await request.get(`/dev/accounts/${encodeURIComponent(email)}`);
  expect(res.ok()).toBeTruthy();
  return res.json();
}

function row(page: Page, name: string) {
  return page.locator('.cloud-row').filter({ has: page.locator('.cloud-row__name', { hasText: name }) });
}

async function filterTo(page: Page, text: string) {
  await page.locator('#se-cloud-filter').fill(text);
  await expect(page.locator('.cloud-row__name').filter({ hasNotText: new RegExp(text, 'i') })).toHaveCount(0);
}

async function openMenu(page: Page, name: string) {
  const r = row(page, name).first();
  await r.locator('button[aria-controls]').click();
  return r;
}

test('settings shows the cloud rows to a Pro account', async ({ page, request }) => {
  const who = await freshAccount(request, { pro: true, files: 'demo' });
  await login(page, who);
  await page.goto('/map/settings/');
  await expect(page.locator('#se-cloud_changes')).toBeVisible();
  await expect(page.locator('#se-cloud_trash')).toBeVisible();
  await page.locator('#se-cloud_trash').click();
  await expect(page).toHaveURL(/\/map\/settings\/cloud\/trash$/);
});

test('a free account is told the history is a Pro feature', async ({ page, request }) => {
  const who = await freshAccount(request, { pro: false });
  await login(page, who);
  await page.goto('/map/settings/');
  await expect(page.locator('#se-cloud-pro-only')).toBeVisible();
  await expect(page.locator('#se-cloud_changes')).toHaveCount(0);
});

test('restore from trash brings the file back in Changes and in list-files', async ({ page, request }) => {
  const who = await freshAccount(request, { pro: true, files: 'demo' });
  await login(page, who);
  await page.goto('/map/settings/cloud/trash');
  await expect(row(page, 'Canal walk.gpx')).toHaveCount(1);
  const r = await openMenu(page, 'Canal walk.gpx');
  await r.locator('#se-trash-actions-restore').click();
  await expect(page.locator('#se-cloud-notice')).toContainText('Canal walk.gpx');
  await expect(row(page, 'Canal walk.gpx')).toHaveCount(0);
  const list = await (await page.request.get('/mapapi/list-files')).json();
  const canal = list.uniqueFiles.find((f: { name: string }) => f.name === 'Canal walk.gpx');
  expect(canal.filesize).toBeGreaterThan(0);
  await page.goto('/map/settings/cloud/changes');
  await filterTo(page, 'canal');
  const rows = row(page, 'Canal walk.gpx');
  await expect(rows).toHaveCount(3);
  await expect(rows.first().locator('.cloud-kind')).not.toHaveText('Deleted');
});

test('delete immediately removes all versions', async ({ page, request }) => {
  const who = await freshAccount(request, { pro: true, files: 'demo' });
  await login(page, who);
  await page.goto('/map/settings/cloud/trash');
  const r = await openMenu(page, 'Old trip.gpx');
  await r.locator('#se-trash-actions-delete').click();
  await expect(page.locator('#se-cloud-confirm')).toBeVisible();
  await expectNoA11yViolations(page);
  await page.locator('#se-cloud-confirm-confirm').click();
  await expect(row(page, 'Old trip.gpx')).toHaveCount(0);
  const d = await dump(request, who.email);
  expect(d.files.filter((f: { name: string }) => f.name === 'Old trip.gpx')).toEqual([]);
});

test('empty trash empties it and shows the summary', async ({ page, request }) => {
  const who = await freshAccount(request, { pro: true, files: 'demo' });
  await login(page, who);
  await page.goto('/map/settings/cloud/trash');
  await expect(page.locator('.cloud-row:not(.cloud-row--month)').first()).toBeVisible();
  await expectNoA11yViolations(page);
  await page.locator('#se-empty_trash').click();
  await page.locator('#se-cloud-confirm-confirm').click();
  await expect(page.locator('#se-cloud-notice')).toContainText('deleted for good');
  await expect(page.locator('#se-empty-trash-page')).toBeVisible();
  await expectNoA11yViolations(page);
  const d = await dump(request, who.email);
  for (const n of ['Canal walk.gpx', 'Old trip.gpx', 'favorites-Parking.gpx']) {
    expect(d.files.filter((f: { name: string }) => f.name === n)).toEqual([]);
  }
});

test('a failing restore reports the error and keeps the row', async ({ page, request }) => {
  const who = await freshAccount(request, { pro: true, files: 'demo' });
  await login(page, who);
  await page.goto('/map/settings/cloud/trash');
  await fault(request, { path: '/mapapi/restore-file', status: 500, times: 1 });
  const r = await openMenu(page, 'Canal walk.gpx');
  await r.locator('#se-trash-actions-restore').click();
  await expect(page.locator('#se-cloud-action-error')).toBeVisible();
  await expect(row(page, 'Canal walk.gpx')).toHaveCount(1);
});

test('a downloaded version has the bytes the server stored', async ({ page, request }) => {
  const who = await freshAccount(request, { pro: true, files: 'demo' });
  await login(page, who);
  await page.goto('/map/settings/cloud/changes');
  await filterTo(page, 'Morning run');
  const r = await openMenu(page, 'Morning run.gpx');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    r.locator('#se-cloud-changes-actions-download').click(),
  ]);
  const path = await download.path();
  const fs = await import('node:fs');
  const got = fs.readFileSync(path);
  const list = await (await page.request.get('/mapapi/list-files?allVersions=true')).json();
  const newest = list.allFiles
    .filter((f: { name: string }) => f.name === 'Morning run.gpx')
    .sort((a: { updatetimems: number }, b: { updatetimems: number }) => b.updatetimems - a.updatetimems)[0];
  const want = await (
    await page.request.get(`/mapapi/download-file?type=GPX&name=${encodeURIComponent('Morning run.gpx')}&updatetime=${newest.updatetimems}`)
  ).body();
  expect(got.equals(want)).toBeTruthy();
  expect(download.suggestedFilename()).toBe('Morning run.gpx');
});

test('deleting a version removes it on the server after confirm', async ({ page, request }) => {
  const who = await freshAccount(request, { pro: true, files: 'demo' });
  await login(page, who);
  const before = (await dump(request, who.email)).files.filter((f: { name: string }) => f.name === 'Morning run.gpx').length;
  await page.goto('/map/settings/cloud/changes');
  await filterTo(page, 'Morning run');
  await expect(row(page, 'Morning run.gpx')).toHaveCount(before);
  const r = await openMenu(page, 'Morning run.gpx');
  await r.locator('#se-cloud-changes-actions-delete').click();
  await expectNoA11yViolations(page);
  await page.locator('#se-cloud-confirm-confirm').click();
  await expect(row(page, 'Morning run.gpx')).toHaveCount(before - 1);
  const after = (await dump(request, who.email)).files.filter((f: { name: string }) => f.name === 'Morning run.gpx').length;
  expect(after).toBe(before - 1);
});

test('changes list has no axe violations', async ({ page, request }) => {
  const who = await freshAccount(request, { pro: true, files: 'demo' });
  await login(page, who);
  await page.goto('/map/settings/cloud/changes');
  await expect(page.locator('.cloud-month').first()).toBeVisible();
  await expectNoA11yViolations(page);
});
