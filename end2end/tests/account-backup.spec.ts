import { test, expect, type Page, type APIRequestContext } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { DEMO, FREE, fault, clearFaults, freshAccount, login, expectNoA11yViolations } from './helpers';

// Account home rows, OsmAnd Cloud info and the Download-all backup (issue #4).

test.afterEach(async ({ request }) => {
  await clearFaults(request);
});

type UFile = { type: string; name: string; filesize: number; zipSize: number };

// The server's selection rules (mapapi.md §6), as the test's own oracle.
const FOLDERS = ['rendering', 'routing', 'srtm', 'tiles', 'voice', 'wiki', 'roads', 'travel', 'avnotes', 'color-palette'];
const MAPS = ['MAP_SOURCES', 'FILE_MAPS', 'FILE_SRTM', 'FILE_ROADS', 'FILE_TILES', 'FILE_WIKI', 'TERRAIN_DATA'];
function typeKey(f: UFile): string | null {
  if (f.filesize < 0 || f.name.endsWith('.info')) return null;
  const t = f.type.toUpperCase();
  if (t !== 'FILE') return t;
  const slash = f.name.indexOf('/');
  if (slash < 0) return f.name.toLowerCase().endsWith('.obf') ? 'FILE_MAPS' : null;
  const folder = f.name.slice(0, slash).toLowerCase();
  return FOLDERS.includes(folder) ? `FILE_${folder.toUpperCase()}` : null;
}

async function uniqueFiles(request: APIRequestContext): Promise<UFile[]> {
  const res = await request.get('/mapapi/list-files');
  expect(res.ok()).toBeTruthy();
  return (await res.json()).uniqueFiles;
}

/** Lists a downloaded archive: entry → {size, sha256}, and its items.json. */
function readArchive(file: string): { entries: Record<string, { size: number; sha: string }>; items: any } {
  const script = `
import sys, json, zipfile, hashlib
z = zipfile.ZipFile(sys.argv[1])
out = {"entries": {}, "items": None}
for i in z.infolist():
    data = z.read(i.filename)
    if i.filename == "items.json":
        out["items"] = json.loads(data)
    else:
        out["entries"][i.filename] = {"size": len(data), "sha": hashlib.sha256(data).hexdigest()}
print(json.dumps(out))
`;
  return JSON.parse(execFileSync('python3', ['-c', script, file]).toString());
}

async function storedSha(request: APIRequestContext, f: UFile): Promise<string> {
  const q = new URLSearchParams({ name: f.name, type: f.type });
  const res = await request.get(`/mapapi/download-file?${q}`);
  expect(res.ok(), `${f.type}/${f.name}`).toBeTruthy();
  return createHash('sha256').update(await res.body()).digest('hex');
}

async function openDialog(page: Page) {
  await page.goto('/map/account/cloud');
  await page.locator('#se-download-backup').click();
  await expect(page.locator('#se-download-backup-dialog')).toBeVisible();
}

