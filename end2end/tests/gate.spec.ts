import { test, expect } from '@playwright/test';
import { DEMO, clearFaults, fault, login } from './helpers';

// The one login gate (src/shell.rs Gate): what a page behind it shows while the session is
// being checked and when the check fails.

test.afterEach(async ({ request }) => clearFaults(request));

test('a page behind the login gate says when the session check fails, and Try again opens it', async ({ page, request }) => {
  await login(page, DEMO);
  await fault(request, { path: '/mapapi/auth/info', status: 503 });
  await page.goto('/map/account/cloud');
  const banner = page.locator('#se-session-error');
  await expect(banner).toContainText('We couldn’t check whether you are signed in.');
  await expect(banner).toContainText('error 503');
  await expect(page.locator('.spinner')).toHaveCount(0);
  await clearFaults(request);
  await banner.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('#se-cloud-info')).toBeVisible();
  await expect(banner).toHaveCount(0);
});
