import { expect, test } from '@playwright/test';
import { E2E_ADMIN } from './support/accounts';
import { api, newEmail, signIn, signUp, snapshot } from './support/journey';

test('an admin sees the admin console and the audit log', async ({ page }) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page).toHaveURL(/\/admin$/);
  await snapshot(page, 'dashboard-admin');
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await nav.getByRole('link', { name: 'Audit log', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/audit/);
  const table = page.getByRole('table', { name: 'Audit entries' });
  await expect(table).toBeVisible();
  // Other journeys may have pushed the bootstrap row off the first page: the action filter finds it.
  await page.goto('/admin/audit?action=admin.bootstrap');
  await expect(table.getByText('First admin created').first()).toBeVisible();
  await snapshot(page, 'admin-audit');
});

test('a user sees no admin section and is turned away from admin pages and APIs', async ({ page }) => {
  await signUp(page, { name: 'Plain User', email: newEmail('plain'), password: 'plain-password' });
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav.getByRole('link', { name: 'Dashboard' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Audit log', exact: true })).toHaveCount(0);

  await page.goto('/admin/audit');
  await expect(page).not.toHaveURL(/\/admin\/audit/);
  expect((await api(page, 'GET', '/api/admin/audit')).status()).toBe(403);
  expect((await api(page, 'POST', '/api/admin/users/anyone/ban', {})).status()).toBe(403);
});

test('an unknown address shows the not-found page', async ({ page }) => {
  await page.goto('/no-such-page');
  await expect(page.getByText(/not found/i).first()).toBeVisible();
  await snapshot(page, 'not-found');
});