async function downloadAndCheck(page: Page, format: 'zip' | 'osf', withMaps: boolean) {
  await login(page, DEMO);
  await openDialog(page);
  if (format === 'zip') await page.locator('label:has(#se-zip-backup)').click();
  if (withMaps) await page.locator('#se-backup-group-maps').check();
  const button = page.locator('#se-download-backup-btn');
  const shownBytes = Number(await button.getAttribute('data-bytes'));
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^Export_\\d\\d-\\d\\d-\\d\\d\\.${format}$`));
  const file = path.join(os.tmpdir(), `e2e-backup-${Date.now()}.${format}`);
  await download.saveAs(file);
  await expect(page.locator('#se-download-backup-status')).toContainText(download.suggestedFilename());

  const files = (await uniqueFiles(page.request)).filter((f) => {
    const k = typeKey(f);
    return k !== null && (withMaps || !MAPS.includes(k));
  });
  expect(files.length).toBeGreaterThan(5);
  const pathOf = (f: UFile) =>
    format === 'zip' ? `${f.type}/${f.name}` : f.type === 'GPX' ? `tracks/${f.name}` : f.name;
  const archive = readArchive(file);
  expect(Object.keys(archive.entries).sort()).toEqual(files.map(pathOf).sort());
  for (const f of files) {
    const e = archive.entries[pathOf(f)];
    expect(e.size, pathOf(f)).toBe(f.filesize);
    expect(e.sha, pathOf(f)).toBe(await storedSha(page.request, f));
  }
  // items.json lists every file with its type (OSF paths, as the app imports them).
  expect(archive.items.version).toBe(1);
  const listed = archive.items.items.map((i: any) => `${i.type}|${i.file}`).sort();
  expect(listed).toEqual(files.map((f) => `${f.type}|${f.type === 'GPX' ? `tracks/${f.name}` : f.name}`).sort());
  // The estimate in the button is exactly what the archive holds, uncompressed.
  const total = Object.values(archive.entries).reduce((s, e) => s + e.size, 0);
  expect(shownBytes).toBe(total);
}

test('ZIP backup of the demo account holds exactly the stored files and items.json', async ({ page }) => {
  await downloadAndCheck(page, 'zip', false);
});

test('OSF backup with maps added holds exactly the stored files and items.json', async ({ page }) => {
  await downloadAndCheck(page, 'osf', true);
});

/** Records every value the progress bar shows (a MutationObserver; no timers). */
async function watchProgress(page: Page) {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as any).__progress = seen;
    new MutationObserver(() => {
      const v = document.querySelector('#se-download-backup-progress')?.getAttribute('value');
      if (v !== null && v !== undefined && seen[seen.length - 1] !== v) seen.push(v);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}
const progressSeen = (page: Page) => page.evaluate(() => (window as any).__progress as string[]);

test('progress follows the bytes received, and Cancel stops the download without saving', async ({ page, request }) => {
  let downloads = 0;
  page.on('download', () => downloads++);
  await login(page, DEMO);
  await openDialog(page);
  await watchProgress(page);
  await fault(request, { path: '/mapapi/download-backup', rate: 1000, times: 1 });
  await page.locator('#se-download-backup-btn').click();
  await expect(page.locator('#se-download-backup-btn')).toBeDisabled();
  await expect.poll(async () => (await progressSeen(page)).filter((v) => Number(v) > 0).length).toBeGreaterThanOrEqual(2);
  await expect(page.locator('#se-download-backup-status')).toContainText(/ of /);
  await page.locator('#se-download-backup-cancel').click();
  await expect(page.locator('#se-download-backup-status')).toHaveText('Download cancelled. Nothing was saved.');
  await expect(page.locator('#se-download-backup-progress')).toHaveCount(0);
  const seen = (await progressSeen(page)).map(Number);
  expect(Math.max(...seen)).toBeLessThan(100);
  expect(seen).toEqual([...seen].sort((a, b) => a - b));
  // The next try goes through: exactly one file arrives in all.
  await Promise.all([page.waitForEvent('download'), page.locator('#se-download-backup-btn').click()]);
  expect(downloads).toBe(1);
});

test('while the server packs the archive there is no deadline: the wait counts up past 30 s and Cancel ends it', async ({ page, request }) => {
  // The real server builds the whole archive before it sends a header (issue #18 point 2):
  // a server that is still packing is a server that has not answered yet.
  await page.clock.install();
  await login(page, DEMO);
  await openDialog(page);
  await fault(request, { path: '/mapapi/download-backup', hang: true, times: 1 });
  const sent = page.waitForRequest((r) => new URL(r.url()).pathname === '/mapapi/download-backup');
  await page.locator('#se-download-backup-btn').click();
  await sent;
  const status = page.locator('#se-download-backup-status');
  await expect(status).toContainText('The server is packing your files…');
  // Well past the 30 s every other call waits: still packing, the time shown, no error.
  await page.clock.fastForward(95_000);
  await expect(status).toContainText('1:35');
  await expect(page.locator('#se-download-backup-error')).toHaveCount(0);
  await expect(page.locator('#se-download-backup-btn')).toBeDisabled();
  await page.locator('#se-download-backup-cancel').click();
  await expect(status).toHaveText('Download cancelled. Nothing was saved.');
  await expect(page.locator('#se-download-backup-btn')).toBeEnabled();
});

test('a connection that breaks mid-download stops the progress, says so, and Retry works', async ({ page, request }) => {
  await login(page, DEMO);
  await openDialog(page);
  await watchProgress(page);
  await fault(request, { path: '/mapapi/download-backup', rate: 4000, cut_after: 2000, times: 1 });
  await page.locator('#se-download-backup-btn').click();
  const error = page.locator('#se-download-backup-error');
  await expect(error).toContainText('The backup could not be downloaded.');
  await expect(page.locator('#se-download-backup-progress')).toHaveCount(0);
  expect((await progressSeen(page)).some((v) => Number(v) > 0 && Number(v) < 100)).toBeTruthy();
  const [download] = await Promise.all([page.waitForEvent('download'), error.getByRole('button').click()]);
  expect(download.suggestedFilename()).toMatch(/^Export_.*\.osf$/);
  await expect(error).toHaveCount(0);
});

for (const [label, spec] of [
  ['a server error', { status: 500, body: 'Backup storage unavailable' }],
  ['a dropped connection', { drop: true }],
] as const) {
  test(`${label} before the download starts shows the reason and Retry works`, async ({ page, request }) => {
    await login(page, DEMO);
    await openDialog(page);
    await fault(request, { path: '/mapapi/download-backup', times: 1, ...spec });
    await page.locator('#se-download-backup-btn').click();
    const error = page.locator('#se-download-backup-error');
    await expect(error).toContainText('The backup could not be downloaded.');
    if ('status' in spec) await expect(error).toContainText('error 500');
    await expect(page.locator('#se-download-backup-btn')).toBeEnabled();
    await Promise.all([page.waitForEvent('download'), error.getByRole('button').click()]);
  });
}

test('groups: defaults leave maps out, a child makes the group mixed, nothing selected disables the button', async ({ page }) => {
  await login(page, DEMO);
  await openDialog(page);
  const places = page.locator('#se-backup-group-my-places');
  await expect(places).toBeChecked();
  await expect(page.locator('#se-backup-group-maps')).not.toBeChecked();
  await page.locator('#se-backup-group-my-places-toggle').click();
  await expect(page.locator('#se-backup-group-my-places-toggle')).toHaveAttribute('aria-expanded', 'true');
  await page.getByLabel(/^Tracks/).uncheck();
  await expect(places).toHaveJSProperty('indeterminate', true);
  await places.check();
  await expect(places).toHaveJSProperty('indeterminate', false);
  await expect(page.getByLabel(/^Tracks/)).toBeChecked();
  for (const g of ['my-places', 'settings', 'resources']) {
    const box = page.locator(`#se-backup-group-${g}`);
    if (await box.count()) await box.uncheck();
  }
  await expect(page.locator('#se-download-backup-btn')).toBeDisabled();
  await expect(page.locator('#se-download-backup-estimate')).toHaveText('Select at least one category to download.');
  await expect(page.locator('#se-download-backup-btn')).toHaveText('Download backup (0 B)');
});

