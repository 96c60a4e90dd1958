import { expect, test, type Locator, type Page } from '@playwright/test';
import { E2E_ADMIN } from './support/accounts';
import { newEmail, signIn, snapshot } from './support/journey';

// Plans from the admin's editor to the customer's checkout: create and publish a paid plan, see it on the public
// pricing in sort order, follow its PayPal button through sign-up to checkout, unpublish it again, and get the field
// errors when publishing a paid plan that has no price.

const PLAN = 'E2E Growth';
const INCOMPLETE = 'E2E Incomplete';

function mainNav(page: Page) {
  return page.getByRole('navigation', { name: 'Main navigation' });
}

function pricingSection(page: Page) {
  return page.getByRole('region', { name: 'Plans and pricing' });
}

/** Mantine keeps the switch's input out of view; people (and we) click its label. */
function publishedSwitchLabel(row: Locator) {
  return row.locator('label').filter({ hasText: /^Published$/ });
}

/** The published plans the landing page should list, as the admin sees them in sort order. */
async function landingOrder(page: Page): Promise<string[]> {
  const rows = page.locator('article[data-plan-status="published"]:not([data-plan-visibility="dashboard"])');
  return rows.getByRole('heading', { level: 3 }).allTextContents();
}

test('an admin publishes a plan, visitors see it on the landing page and a customer reaches checkout', async ({ page, browser }) => {
  // The landing pricing is cacheable for a minute (below), so this journey may wait that long once.
  test.setTimeout(120_000);

  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page).toHaveURL(/\/admin$/);
  await mainNav(page).getByRole('link', { name: 'Plans' }).click();
  await expect(page).toHaveURL(/\/admin\/plans$/);
  await page.getByRole('link', { name: 'Create plan' }).first().click();
  await expect(page).toHaveURL(/\/admin\/plans\/new$/);

  // A paid plan with a price, a semi-annual period, limits and features; the preview follows as we type.
  const basics = page.getByRole('region', { name: 'Plan', exact: true });
  await basics.getByRole('textbox', { name: 'Name' }).fill(PLAN);
  await basics.getByRole('textbox', { name: 'Monthly price' }).fill('49.50');
  await basics.getByText('Semi-annual', { exact: true }).click();
  await expect(page.getByTestId('editor-period-charge')).toContainText('Customers pay $297.00 every 6 months');
  const limits = page.getByRole('region', { name: 'Limits' });
  await limits.getByRole('textbox', { name: 'Daily messages' }).fill('1000');
  await limits.getByRole('textbox', { name: 'Bulk messages' }).fill('20000');
  await limits.getByRole('textbox', { name: 'Channels' }).fill('3');
  await limits.getByRole('checkbox', { name: 'Unlimited chatbots' }).check();
  const features = page.getByRole('region', { name: 'Features' });
  for (const feature of ['Priority support', 'Bulk sends from CSV']) {
    await features.getByRole('textbox', { name: 'New feature' }).fill(feature);
    await features.getByRole('button', { name: 'Add', exact: true }).click();
  }
  const preview = page.getByRole('complementary', { name: 'Preview' }).getByRole('article', { name: PLAN });
  await expect(preview.getByTestId('plan-monthly-price')).toHaveText('$49.50');
  await expect(preview).toContainText('Unlimited chatbots');
  await expect(preview).toContainText('Bulk sends from CSV');
  await snapshot(page, 'plan-editor');

  await page.getByRole('button', { name: 'Save and publish' }).click();
  await expect(page).toHaveURL(/\/admin\/plans$/);
  const row = page.getByRole('article', { name: PLAN });
  await expect(row.getByTestId('plan-status')).toHaveText('Published');
  await expect(row).toContainText('$49.50 / month');
  await expect(row).toContainText('$297.00 every 6 months');
  await snapshot(page, 'admin-plans');
  const expectedOrder = await landingOrder(page);
  expect(expectedOrder).toContain(PLAN);
  const { plans } = (await (await page.request.get('/api/admin/plans')).json()) as { plans: { id: string; name: string }[] };
  const planId = plans.find((plan) => plan.name === PLAN)?.id ?? '';

  // A visitor sees it in the landing page's pricing, in the admin's sort order.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto('/');
  const card = pricingSection(visitor).getByRole('article', { name: PLAN });
  await expect(card).toBeVisible();
  await expect(card.getByTestId('plan-period-charge')).toContainText('$297.00 every 6 months');
  await expect(pricingSection(visitor).getByRole('heading', { level: 3 })).toHaveText(expectedOrder);
  await card.scrollIntoViewIfNeeded();
  await snapshot(visitor, 'landing-pricing');

  // Another visitor follows the PayPal button: sign up first, then straight back to this plan's checkout.
  const customerContext = await browser.newContext();
  const customer = await customerContext.newPage();
  await customer.goto('/');
  await pricingSection(customer).getByRole('article', { name: PLAN }).getByRole('link', { name: 'Subscribe with PayPal' }).click();
  await expect(customer).toHaveURL(/\/sign-up\?redirect=/);
  await customer.getByRole('textbox', { name: 'Name', exact: true }).fill('Plan Customer');
  await customer.getByRole('textbox', { name: 'Email', exact: true }).fill(newEmail('plans'));
  await customer.getByRole('textbox', { name: 'Password', exact: true }).fill('customer-password');
  await customer.getByRole('button', { name: 'Create account' }).click();
  await expect(customer).toHaveURL(new RegExp(`/checkout/${planId}\\?method=paypal$`));
  await expect(customer.getByTestId('checkout-summary')).toContainText(PLAN);
  await expect(customer.getByTestId('checkout-period-charge')).toHaveText('You pay $297.00 every 6 months');
  await expect(customer.getByRole('region', { name: 'PayPal' })).toContainText('Your choice');
  // Both ways to pay are live: PayPal's button (its flow is tests/e2e/paypal.spec.ts) and the offline form.
  await expect(customer.getByRole('button', { name: 'Subscribe with PayPal' })).toBeEnabled();
  await expect(customer.getByRole('region', { name: 'Offline payment' }).getByRole('button', { name: 'Submit offline payment' })).toBeEnabled();
  await snapshot(customer, 'checkout');

  await mainNav(customer).getByRole('link', { name: 'Pricing' }).click();
  await expect(customer).toHaveURL(/\/pricing$/);
  await expect(customer.getByRole('article', { name: PLAN }).getByRole('link', { name: 'Offline Payment' })).toBeVisible();
  await snapshot(customer, 'pricing');
  await customerContext.close();

  // Unpublished: gone from the landing page on the visitor's next load (the public list is revalidated each time).
  await publishedSwitchLabel(row).click();
  await expect(row.getByTestId('plan-status')).toHaveText('Draft');
  await visitor.reload();
  // Wait for the list itself (the section is left out when no plan is left), then look for the plan.
  await expect(visitor.getByRole('status', { name: 'Loading plans' })).toHaveCount(0);
  await expect(visitor.getByRole('article', { name: PLAN })).toHaveCount(0);
  await visitorContext.close();
});

