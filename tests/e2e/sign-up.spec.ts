import { expect, test } from '@playwright/test';
import { newEmail, signOut, signUp, snapshot } from './support/journey';

test('a visitor reads the landing page, signs up, lands on the dashboard and signs out', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await snapshot(page, 'landing');

  await page.goto('/sign-up');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Enter your name.')).toBeVisible();
  await snapshot(page, 'sign-up-errors');

  const email = newEmail('newcomer');
  await signUp(page, { name: 'Noor Newcomer', email, password: 'newcomer-password' });
  await expect(page.getByRole('heading', { name: /Noor/ })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Dashboard' })).toBeVisible();
  await snapshot(page, 'dashboard-user');

  await page.getByRole('link', { name: 'Account' }).first().click();
  await expect(page.getByRole('textbox', { name: 'Email', exact: true })).toHaveValue(email);
  await snapshot(page, 'account');

  await signOut(page);
  await expect(page).not.toHaveURL(/\/dashboard/);
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/sign-in/);
  await snapshot(page, 'sign-in');
});

test('signing up twice with one email shows the field error', async ({ page }) => {
  const email = newEmail('twice');
  await signUp(page, { name: 'First Person', email, password: 'first-password' });
  await signOut(page);
  await page.goto('/sign-up');
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Second Person');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('second-password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText(/already exists/).first()).toBeVisible();
});
