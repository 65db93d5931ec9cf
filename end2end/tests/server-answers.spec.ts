import { test, expect, type Page } from '@playwright/test';
import { freshAccount, login } from './helpers';

// Issue #18, points 3 and 6: the devserver answers as osmand.net's master does (restore only for
// GPX content, an empty 200 for a version that is gone, a bare {"status":"ok"} from empty-trash),
// the friendlier forms stay behind its switch, and the panel tells the truth with either.

test.afterEach(async ({ request }) => { await request.delete('/dev/switches'); });

function row(page: Page, name: string) {
  return page.locator('.cloud-row').filter({ has: page.locator('.cloud-row__name', { hasText: name }) });
}

async function openMenu(page: Page, name: string) {
  const r = row(page, name).first();
  await r.locator('button[aria-controls]').click();
  return r;
}

async function friendly(page: Page, on: boolean) {
  const res = await page.request.post('/dev/switches', { data: { friendlyAnswers: on } });
  expect(res.ok(), await res.text()).toBeTruthy();
}

async function newestVersion(page: Page, name: string) {
  const list = await (await page.request.get(`/mapapi/list-files?allVersions=true&name=${encodeURIComponent(name)}`)).json();
  return list.allFiles[0] as { name: string; type: string; updatetimems: number; zipSize: number };
}

test('restore is offered for tracks and favourites only; a settings file gets Download and the reason', async ({ page, request }) => {
  const who = await freshAccount(request, { pro: true, files: 'demo' });
  await login(page, who);
  // A settings file deleted on another device.
  expect((await page.request.post('/mapapi/delete-file?name=bicycle.json&type=PROFILE')).ok()).toBeTruthy();
  // The server cannot bring it back: master re-reads it as GPX and fails.
  const tomb = await newestVersion(page, 'bicycle.json');
  const refused = await page.request.get(`/mapapi/restore-file?name=bicycle.json&type=PROFILE&updatetime=${tomb.updatetimems}`);
  expect([refused.status(), await refused.text()]).toEqual([400, 'Error restore file']);

  await page.goto('/map/settings/cloud/trash');
  const settings = await openMenu(page, 'bicycle.json');
  await expect(settings.locator('#se-trash-actions-restore')).toHaveCount(0);
  await expect(settings.locator('#se-trash-actions-no-restore')).toHaveText(/Only tracks and favourites can be restored/);
  await expect(settings.locator('#se-trash-actions-no-restore')).toBeDisabled();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    settings.locator('#se-trash-actions-download').click(),
  ]);
  expect(download.suggestedFilename()).toBe('bicycle.json');
  await page.keyboard.press('Escape');
  const track = await openMenu(page, 'Canal walk.gpx');
  await expect(track.locator('#se-trash-actions-restore')).toBeEnabled();
  await expect(track.locator('#se-trash-actions-no-restore')).toHaveCount(0);
  await page.keyboard.press('Escape');
  const favourites = await openMenu(page, 'favorites-Parking.gpx');
  await favourites.locator('#se-trash-actions-restore').click();
  await expect(page.locator('#se-cloud-notice')).toContainText('favorites-Parking.gpx was restored');

  // Changes: the deletion row of the settings file says the same.
  await page.goto('/map/settings/cloud/changes');
  const deletion = page.locator('#se-cloud_change-bicycle-Deleted');
  await expect(deletion).toHaveCount(1);
  await deletion.locator('button[aria-controls]').click();
  await expect(deletion.locator('#se-changes-actions-restore')).toHaveCount(0);
  await expect(deletion.locator('#se-changes-actions-no-restore')).toBeVisible();
  await expect(deletion.locator('#se-changes-actions-download')).toBeEnabled();
  // The settings file is still in the trash on the server.
  expect((await newestVersion(page, 'bicycle.json')).zipSize).toBe(-1);
});

