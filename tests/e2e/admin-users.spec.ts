import { expect, test, type Page } from '@playwright/test';
import { USER_PAGES } from '../../src/domain/pages';
import { E2E_ADMIN } from './support/accounts';
import { api, newEmail, signIn, signUp, snapshot } from './support/journey';

// Admin → Users end to end (issue 7): find a user, override their access, add days, ban them.
const SUSPENDED = 'Your account is currently suspended. Please contact support.';
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** A published plan with every user page (Bulk included) and a daily limit of 200. */
async function createPlan(admin: Page, name: string): Promise<string> {
  const created = await api(admin, 'POST', '/api/admin/plans', {
    name,
    currency: 'USD',
    monthlyPriceMinor: 2900,
    billingPeriod: 'monthly',
    requestType: 'paid',
    paypalPlanId: null,
    visibility: 'both',
    sortOrder: 950,
    limits: { daily: 200, bulk: 500, channels: 2, chatbots: 1 },
    pageAccess: Object.fromEntries(USER_PAGES.map((page) => [page, true])),
    features: ['2 WhatsApp numbers'],
  });
  expect(created.status(), await created.text()).toBe(201);
  const planId = ((await created.json()) as { plan: { id: string } }).plan.id;
  expect((await api(admin, 'POST', `/api/admin/plans/${planId}/publish`)).status()).toBe(200);
  return planId;
}

/** The user pays offline for the plan and the admin approves 30 days, as in offline-payment.spec.ts. */
async function activatePlan(user: Page, admin: Page, planId: string, reference: string): Promise<void> {
  const submitted = await user.request.post('/api/payments/offline', {
    headers: { origin: new URL(user.url()).origin },
    multipart: { planId, reference, proof: { name: 'receipt.png', mimeType: 'image/png', buffer: PNG } },
  });
  expect(submitted.status(), await submitted.text()).toBe(201);
  const paymentId = ((await submitted.json()) as { payment: { id: string } }).payment.id;
  const approved = await api(admin, 'POST', `/api/admin/payments/${paymentId}/approve`, { days: 30 });
  expect(approved.status(), await approved.text()).toBe(200);
}

async function me(page: Page) {
  return (await (await api(page, 'GET', '/api/me')).json()) as { pages: string[]; limits: { daily: number } };
}

