import { expect, test } from '@playwright/test';
import { E2E_ADMIN } from './support/accounts';
import { api, newEmail, signIn, signUp, snapshot } from './support/journey';

const SUSPENDED = 'Your account is currently suspended. Please contact support.';

test('an admin bans a signed-in user: their open tab is signed out, sign-in is refused, unban restores access', async ({
  browser,
}) => {
  const userContext = await browser.newContext();
  const adminContext = await browser.newContext();
  const userPage = await userContext.newPage();
  const adminPage = await adminContext.newPage();

  const email = newEmail('banned');
  const password = 'banned-password';
  await signUp(userPage, { name: 'Bashir Banned', email, password });
  const me = await (await api(userPage, 'GET', '/api/me')).json();

  await signIn(adminPage, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(adminPage).toHaveURL(/\/admin$/);
  const ban = await api(adminPage, 'POST', `/api/admin/users/${me.user.id}/ban`, { reason: 'Sending spam' });
  expect(ban.status()).toBe(200);

  // The user's open tab hears the ban over SSE and lands on sign-in with the message, without any click.
  await expect(userPage).toHaveURL(/\/sign-in/);
  await expect(userPage.getByText(SUSPENDED)).toBeVisible();
  await snapshot(userPage, 'sign-in-suspended');

  await signIn(userPage, email, password);
  await expect(userPage.getByText(SUSPENDED)).toBeVisible();
  await expect(userPage).toHaveURL(/\/sign-in/);

  await adminPage.goto('/admin/audit?action=user.ban');
  const row = adminPage.getByRole('row').filter({ hasText: email });
  await expect(row.first()).toBeVisible();
  await expect(row.first()).toContainText('Sending spam');
  await snapshot(adminPage, 'admin-audit-ban');

  expect((await api(adminPage, 'POST', `/api/admin/users/${me.user.id}/unban`)).status()).toBe(200);
  await signIn(userPage, email, password);
  await expect(userPage).toHaveURL(/\/dashboard$/);

  await userContext.close();
  await adminContext.close();
});