for (const kind of ['master', 'friendly'] as const) {
  test(`a version that is gone on the server (${kind} answer) is reported as no longer available`, async ({ page, request }) => {
    const who = await freshAccount(request, { pro: true, files: 'demo' });
    await login(page, who);
    await friendly(page, kind === 'friendly');
    const gone = await newestVersion(page, 'Morning run.gpx');
    await page.goto('/map/settings/cloud/changes');
    await page.locator('#se-cloud-filter').fill('Morning run');
    // Filtered: no other file's row is left (the unfiltered list may show two of these too).
    await expect(page.locator('.cloud-row__name').filter({ hasNotText: /Morning run/ })).toHaveCount(0);
    await expect(row(page, 'Morning run.gpx')).toHaveCount(2);
    // Another device deletes that version after the list was shown.
    const del = await page.request.post(`/mapapi/delete-file-version?name=${encodeURIComponent(gone.name)}&type=GPX&updatetime=${gone.updatetimems}`);
    expect(del.ok()).toBeTruthy();
    const raw = await page.request.get(`/mapapi/download-file?name=${encodeURIComponent(gone.name)}&type=GPX&updatetime=${gone.updatetimems}`);
    expect(raw.status()).toBe(kind === 'master' ? 200 : 404);
    let downloads = 0;
    page.on('download', () => { downloads += 1; });
    const r = await openMenu(page, 'Morning run.gpx');
    await r.locator('#se-changes-actions-download').click();
    const error = page.locator('#se-cloud-action-error');
    // Master's empty 200 and the friendlier 404 tell the user the same.
    await expect(error).toHaveText(/This version is no longer available\./);
    await expect(page.locator('#se-cloud-notice', { hasText: 'downloaded' })).toHaveCount(0);
    expect(downloads).toBe(0);
  });

  test(`empty trash (${kind} answer) lists the trash again and reports what is left`, async ({ page, request }) => {
    const who = await freshAccount(request, { pro: true, files: 'demo' });
    await login(page, who);
    await friendly(page, kind === 'friendly');
    await page.goto('/map/settings/cloud/trash');
    await expect(page.locator('#se-cloud-trash-items .cloud-row:not(.cloud-row--month)')).toHaveCount(3);
    // Behind the panel's back: Canal walk is restored and deleted again (a newer tombstone, so
    // the server refuses to drop the one the panel asks for), Old trip is restored for good.
    for (const name of ['Canal walk.gpx', 'Old trip.gpx']) {
      const t = await newestVersion(page, name);
      expect((await page.request.get(`/mapapi/restore-file?name=${encodeURIComponent(name)}&type=GPX&updatetime=${t.updatetimems}`)).ok()).toBeTruthy();
    }
    expect((await page.request.post(`/mapapi/delete-file?name=${encodeURIComponent('Canal walk.gpx')}&type=GPX`)).ok()).toBeTruthy();
    const answers: string[] = [];
    page.on('response', async (res) => { if (res.url().endsWith('/mapapi/empty-trash')) answers.push(await res.text()); });
    await page.locator('#se-empty_trash').click();
    await expect(page.locator('#se-delete-trash-dialog')).toBeVisible();
    await page.locator('#se-delete-trash-dialog-delete').click();
    await expect(page.locator('#se-cloud-notice')).toHaveText('1 file deleted for good. Still in the trash: Canal walk.gpx');
    expect(answers).toHaveLength(1);
    if (kind === 'master') expect(answers[0]).toBe('{"status":"ok"}');
    else expect(JSON.parse(answers[0]).summary.deleted).toBe(1);
    // The list shows what the server has: Canal walk (its new tombstone) and nothing else.
    await expect(page.locator('#se-cloud-trash-items .cloud-row:not(.cloud-row--month)')).toHaveCount(1);
    await expect(row(page, 'Canal walk.gpx')).toHaveCount(1);
    // Old trip was restored meanwhile: neither deleted nor in the trash.
    expect((await newestVersion(page, 'Old trip.gpx')).zipSize).toBeGreaterThan(0);
    const parking = await (await page.request.get('/mapapi/list-files?allVersions=true&name=favorites-Parking.gpx')).json();
    expect(parking.allFiles).toEqual([]);
  });
}
