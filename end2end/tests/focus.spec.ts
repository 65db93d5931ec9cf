import { test, expect, type Page, type Locator } from '@playwright/test';
import { DEMO, freshAccount } from './helpers';

// Keyboard only: after every action, focus lands somewhere sensible and never on <body>
// (issue #20, item 8). Each flow starts from a control a keyboard user reaches with Tab (it is
// focused directly to keep the tests short), then uses only the keyboard.

/** Logs in by keyboard: the form opens on the e-mail field. */
async function keyboardLogin(page: Page, who: { email: string; password: string }) {
  await page.goto('/map/account/login');
  await expect(page.locator('#username')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(who.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(who.password);
  await page.keyboard.press('Enter');
  await expect(page.locator('#se-account-email')).toHaveText(who.email);
}

const heading = (page: Page) => page.locator('#panel-title');

async function notOnBody(page: Page) {
  expect(await page.evaluate(() => document.activeElement === document.body || document.activeElement === null)).toBe(false);
}

function rows(page: Page): Locator {
  return page.locator('.cloud-row[data-focus-row]');
}

/** The focus key of the n-th row shown (rows of one file share the reference's ids). */
async function rowKey(page: Page, n: number): Promise<string> {
  return (await rows(page).nth(n).getAttribute('data-focus-key')) ?? '';
}

/** The ⋮ button of the row with this focus key. */
const menuOf = (page: Page, key: string) =>
  page.locator(`.cloud-row[data-focus-key=${JSON.stringify(key)}] button[aria-haspopup="menu"]`);

test('logging in: focus goes to the heading of the page that opens', async ({ page }) => {
  await keyboardLogin(page, DEMO);
  await expect(heading(page)).toBeFocused();
  await expect(heading(page)).toHaveText('OsmAnd Account');
});

test('opening a sub-page: focus goes to its heading', async ({ page }) => {
  await keyboardLogin(page, DEMO);
  await page.locator('#se-login-menu-osmand-cloud-item').focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/map\/account\/cloud$/);
  await expect(heading(page)).toHaveText('OsmAnd Cloud');
  await expect(heading(page)).toBeFocused();
  // And back again.
  await page.locator('.panel__header a[href="/map/account/"]').focus();
  await page.keyboard.press('Enter');
  await expect(heading(page)).toHaveText('OsmAnd Account');
  await expect(heading(page)).toBeFocused();
});

test('Delete version: focus moves to the next row', async ({ page, request }) => {
  const who = await freshAccount(request, { pro: true, files: 'demo' });
  await keyboardLogin(page, who);
  await page.goto('/map/settings/cloud/changes');
  // The list is there before the filter is typed into (an empty, still-loading list would pass
  // the "nothing else shown" check below with no rows at all).
  await expect(rows(page).first()).toBeVisible();
  await page.locator('#se-cloud-filter').focus();
  await page.keyboard.type('Morning run');
  await expect(page.locator('.cloud-row__name').filter({ hasNotText: /Morning run/ })).toHaveCount(0);
  const before = await rows(page).count();
  expect(before).toBeGreaterThan(1);
  const next = await rowKey(page, 1);
  await menuOf(page, await rowKey(page, 0)).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('End');
  await expect(page.locator(':focus')).toHaveText('Delete version');
  await page.keyboard.press('Enter');
  await expect(rows(page)).toHaveCount(before - 1);
  await expect(menuOf(page, next)).toBeFocused();
});

test('Restore from trash: focus moves to the next row', async ({ page, request }) => {
  const who = await freshAccount(request, { pro: true, files: 'demo' });
  await keyboardLogin(page, who);
  await page.goto('/map/settings/cloud/trash');
  await expect(rows(page).first()).toBeVisible();
  const before = await rows(page).count();
  expect(before).toBeGreaterThan(1);
  const next = await rowKey(page, 1);
  await menuOf(page, await rowKey(page, 0)).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator(':focus')).toHaveId('se-trash-actions-restore');
  await page.keyboard.press('Enter');
  await expect(page.locator('#se-cloud-notice')).toContainText('restored');
  await expect(rows(page)).toHaveCount(before - 1);
  await expect(menuOf(page, next)).toBeFocused();
});

test('Empty trash: focus goes to the heading once the list is gone', async ({ page, request }) => {
  const who = await freshAccount(request, { pro: true, files: 'demo' });
  await keyboardLogin(page, who);
  await page.goto('/map/settings/cloud/trash');
  await expect(rows(page).first()).toBeVisible();
  await page.locator('#se-empty_trash').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#se-delete-trash-dialog')).toBeVisible();
  await page.locator('#se-delete-trash-dialog-delete').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#se-empty-trash-page')).toBeVisible();
  await expect(heading(page)).toBeFocused();
  await expect(heading(page)).toHaveText('Trash');
});

test('a finished backup download: focus goes to the result line', async ({ page }) => {
  await keyboardLogin(page, DEMO);
  await page.goto('/map/account/cloud');
  await page.locator('#se-download-backup').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#se-download-backup-dialog')).toBeVisible();
  await notOnBody(page);
  await page.locator('#se-download-backup-btn').focus();
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const status = page.locator('#se-download-backup-status');
  await expect(status).toContainText(`Saved as ${download.suggestedFilename()}`);
  await expect(status).toBeFocused();
});

test('Change e-mail opens on its first field; Delete account on the e-mail field', async ({ page, request }) => {
  const who = await freshAccount(request, { pro: true });
  await keyboardLogin(page, who);
  await page.locator('#se-login-menu-user-item-actions').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#se-account-change-email')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#se-change-email-dialog')).toBeVisible();
  await expect(page.locator('#change-old-code')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('#se-change-email-dialog')).toBeHidden();
  await notOnBody(page);
  await page.locator('#se-login-menu-delete-account').focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/map\/delete-account\/?$/);
  await expect(page.locator('#delete-email')).toBeFocused();
});
