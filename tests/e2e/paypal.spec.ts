import { expect, test } from '@playwright/test';
import { registerMerchantWebhook, seedMerchantPlan } from '../../sim/paypal/merchant-dashboard';
import { USER_PAGES } from '../../src/domain/pages';
import { E2E_ADMIN, E2E_PAYPAL } from './support/accounts';
import { api, newEmail, signIn, signUp, snapshot } from './support/journey';

// DOMAIN.md "Payments" → PayPal, end to end: the admin connects PayPal on the settings page, a user subscribes
// through PayPal's approval page (the simulator's) and comes back active, without anyone approving by hand.

/** What the admin does in PayPal's own dashboard: a plan and a webhook pointing at us. */
async function paypalDashboard(appUrl: string): Promise<{ paypalPlanId: string; webhookId: string }> {
  const paypalPlanId = await seedMerchantPlan(E2E_PAYPAL, { name: 'Growth monthly', price: '29.00' });
  const webhookId = await registerMerchantWebhook(E2E_PAYPAL, `${appUrl}/api/webhooks/paypal`);
  return { paypalPlanId, webhookId };
}

test('the admin connects PayPal and a user subscribes through PayPal’s approval page', async ({ browser, baseURL }) => {
  const adminContext = await browser.newContext();
  const userContext = await browser.newContext();
  const admin = await adminContext.newPage();
  const user = await userContext.newPage();
  const stamp = Date.now().toString(36);
  const planName = `PayPal ${stamp}`;
  const { paypalPlanId, webhookId } = await paypalDashboard(baseURL!);

  await signIn(admin, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(admin).not.toHaveURL(/\/sign-in/);
  await admin.goto('/admin/settings/paypal');
  const credentials = admin.getByRole('region', { name: 'PayPal REST app' });
  await expect(credentials.getByTestId('paypal-status')).toHaveText(/Not set up|Not tested yet|Connected/);
  await credentials.getByRole('textbox', { name: 'Client id' }).fill(E2E_PAYPAL.clientId);
  await credentials.getByLabel('Client secret').fill(E2E_PAYPAL.clientSecret);
  await credentials.getByRole('textbox', { name: 'Webhook id' }).fill(webhookId);
  await credentials.getByRole('button', { name: 'Save PayPal settings' }).click();
  await expect(credentials.getByTestId('paypal-status')).toHaveText('Not tested yet');
  await expect(credentials.getByText(`••••${E2E_PAYPAL.clientSecret.slice(-4)}`)).toBeVisible();

  const created = await api(admin, 'POST', '/api/admin/plans', {
    name: planName,
    currency: 'USD',
    monthlyPriceMinor: 2900,
    billingPeriod: 'monthly',
    requestType: 'paid',
    paypalPlanId,
    visibility: 'both',
    sortOrder: 950,
    limits: { daily: 100, bulk: 100, channels: 1, chatbots: 1 },
    pageAccess: Object.fromEntries(USER_PAGES.map((page) => [page, true])),
    features: ['1 WhatsApp number'],
  });
  expect(created.status(), await created.text()).toBe(201);
  const planId = ((await created.json()) as { plan: { id: string } }).plan.id;
  expect((await api(admin, 'POST', `/api/admin/plans/${planId}/publish`)).status()).toBe(200);

  await credentials.getByRole('button', { name: 'Test connection' }).click();
  await expect(credentials.getByTestId('paypal-status')).toHaveText('Connected');
  await expect(credentials.getByTestId('paypal-test-result')).toContainText(`${planName} (${paypalPlanId}): Active at PayPal`);
  await snapshot(admin, 'admin-paypal-settings');

  await signUp(user, { name: `Subscriber ${stamp}`, email: newEmail('paypal'), password: 'subscriber-password' });
  await user.goto('/pricing');
  await user.getByRole('article', { name: planName }).getByRole('link', { name: 'Subscribe with PayPal' }).click();
  await expect(user).toHaveURL(new RegExp(`/checkout/${planId}\\?method=paypal$`));
  await user.getByRole('region', { name: 'PayPal' }).getByRole('button', { name: 'Subscribe with PayPal' }).click();

  // PayPal's approval page (the simulator's), then straight back to us.
  await expect(user).toHaveURL(new RegExp(`^${E2E_PAYPAL.url}/webapps/billing/subscriptions`));
  await snapshot(user, 'paypal-approval-page');
  await user.getByRole('button', { name: 'Approve & subscribe' }).click();
  await expect(user).toHaveURL(/\/payments\/paypal\/return\?/);
  await expect(user.getByRole('heading', { name: 'Your plan is now active. You can add your first WhatsApp channel.' })).toBeVisible();
  await snapshot(user, 'paypal-return');

  await user.getByRole('link', { name: 'Go to your dashboard' }).click();
  await expect(user.getByText('30 days remaining')).toBeVisible();
  await user.goto('/payments');
  const row = user.getByTestId('paypal-subscription');
  await expect(row).toContainText(planName);
  await expect(row).toContainText('Active');
  await snapshot(user, 'payments-with-paypal');

  // A buyer who cancels on PayPal's page comes back to pricing, with nothing charged.
  const other = await (await browser.newContext()).newPage();
  await signUp(other, { name: `Undecided ${stamp}`, email: newEmail('undecided'), password: 'undecided-password' });
  await other.goto(`/checkout/${planId}?method=paypal`);
  await other.getByRole('button', { name: 'Subscribe with PayPal' }).click();
  await other.getByRole('button', { name: 'Cancel and return' }).click();
  await expect(other).toHaveURL(/\/pricing\?paypal=cancelled$/);
  await expect(other.getByText('You left PayPal without subscribing. Nothing was charged')).toBeVisible();
});
