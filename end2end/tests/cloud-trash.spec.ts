import { test, expect, type Page, type APIRequestContext } from '@playwright/test';
import { callGoesOut, clearFaults, expectNoA11yViolations, fault, freshAccount, login, LONG_DEADLINE_MS } from './helpers';

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
  // Not a dead end: what Pro adds, and a link to the plans (a new tab).
  await expect(page.locator('#se-cloud-pro-title')).toHaveText('What OsmAnd Pro adds');
  await expect(page.locator('#se-cloud-pro-offers li')).toHaveCount(3);
  await expect(page.locator('#se-cloud-pro-offers')).toContainText('Changes and Trash');
  const link = page.locator('#se-cloud-pro-link');
  await expect(link).toHaveAttribute('href', 'https://osmand.net/pricing');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAccessibleName(/Learn more about OsmAnd Pro/);
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
  await expect(page.locator('#se-delete-version-dialog')).toBeVisible();
  await expectNoA11yViolations(page);
  await page.locator('#se-delete-version-dialog-delete').click();
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
  await page.locator('#se-delete-trash-dialog-delete').click();
  await expect(page.locator('#se-cloud-notice')).toContainText('deleted for good');
  await expect(page.locator('#se-empty-trash-page')).toBeVisible();
  await expectNoA11yViolations(page);
  const d = await dump(request, who.email);
  for (const n of ['Canal walk.gpx', 'Old trip.gpx', 'favorites-Parking.gpx']) {
    expect(d.files.filter((f: { name: string }) => f.name === n)).toEqual([]);
  }
});

// Empty trash is answered only once every version is deleted: up to 10 minutes. When no answer
// comes, the trash is listed again and the app says what is really left.
test('empty trash: the answer is lost after the server emptied it — the summary, not an error', async ({ page, request }) => {
  const who = await freshAccount(request, { pro: true, files: 'demo' });
  await login(page, who);
  await page.goto('/map/settings/cloud/trash');
  await expect(page.locator('.cloud-row:not(.cloud-row--month)').first()).toBeVisible();
  await fault(request, { path: '/mapapi/empty-trash', lose_answer: true, times: 1 });
  await page.locator('#se-empty_trash').click();
  await page.locator('#se-delete-trash-dialog-delete').click();
  await expect(page.locator('#se-cloud-notice')).toContainText('deleted for good');
  await expect(page.locator('#se-empty-trash-page')).toBeVisible();
  const d = await dump(request, who.email);
  expect(d.files.filter((f: { name: string }) => f.name === 'Canal walk.gpx')).toEqual([]);
});