test('publishing a paid plan without a price names the missing field', async ({ page }) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto('/admin/plans/new');

  await page.getByRole('region', { name: 'Plan', exact: true }).getByRole('textbox', { name: 'Name' }).fill(INCOMPLETE);
  const limits = page.getByRole('region', { name: 'Limits' });
  for (const limit of ['daily messages', 'bulk messages', 'channels', 'chatbots']) {
    await limits.getByRole('checkbox', { name: `Unlimited ${limit}` }).check();
  }

  // The editor checks the same rules before publishing and points at the price field.
  await page.getByRole('button', { name: 'Save and publish' }).click();
  await expect(page.getByTestId('plan-problems')).toContainText('Complete the plan before publishing it.');
  await expect(page.getByTestId('plan-problems')).toContainText('Monthly price: A paid plan needs a monthly price.');
  await expect(page.getByRole('textbox', { name: 'Monthly price' })).toHaveAttribute('aria-invalid', 'true');

  // Saved as a draft, the server refuses to publish it and says which field is missing.
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page).toHaveURL(/\/admin\/plans$/);
  const row = page.getByRole('article', { name: INCOMPLETE });
  await expect(row.getByTestId('plan-status')).toHaveText('Draft');
  await expect(row).toContainText('No price yet');
  await publishedSwitchLabel(row).click();
  const problems = row.getByTestId('plan-problems');
  await expect(problems).toContainText('Complete the plan before publishing it.');
  await expect(problems).toContainText('Monthly price: A paid plan needs a monthly price.');
  await expect(row.getByTestId('plan-status')).toHaveText('Draft');
  await expect(row.getByRole('switch', { name: 'Published' })).not.toBeChecked();
  await snapshot(page, 'admin-plans-publish-refused');
});
