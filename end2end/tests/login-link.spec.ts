import { test, expect, type APIRequestContext } from '@playwright/test';
import { DEMO, clearFaults, expectNoA11yViolations, fault, login } from './helpers';

// Support login links (S19): the owner opens the cancel link from the e-mail and cancels the
// login link; the devserver's /dev/login-links plays support.

async function supportLink(request: APIRequestContext, email = DEMO.email) {
  const res = await request.post('/dev/login-links', { data: { email } });
  expect(res.ok(), await res.text()).toBeTruthy();
  return (await res.json()) as { link: string; cancelCode: string; cancelUrl: string };
}

async function cancelViaApi(request: APIRequestContext, code: string) {
  return request.post('/mapapi/auth/cancel-link', { data: { username: DEMO.email, token: code } });
}

test.afterEach(async ({ request }) => clearFaults(request));

test('the cancel link from the e-mail cancels the login link, and says so', async ({ page, request }) => {
  const { cancelUrl, cancelCode } = await supportLink(request);
  // The mail carries the cancel code.
  const mails = await (await request.get(`/dev/outbox?to=${DEMO.email}`)).json();
  expect(mails[0].code).toBe(cancelCode);
  await page.goto(cancelUrl);
  const dialog = page.locator('#se-cancel-login-link-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading')).toHaveText('Cancel login link');
  await expect(page.locator('#se-cancel-login-link-text')).toContainText(DEMO.email);
  await expect(dialog).toContainText('6 to 72 hours');
  await expectNoA11yViolations(page);
  await page.locator('#se-cancel-login-link-btn').click();
  await expect(page.locator('#se-cancel-login-link-done')).toHaveText('The login link is cancelled. Nobody can log in with it any more.');
  // The server really cancelled it.
  expect((await cancelViaApi(request, cancelCode)).status()).toBe(400);
  await page.locator('#se-cancel-login-link-close-btn').click();
  await expect(dialog).toHaveCount(0);
  await expect(page).toHaveURL(/\/map\/account\/$/);
  await expect(page.locator('#se-empty-login-page')).toBeVisible();
});

test('a link already cancelled says there is nothing left to do', async ({ page, request }) => {
  const { cancelUrl, cancelCode } = await supportLink(request);
  expect((await cancelViaApi(request, cancelCode)).ok()).toBeTruthy();
  await page.goto(cancelUrl);
  await page.locator('#se-cancel-login-link-btn').click();
  await expect(page.locator('#se-cancel-login-link-invalid')).toContainText('not valid any more');
  await expect(page.locator('#se-cancel-login-link-error')).toHaveCount(0);
});

test('"Keep it" closes without cancelling; a failure says why and the button tries again', async ({ page, request }) => {
  const { cancelUrl, cancelCode } = await supportLink(request);
  await page.goto(cancelUrl);
  await page.locator('#se-cancel-login-link-keep').click();
  await expect(page.locator('#se-cancel-login-link-dialog')).toHaveCount(0);
  await page.goto(cancelUrl);
  await fault(request, { path: '/mapapi/auth/cancel-link', status: 500, times: 1 });
  await page.locator('#se-cancel-login-link-btn').click();
  await expect(page.locator('#se-cancel-login-link-error')).toContainText('500');
  await expect(page.locator('#se-cancel-login-link-btn')).toBeEnabled();
  await page.locator('#se-cancel-login-link-btn').click();
  await expect(page.locator('#se-cancel-login-link-done')).toBeVisible();
  expect((await cancelViaApi(request, cancelCode)).status()).toBe(400);
});

test('logged in, in Dutch: the dialog opens over the account home', async ({ page, request }) => {
  await login(page, DEMO);
  await page.getByLabel('Language').selectOption('nl');
  // The Dutch texts are fetched first: wait until the page shows them.
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  const { cancelUrl } = await supportLink(request);
  await page.goto(cancelUrl);
  const dialog = page.locator('#se-cancel-login-link-dialog');
  await expect(dialog.getByRole('heading')).toHaveText('Inloglink intrekken');
  await expect(page.locator('#se-account-email')).toBeAttached();
  await page.locator('#se-cancel-login-link-btn').click();
  await expect(page.locator('#se-cancel-login-link-done')).toContainText('ingetrokken');
});

test('an address without a plausible e-mail and code opens no dialog', async ({ page }) => {
  for (const q of ['?email=demo@example.com', '?cancel-link=0a1b', '?email=nope&cancel-link=0a1b', '?email=demo@example.com&cancel-link=%3Cscript%3E']) {
    await page.goto(`/map/account/${q}`);
    await expect(page.locator('#se-empty-login-page')).toBeVisible();
    await expect(page.locator('#se-cancel-login-link-dialog')).toHaveCount(0);
  }
});