test('a 10 000-file account opens the dialog with its counts; odd type names render as text', async ({ page, request }) => {
  const who = await freshAccount(request, { pro: true });
  let res = await request.post('/dev/generate-files', { data: { email: who.email, files: 10000, versions_per_file: 1 } });
  expect(res.ok(), await res.text()).toBeTruthy();
  res = await request.post('/dev/generate-files', {
    data: { email: who.email, files: 1, versions_per_file: 1, types: ['<img src=x onerror=window.__pwned=1>'] },
  });
  expect(res.ok(), await res.text()).toBeTruthy();
  await login(page, who);
  await page.goto('/map/account/cloud');
  await expect(page.locator('#cloud-info-total-files')).toHaveText('10,001 (10,001 including versions)');
  await page.locator('#se-download-backup').click();
  await page.locator('#se-backup-group-my-places-toggle').click();
  await expect(page.locator('#se-backup-group-my-places-types')).toContainText('3,334 files');
  await page.locator('#se-backup-group-resources-toggle').click();
  const resources = page.locator('#se-backup-group-resources-types');
  await expect(resources).toContainText('<img src=x onerror=window.');
  await expect(resources.locator('img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
  await expect(page.locator('#se-download-backup-estimate')).toContainText('10,001 files');
});

test('account home shows storage used and the plan; the free account sees its 5 MB quota', async ({ page }) => {
  await login(page, DEMO);
  const list = await (await page.request.get('/mapapi/list-files')).json();
  const mb = (list.totalZipSize / 1024 / 1024).toFixed(1);
  const used = page.locator('#se-login-menu-cloud-used');
  await expect(used).toHaveText(list.totalZipSize >= 1024 * 1024 ? `${mb} MB` : /\d KB$/);
  await expect(page.locator('#se-login-menu-purchases-status')).toContainText('OsmAnd Pro');
  await page.locator('#se-logout-btn').click();
  await login(page, FREE);
  await expect(page.locator('#se-login-menu-purchases-status')).toHaveText('OsmAnd Start');
  await page.locator('#se-login-menu-osmand-cloud-item').click();
  await expect(page.locator('#cloud-info-cloud-storage')).toContainText('of 5 MB');
  await expect(page.locator('#se-cloud-usage-favourites')).toContainText('Favourites');
});

test('account home: the reference sections, and a row whose figure fails says so with Try again', async ({ page, request }) => {
  await login(page, DEMO);
  await expect(page.locator('#se-login-menu-my-data')).toHaveText('My data');
  await expect(page.locator('#se-login-menu-payments')).toHaveText('Payments and purchases');
  await expect(page.locator('#se-login-menu-purchases-status')).not.toBeEmpty();
  await fault(request, { path: '/mapapi/get-account-info', status: 500 });
  await fault(request, { path: '/mapapi/list-files', status: 500 });
  await page.goto('/map/account/');
  const cloudError = page.locator('#se-login-menu-cloud-error');
  const plansError = page.locator('#se-login-menu-purchases-error');
  await expect(cloudError).toContainText('The storage used could not be loaded.');
  await expect(cloudError).toContainText('error 500');
  await expect(plansError).toContainText('Your plan and purchases could not be loaded.');
  await expect(page.locator('#se-login-menu-cloud-used')).toBeEmpty();
  await clearFaults(request);
  await page.locator('#se-login-menu-cloud-error-retry').click();
  await expect(page.locator('#se-login-menu-cloud-used')).toHaveText(/\d (KB|MB)$/);
  await expect(cloudError).toHaveCount(0);
  await expect(plansError).toBeVisible();
  await page.locator('#se-login-menu-purchases-error-retry').click();
  await expect(page.locator('#se-login-menu-purchases-status')).toContainText('OsmAnd Pro');
  await expect(plansError).toHaveCount(0);
  // Dutch: the section headings of the Dutch user documentation.
  await page.getByLabel('Language').selectOption('nl');
  // The Dutch texts are fetched first: wait until the page shows them.
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page.locator('#se-login-menu-my-data')).toHaveText('Mijn gegevens');
  await expect(page.locator('#se-login-menu-payments')).toHaveText('Betalingen en aankopen');
});

/** The size text the app gives below 1 GB (binary units, one decimal). */
function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

test('the screens agree on the same files: home row, OsmAnd Cloud, the usage bar and Download all', async ({ page }) => {
  await login(page, DEMO);
  const list = await (await page.request.get('/mapapi/list-files')).json();
  const home = page.locator('#se-login-menu-cloud-used');
  await expect(home).toHaveText(sizeText(list.totalZipSize));
  const homeUsed = (await home.textContent()) ?? '';
  await page.locator('#se-login-menu-osmand-cloud-item').click();
  // One figure for "used": the home row, the quota line (in the quota's MB) and the bar.
  await expect(page.locator('#cloud-info-cloud-storage')).toHaveText(`${homeUsed} of 3000 MB`);
  await expect(page.locator('#se-cloud-used-hint')).toContainText('Compressed');
  await expect(page.locator('#cloud-info-storage')).toHaveText(sizeText(list.totalFileSize));
  await expect(page.locator('#se-cloud-storage-hint')).toContainText('unpacked');
  await expect(page.locator('#se-cloud-usage-note')).toContainText('Compressed sizes');
  const totalText = (await page.locator('#cloud-info-total-files').textContent()) ?? '';
  const totalFiles = Number(totalText.split(' ')[0].replace(/,/g, ''));
  expect(totalFiles).toBe(list.totalFiles);

  // Download all with every group: its files plus the ones it says it leaves out are "Total files".
  await page.locator('#se-download-backup').click();
  await page.locator('#se-backup-group-maps').check();
  await expect(page.locator('#se-download-backup-sizes')).toContainText('unpacked');
  const estimate = (await page.locator('#se-download-backup-estimate').textContent()) ?? '';
  const selected = Number(estimate.split(' ')[0].replace(/,/g, ''));
  const leftOut = page.locator('#se-download-backup-left-out');
  await expect(leftOut).toContainText('never part of a backup');
  const left = Number(((await leftOut.textContent()) ?? '').split(' ')[0]);
  expect(selected + left).toBe(totalFiles);
  const unpacked = list.uniqueFiles
    .filter((f: UFile) => typeKey(f) !== null)
    .reduce((s: number, f: UFile) => s + f.filesize, 0);
  const button = page.locator('#se-download-backup-btn');
  await expect(button).toHaveText(`Download backup (${sizeText(unpacked)})`);

  // The result names the archive's own size (the file saved) next to the button's figure.
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const file = path.join(os.tmpdir(), `e2e-agree-${Date.now()}.osf`);
  await download.saveAs(file);
  const archiveBytes = (await import('node:fs')).statSync(file).size;
  await expect(page.locator('#se-download-backup-status')).toHaveText(
    `Saved as ${download.suggestedFilename()}: a ${sizeText(archiveBytes)} archive of ${sizeText(unpacked)} of files.`,
  );
});

test('an account without files: empty note, and the dialog says there is nothing to back up', async ({ page, request }) => {
  const who = await freshAccount(request, { pro: true, files: 'none' });
  await login(page, who);
  await page.goto('/map/account/cloud');
  await expect(page.locator('#se-cloud-empty')).toBeVisible();
  await expect(page.locator('#cloud-info-cloud-storage')).toHaveText('0 B of 3000 MB');
  await page.locator('#se-download-backup').click();
  await expect(page.locator('#se-download-backup-empty')).toHaveText('There is nothing to back up yet.');
  await expect(page.locator('#se-download-backup-btn')).toBeDisabled();
});

test('cloud info: a failed load shows the reason and Retry recovers', async ({ page, request }) => {
  await login(page, DEMO);
  // The home's own list-files call is done first, so the one fault meets the OsmAnd Cloud page.
  await expect(page.locator('#se-login-menu-cloud-used')).toHaveText(/\S/);
  await fault(request, { path: '/mapapi/list-files', status: 500, body: 'Database is down', times: 1 });
  await page.goto('/map/account/cloud');
  const error = page.locator('#se-cloud-error');
  await expect(error).toContainText('error 500');
  await error.getByRole('button').click();
  await expect(page.locator('#cloud-info-total-files')).toBeVisible();
});

test('keyboard only: open Download all, switch to ZIP, download, close with Escape', async ({ page }) => {
  await login(page, DEMO);
  await page.goto('/map/account/cloud');
  const opener = page.locator('#se-download-backup');
  await opener.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#se-download-backup-dialog')).toBeVisible();
  // Tab to the format switch and pick ZIP with the arrow key.
  for (let i = 0; i < 30; i++) {
    if (await page.evaluate(() => document.activeElement?.id === 'se-osf-backup')) break;
    await page.keyboard.press('Tab');
  }
  await expect(page.locator('#se-osf-backup')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('#se-zip-backup')).toBeChecked();
  for (let i = 0; i < 10; i++) {
    if (await page.evaluate(() => document.activeElement?.id === 'se-download-backup-btn')) break;
    await page.keyboard.press('Tab');
  }
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toMatch(/\.zip$/);
  await page.keyboard.press('Escape');
  await expect(page.locator('#se-download-backup-dialog')).toBeHidden();
  await expect(opener).toBeFocused();
});

test('axe: cloud info and the Download-all dialog, en and nl', async ({ page }) => {
  await login(page, DEMO);
  for (const lang of ['en', 'nl']) {
    await page.goto('/map/account/cloud');
    if (lang === 'nl') {
      await page.getByRole('combobox').selectOption('nl');
      await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    }
    await expect(page.locator('#se-cloud-usage')).toBeVisible();
    await expectNoA11yViolations(page);
    await page.locator('#se-download-backup').click();
    await page.locator('#se-backup-group-my-places-toggle').click();
    await expectNoA11yViolations(page);
    await page.keyboard.press('Escape');
  }
});