test('empty trash: no answer within 10 minutes and nothing deleted — says what is left, and trying again empties it', async ({ page, request }) => {
  const who = await freshAccount(request, { pro: true, files: 'demo' });
  await page.clock.install();
  await login(page, who);
  await page.goto('/map/settings/cloud/trash');
  await expect(page.locator('.cloud-row:not(.cloud-row--month)').first()).toBeVisible();
  await fault(request, { path: '/mapapi/empty-trash', hang: true, times: 1 });
  const sent = callGoesOut(page, request, 'silent', '/mapapi/empty-trash');
  await page.locator('#se-empty_trash').click();
  await page.locator('#se-delete-trash-dialog-delete').click();
  await sent;
  await page.clock.fastForward(60_000);
  await expect(page.locator('#se-delete-trash-dialog-delete')).toBeDisabled();
  await page.clock.fastForward(LONG_DEADLINE_MS);
  const dialog = page.locator('#se-delete-trash-dialog');
  await expect(dialog).toContainText('did not arrive. Still in the trash:');
  await expect(dialog).toContainText('Canal walk.gpx');
  expect((await dump(request, who.email)).files.some((f: { name: string }) => f.name === 'Canal walk.gpx')).toBe(true);
  await page.locator('#se-delete-trash-dialog-delete').click();
  await expect(page.locator('#se-cloud-notice')).toContainText('deleted for good');
  await expect(page.locator('#se-empty-trash-page')).toBeVisible();
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
    r.locator('#se-changes-actions-download').click(),
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

const versionsOf = async (request: APIRequestContext, email: string, name: string) =>
  (await dump(request, email)).files.filter((f: { name: string }) => f.name === name).length;

async function deleteNewestMorningRun(page: Page, request: APIRequestContext) {
  const who = await freshAccount(request, { pro: true, files: 'demo' });
  // Fake timers (time still flows) so the test can run the undo period out without waiting.
  await page.clock.install();
  await login(page, who);
  const before = await versionsOf(request, who.email, 'Morning run.gpx');
  await page.goto('/map/settings/cloud/changes');
  await filterTo(page, 'Morning run');
  await expect(row(page, 'Morning run.gpx')).toHaveCount(before);
  const r = await openMenu(page, 'Morning run.gpx');
  await r.locator('#se-changes-actions-delete').click();
  await expect(row(page, 'Morning run.gpx')).toHaveCount(before - 1);
  await expect(page.locator('#se-cloud-undo-bar')).toBeVisible();
  return { who, before };
}

test('delete version: Undo brings the row back and the server keeps the version', async ({ page, request }) => {
  const { who, before } = await deleteNewestMorningRun(page, request);
  await expectNoA11yViolations(page);
  await page.locator('#se-cloud-undo').click();
  await expect(row(page, 'Morning run.gpx')).toHaveCount(before);
  await expect(page.locator('#se-cloud-undo-bar')).toHaveCount(0);
  await page.clock.runFor(20_000);
  await page.reload();
  await filterTo(page, 'Morning run');
  await expect(row(page, 'Morning run.gpx')).toHaveCount(before);
  expect(await versionsOf(request, who.email, 'Morning run.gpx')).toBe(before);
});

test('delete version without Undo reaches the server when the undo period ends', async ({ page, request }) => {
  const { who, before } = await deleteNewestMorningRun(page, request);
  expect(await versionsOf(request, who.email, 'Morning run.gpx')).toBe(before);
  await page.clock.runFor(20_000);
  await expect(page.locator('#se-cloud-notice')).toHaveText('Version deleted.');
  await expect.poll(() => versionsOf(request, who.email, 'Morning run.gpx')).toBe(before - 1);
});

test('leaving the list during the undo period still deletes the version', async ({ page, request }) => {
  const { who, before } = await deleteNewestMorningRun(page, request);
  await page.locator('#se-panel-back, a[href="/map/settings/"]').first().click();
  await expect(page).toHaveURL(/\/map\/settings\/$/);
  await expect.poll(() => versionsOf(request, who.email, 'Morning run.gpx')).toBe(before - 1);
});

test('a refused version delete puts the row back with the reason', async ({ page, request }) => {
  const { who, before } = await deleteNewestMorningRun(page, request);
  await fault(request, { path: '/mapapi/delete-file-version', status: 500, times: 1 });
  await page.clock.runFor(20_000);
  await expect(page.locator('#se-cloud-action-error')).toContainText('error 500');
  await expect(row(page, 'Morning run.gpx')).toHaveCount(before);
  expect(await versionsOf(request, who.email, 'Morning run.gpx')).toBe(before);
});

async function restoreIn(page: Page, name: string, menuId = '#se-trash-actions-restore') {
  const r = await openMenu(page, name);
  await r.locator(menuId).click();
}

test('Restore is not offered on a deletion that was already restored; a restore another device made meanwhile is explained', async ({ page, request }) => {
  const who = await freshAccount(request, { pro: true, files: 'demo' });
  await login(page, who);
  await page.goto('/map/settings/cloud/changes');
  await filterTo(page, 'Commute');
  const deletion = row(page, 'Bike/Commute to work.gpx').filter({ has: page.locator('.cloud-kind--deleted') });
  await deletion.locator('button[aria-controls]').click();
  await expect(deletion.locator('#se-changes-actions-download')).toBeVisible();
  await expect(deletion.locator('#se-changes-actions-restore')).toHaveCount(0);
  await page.keyboard.press('Escape');
  // Canal walk's deletion is still in the trash: Restore is offered there.
  await filterTo(page, 'Canal');
  const canal = row(page, 'Canal walk.gpx').filter({ has: page.locator('.cloud-kind--deleted') });
  const list = await (await page.request.get('/mapapi/list-files?allVersions=true')).json();
  const tomb = list.allFiles.find((f: any) => f.name === 'Canal walk.gpx' && f.filesize < 0);
  const q = new URLSearchParams({ name: 'Canal walk.gpx', type: 'GPX', updatetime: String(tomb.updatetimems) });
  expect((await page.request.get(`/mapapi/restore-file?${q}`)).ok()).toBeTruthy();
  await canal.locator('button[aria-controls]').click();
  await canal.locator('#se-changes-actions-restore').click();
  await expect(page.locator('#se-cloud-action-error')).toContainText('This file has already been restored from this deletion.');
});

test('Trash: the type filter offers only the types in the trash, by name; the note says how long files stay', async ({ page, request }) => {
  const who = await freshAccount(request, { pro: true, files: 'demo' });
  await login(page, who);
  await page.goto('/map/settings/cloud/trash');
  await expect(row(page, 'Canal walk.gpx')).toHaveCount(1);
  const options = page.locator('#se-cloud-filter-type option');
  await expect(options).toHaveText(['All types', 'Favourites', 'Tracks']);
  await expect(page.locator('.cloud-note').first()).toContainText('files deleted more than a month ago are then removed for good');
  await page.locator('#se-cloud-filter-type').selectOption('GPX');
  await expect(row(page, 'favorites-Parking.gpx')).toHaveCount(0);
  await expect(row(page, 'Old trip.gpx')).toHaveCount(1);
  // Every trash row was deleted within the last month (the server purges older ones).
  for (const t of await page.locator('.cloud-row__time').allTextContents()) expect(t).not.toMatch(/20\d\d/);
  await page.locator('#lang-switch').selectOption('nl');
  // The Dutch texts are fetched first: wait until the page shows them.
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(options).toHaveText(['Alle typen', 'Favorieten', 'Tracks']);
  const menu = await openMenu(page, 'Old trip.gpx');
  await expect(menu.locator('#se-trash-actions-restore')).toHaveText('Herstellen uit prullenbak');
  await expect(menu.locator('#se-trash-actions-delete')).toHaveText('Onmiddellijk verwijderen');
});

test('restore refused: the file was deleted for good meanwhile on another device', async ({ page, request }) => {
  const who = await freshAccount(request, { pro: true, files: 'demo' });
  await login(page, who);
  await page.goto('/map/settings/cloud/trash');
  await expect(row(page, 'Canal walk.gpx')).toHaveCount(1);
  const list = await (await page.request.get('/mapapi/list-files?allVersions=true')).json();
  const tomb = list.allFiles.find((f: any) => f.name === 'Canal walk.gpx' && f.filesize < 0);
  const q = new URLSearchParams({ name: 'Canal walk.gpx', type: 'GPX', updatetime: String(tomb.updatetimems), isTrash: 'true' });
  expect((await page.request.get(`/mapapi/delete-file-all-versions?${q}`)).ok()).toBeTruthy();
  await restoreIn(page, 'Canal walk.gpx');
  await expect(page.locator('#se-cloud-action-error')).toContainText('This file is no longer in OsmAnd Cloud. Reload the list.');
});

test('restore refused: the version before the deletion was removed meanwhile', async ({ page, request }) => {
  const who = await freshAccount(request, { pro: true, files: 'demo' });
  await login(page, who);
  await page.goto('/map/settings/cloud/trash');
  await expect(row(page, 'Canal walk.gpx')).toHaveCount(1);
  const list = await (await page.request.get('/mapapi/list-files?allVersions=true')).json();
  for (const f of list.allFiles.filter((f: any) => f.name === 'Canal walk.gpx' && f.filesize >= 0)) {
    const q = new URLSearchParams({ name: f.name, type: f.type, updatetime: String(f.updatetimems) });
    expect((await page.request.post(`/mapapi/delete-file-version?${q}`)).ok()).toBeTruthy();
  }
  await restoreIn(page, 'Canal walk.gpx');
  await expect(page.locator('#se-cloud-action-error')).toContainText('There is no earlier version of this file left to restore or download.');
});

test('restore refused: a live version is not deleted (server rule)', async ({ page, request }) => {
  const who = await freshAccount(request, { pro: true, files: 'demo' });
  await login(page, who);
  const list = await (await page.request.get('/mapapi/list-files?allVersions=true')).json();
  const live = list.allFiles.find((f: any) => f.name === 'Morning run.gpx' && f.filesize >= 0);
  const q = new URLSearchParams({ name: live.name, type: live.type, updatetime: String(live.updatetimems) });
  const res = await page.request.get(`/mapapi/restore-file?${q}`);
  expect(res.status()).toBe(400);
  expect(await res.text()).toContain('File is not deleted');
});

test('restore refused by the quota rule once the Pro plan has lapsed: the server text as sent, nothing stored', async ({ page, request }) => {
  const who = await freshAccount(request, { pro: true, files: 'demo' });
  await login(page, who);
  await page.goto('/map/settings/cloud/trash');
  await expect(row(page, 'Canal walk.gpx')).toHaveCount(1);
  const before = await versionsOf(request, who.email, 'Canal walk.gpx');
  const DAY = 24 * 3600 * 1000;
  try {
    // The annual plan ends 335 days after the account was made. Run the server's clock past
    // that in 20-day steps, keeping the session alive in between (it ends after 30 idle days).
    for (let day = 0; day < 340; day += 20) {
      await request.post('/dev/clock', { data: { advance_ms: 20 * DAY } });
      expect((await page.request.get('/mapapi/auth/info')).ok()).toBeTruthy();
    }
    await restoreIn(page, 'Canal walk.gpx');
    await expect(page.locator('#se-cloud-action-error')).toContainText('A free account keeps only favourites, settings, profiles and OSM edits and notes in OsmAnd Cloud. With OsmAnd Pro this file can be restored.');
    await expect(row(page, 'Canal walk.gpx')).toHaveCount(1);
    expect(await versionsOf(request, who.email, 'Canal walk.gpx')).toBe(before);
  } finally {
    await request.delete('/dev/clock');
  }
});

test('a slow restore keeps its row busy and allows no second action; the restored version shows OsmAnd Web', async ({ page, request }) => {
  const who = await freshAccount(request, { pro: true, files: 'demo' });
  await login(page, who);
  await page.goto('/map/settings/cloud/trash');
  await fault(request, { path: '/mapapi/restore-file', delay_ms: 3000, times: 1 });
  await restoreIn(page, 'Canal walk.gpx');
  const r = row(page, 'Canal walk.gpx');
  await expect(r).toHaveAttribute('aria-busy', 'true');
  const other = await openMenu(page, 'Old trip.gpx');
  await expect(other.locator('#se-trash-actions-restore')).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(page.locator('#se-cloud-notice')).toContainText('Canal walk.gpx');
  await page.goto('/map/settings/cloud/changes');
  await filterTo(page, 'Canal');
  await expect(row(page, 'Canal walk.gpx').first().locator('.cloud-row__device')).toHaveText('OsmAnd Web');
  expect((await dump(request, who.email)).files.filter((f: any) => f.name === 'Canal walk.gpx').length).toBe(3);
});

test('special names render as text in the running app', async ({ page, request }) => {
  const who = await freshAccount(request, { pro: true });
  const res = await request.post('/dev/generate-files', {
    data: { email: who.email, files: 2, versions_per_file: 1, types: ['<img src=x onerror=window.__pwned=1>'] },
  });
  expect(res.ok()).toBeTruthy();
  await login(page, who);
  await page.goto('/map/settings/cloud/changes');
  await expect(page.locator('.cloud-row__name').first()).toBeVisible();
  await expect(page.locator('.cloud-list img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
});

test('settings page has no axe violations', async ({ page, request }) => {
  const who = await freshAccount(request, { pro: true, files: 'demo' });
  await login(page, who);
  await page.goto('/map/settings/');
  await expect(page.locator('#se-cloud_changes')).toBeVisible();
  await expectNoA11yViolations(page);
});

test('keyboard only: restore a file from Trash', async ({ page, request }) => {
  const who = await freshAccount(request, { pro: true, files: 'demo' });
  await login(page, who);
  await page.goto('/map/settings/cloud/trash');
  const menuButton = row(page, 'Canal walk.gpx').locator('button[aria-controls]');
  await expect(menuButton).toBeVisible();
  for (let i = 0; i < 40; i++) {
    if (await menuButton.evaluate((el) => el === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  await expect(menuButton).toBeFocused();
  await page.keyboard.press('Enter');
  const restore = row(page, 'Canal walk.gpx').locator('#se-trash-actions-restore');
  await expect(restore).toBeVisible();
  for (let i = 0; i < 6; i++) {
    if (await restore.evaluate((el) => el === document.activeElement)) break;
    await page.keyboard.press('ArrowDown');
  }
  await expect(restore).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#se-cloud-notice')).toContainText('Canal walk.gpx');
  await expect(row(page, 'Canal walk.gpx')).toHaveCount(0);
});

test('changes list has no axe violations', async ({ page, request }) => {
  const who = await freshAccount(request, { pro: true, files: 'demo' });
  await login(page, who);
  await page.goto('/map/settings/cloud/changes');
  await expect(page.locator('.cloud-month').first()).toBeVisible();
  await expectNoA11yViolations(page);
});
