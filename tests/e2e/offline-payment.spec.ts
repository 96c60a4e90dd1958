import { expect, test } from '@playwright/test';
import { USER_PAGES } from '../../src/domain/pages';
import { E2E_ADMIN } from './support/accounts';
import { api, newEmail, signIn, signUp, snapshot } from './support/journey';

// DOMAIN.md "Payments" → Offline, end to end: a user pays offline at checkout, an admin approves it, and the
// user's plan is active with its days remaining.
// A real 1×1 PNG, so the admin's preview can actually render it.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

test('a user pays offline, an admin approves, the user is notified and active', async ({ browser }) => {
  const adminContext = await browser.newContext();
  const userContext = await browser.newContext();
  const admin = await adminContext.newPage();
  const user = await userContext.newPage();
  const stamp = Date.now().toString(36);
  const planName = `Offline ${stamp}`;
  const reference = `BANK-${stamp}`;

  await signIn(admin, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(admin).toHaveURL(/\/admin$/);
  const created = await api(admin, 'POST', '/api/admin/plans', {
    name: planName,
    currency: 'USD',
    monthlyPriceMinor: 1900,
    billingPeriod: 'monthly',
    requestType: 'paid',
    paypalPlanId: null,
    visibility: 'both',
    sortOrder: 900,
    limits: { daily: 100, bulk: 100, channels: 1, chatbots: 1 },
    pageAccess: Object.fromEntries(USER_PAGES.map((page) => [page, true])),
    features: ['1 WhatsApp number'],
  });
  expect(created.status(), await created.text()).toBe(201);
  const planId = ((await created.json()) as { plan: { id: string } }).plan.id;
  expect((await api(admin, 'POST', `/api/admin/plans/${planId}/publish`)).status()).toBe(200);

  await signUp(user, { name: `Payer ${stamp}`, email: newEmail('payer'), password: 'payer-password' });
  await user.goto(`/checkout/${planId}?method=offline`);
  const card = user.getByRole('region', { name: 'Offline payment' });
  await card.getByRole('textbox', { name: 'Transfer reference' }).fill(reference);
  await card.locator('input[type="file"]').setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: PNG });
  await card.getByRole('button', { name: 'Submit offline payment' }).click();
  await expect(card.getByText("Payment submitted. We'll email you once an admin has checked it.")).toBeVisible();
  await snapshot(user, 'offline-payment-submitted');
  await card.getByRole('link', { name: 'Go to Payments' }).click();
  await expect(user).toHaveURL(/\/payments$/);
  await expect(user.getByRole('row', { name: new RegExp(reference) })).toContainText('Pending review');

  await admin.goto('/admin/payments');
  const row = admin.getByRole('row', { name: new RegExp(reference) });
  await expect(row).toBeVisible();
  const proof = row.getByRole('img', { name: `Proof from Payer ${stamp}` });
  await expect(proof).toBeVisible();
  // The preview really loads from the proof endpoint (served inline, same origin).
  await expect.poll(() => proof.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
  await snapshot(admin, 'admin-payments');
  await row.getByRole('button', { name: 'Approve' }).click();
  const dialog = admin.getByRole('dialog', { name: 'Approve payment' });
  await expect(dialog.getByRole('textbox', { name: 'Days to credit' })).toHaveValue('30');
  await dialog.getByRole('button', { name: 'Approve' }).click();
  await expect(dialog).toBeHidden();
  await admin.getByRole('tab', { name: /Approved/ }).click();
  await expect(admin.getByRole('row', { name: new RegExp(reference) })).toContainText('30 days credited');

  await user.goto('/dashboard');
  await expect(user.getByText('30 days remaining')).toBeVisible();
  await user.getByRole('button', { name: /^Notifications \(\d+ unread\)$/ }).click();
  await expect(user.getByText('Your plan is now active. You can add your first WhatsApp channel.')).toBeVisible();
  await snapshot(user, 'offline-payment-approved');
});