test('an admin overrides a user, adds days and bans them; the user feels each change at once', async ({ browser }) => {
  test.setTimeout(120_000);
  const adminContext = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const userContext = await browser.newContext();
  const admin = await adminContext.newPage();
  const user = await userContext.newPage();
  const stamp = Date.now().toString(36);
  const email = newEmail('overridden');

  await signIn(admin, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(admin).toHaveURL(/\/admin$/);
  const planId = await createPlan(admin, `Growth ${stamp}`);
  await signUp(user, { name: `Olivia ${stamp}`, email, password: 'olivia-password' });
  await activatePlan(user, admin, planId, `BANK-${stamp}`);
  await user.goto('/dashboard');
  await expect(user.getByTestId('days-remaining')).toHaveText('30 days remaining');
  expect((await me(user)).pages).toContain('bulk');
  const userNav = user.getByRole('navigation', { name: 'Main navigation' });
  await expect(userNav.getByRole('link', { name: 'Bulk', exact: true })).toBeVisible();

  // The admin finds the user by email.
  const nav = admin.getByRole('navigation', { name: 'Main navigation' });
  await nav.getByRole('link', { name: 'Users', exact: true }).click();
  await expect(admin).toHaveURL(/\/admin\/users$/);
  await admin.getByRole('textbox', { name: 'Search' }).fill(email);
  const row = admin.getByTestId('user-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(email);
  await expect(row).toContainText(`Growth ${stamp}`);
  await expect(row.getByTestId('user-days')).toHaveText('30 days');
  await expect(row.getByTestId('user-status')).toHaveText('Active');
  await row.getByRole('link', { name: `Olivia ${stamp}` }).click();
  await expect(admin).toHaveURL(/\/admin\/users\/[^/]+$/);

  // Daily limit 50 and Bulk off: both marked Overridden; the plan stays as it was.
  const overrides = admin.getByTestId('overrides-card');
  await overrides.getByRole('textbox', { name: 'Daily messages' }).fill('50');
  await overrides.getByRole('checkbox', { name: 'Bulk messages', exact: true }).uncheck();
  await expect(overrides.getByTestId('limit-daily').getByText('Overridden')).toBeVisible();
  await expect(overrides.getByTestId('page-bulk').getByText('Overridden')).toBeVisible();
  await expect(overrides.getByTestId('overridden-badge')).toHaveCount(2);
  await overrides.getByRole('button', { name: 'Save overrides' }).click();
  await expect(admin.getByText(`Overrides for Olivia ${stamp} saved. They apply at once.`)).toBeVisible();

  const effective = admin.getByTestId('effective-view');
  await expect(effective.getByTestId('effective-daily')).toContainText('50');
  await expect(effective.getByTestId('effective-pages')).not.toContainText('Bulk messages');
  await expect(effective.getByTestId('effective-pages')).toContainText('Send message');
  await expect(admin.getByTestId('plan-info')).toContainText('Bulk messages');
  await expect(overrides.getByTestId('overridden-badge')).toHaveCount(2);
  await snapshot(admin, 'admin-user-details');
  // The user's open tab loses Bulk at once (no reload), the server refuses it, and the address no longer opens it.
  await expect(userNav.getByRole('link', { name: 'Bulk', exact: true })).toHaveCount(0);
  await expect(userNav.getByRole('link', { name: 'Send', exact: true })).toBeVisible();
  expect((await me(user)).pages).not.toContain('bulk');
  expect((await me(user)).limits.daily).toBe(50);
  expect((await api(user, 'GET', '/api/bulk/options')).status()).toBe(403);
  await user.goto('/bulk');
  await expect(user).not.toHaveURL(/\/bulk$/);
  await user.goto('/dashboard');

  // +10 days: the user's open dashboard shows it without a reload.
  await admin.getByRole('button', { name: '+Days' }).click();
  const daysDialog = admin.getByRole('dialog', { name: 'Add service days' });
  await daysDialog.getByRole('textbox', { name: 'Days to add' }).fill('10');
  await daysDialog.getByRole('textbox', { name: 'Reason' }).fill('Compensation for the outage');
  await expect(daysDialog.getByTestId('days-preview')).toHaveText('About 40 days remaining afterwards.');
  await daysDialog.getByRole('button', { name: 'Add days' }).click();
  await expect(daysDialog).toBeHidden();
  await expect(admin.getByTestId('details-days-remaining')).toHaveText('40');
  await expect(admin.getByTestId('days-history-row').first()).toContainText('Admin adjustment: Compensation for the outage');
  await expect(user.getByTestId('days-remaining')).toHaveText('40 days remaining');

  // Ban: the user's open tab is signed out with the message.
  await admin.getByRole('button', { name: 'More' }).click();
  await admin.getByRole('menuitem', { name: 'Ban user' }).click();
  const banDialog = admin.getByRole('dialog', { name: 'Ban user' });
  await banDialog.getByRole('textbox', { name: 'Reason' }).fill('Sending spam');
  await banDialog.getByRole('button', { name: 'Ban user' }).click();
  await expect(banDialog).toBeHidden();
  await expect(admin.getByTestId('banned-alert')).toContainText('Sending spam');
  await expect(user).toHaveURL(/\/sign-in/);
  await expect(user.getByText(SUSPENDED)).toBeVisible();

  await admin.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  await expect(admin.getByTestId('user-row').getByTestId('user-status')).toHaveText('Banned');
  await admin.getByTestId('user-row').getByTestId('user-status').hover();
  await expect(admin.getByText('Reason: Sending spam')).toBeVisible();
  await snapshot(admin, 'admin-users-list');

  await admin.goto('/admin');
  await expect(admin.getByTestId('users-summary')).toBeVisible();
  await expect(admin.getByTestId('plans-summary')).toContainText(`Growth ${stamp}`);
  await snapshot(admin, 'admin-dashboard');

  // Phone width: the same screens stay usable.
  await admin.setViewportSize({ width: 390, height: 844 });
  await snapshot(admin, 'admin-dashboard-390');
  await admin.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  await expect(admin.getByTestId('user-row')).toHaveCount(1);
  await snapshot(admin, 'admin-users-list-390');
  await admin.getByTestId('user-row').getByRole('link', { name: `Olivia ${stamp}` }).click();
  await expect(admin.getByTestId('overrides-card')).toBeVisible();
  await snapshot(admin, 'admin-user-details-390');
  // Dark mode, and the list's row action opening the same overrides in a dialog.
  await admin.emulateMedia({ colorScheme: 'dark' });
  await admin.setViewportSize({ width: 1440, height: 1000 });
  await admin.reload();
  await expect(admin.getByTestId('overrides-card')).toBeVisible();
  await snapshot(admin, 'admin-user-details-dark');
  await admin.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  await admin.getByRole('button', { name: `Actions for ${email}` }).click();
  await admin.getByRole('menuitem', { name: 'Adjust limits' }).click();
  const limits = admin.getByRole('dialog', { name: `Adjust limits · Olivia ${stamp}` });
  await expect(limits.getByRole('textbox', { name: 'Daily messages' })).toHaveValue('50');
  await expect(limits.getByTestId('overridden-badge')).toHaveCount(1);
  await limits.getByRole('button', { name: 'Cancel' }).click();
  await expect(limits).toBeHidden();

  await userContext.close();
  await adminContext.close();
});

test('an admin creates a user with a temporary password, who can then sign in', async ({ browser }) => {
  const adminContext = await browser.newContext();
  const userContext = await browser.newContext();
  const admin = await adminContext.newPage();
  const user = await userContext.newPage();
  const email = newEmail('created');

  await signIn(admin, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(admin).toHaveURL(/\/admin$/);
  await admin.goto('/admin/users');
  await admin.getByRole('button', { name: 'Create user' }).click();
  const dialog = admin.getByRole('dialog', { name: 'Create user' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Carla Created');
  await dialog.getByRole('textbox', { name: 'Email' }).fill(email);
  await dialog.getByLabel('Temporary password').fill('short');
  await dialog.getByRole('button', { name: 'Create user' }).click();
  await expect(dialog.getByText('Use at least 12 characters.')).toBeVisible();
  await dialog.getByLabel('Temporary password').fill('Welcome-to-OmniPlus-1');
  await dialog.getByRole('button', { name: 'Create user' }).click();
  await expect(admin).toHaveURL(/\/admin\/users\/[^/]+$/);
  await expect(admin.getByRole('heading', { name: 'Carla Created' })).toBeVisible();
  await expect(admin.getByTestId('user-status').first()).toHaveText('No plan');

  await signIn(user, email, 'Welcome-to-OmniPlus-1');
  await expect(user).toHaveURL(/\/dashboard$/);
  await userContext.close();
  await adminContext.close();
});
