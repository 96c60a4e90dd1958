import { expect, test, type Page } from '@playwright/test';
import { EMAIL_TEST_SUBJECT } from '../../src/contracts/settings';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server';
import { E2E_ADMIN } from './support/accounts';
import { signIn, snapshot } from './support/journey';

// Admin → Settings: the tabs, saving a real SMTP server (started here, on 127.0.0.1) and sending the test email
// through it, and the platform's auto-allocation switch. Self-contained: it ends with the server removed and
// auto-allocation back on, as a fresh install has them, so later journeys see the defaults.

const SMTP_PASSWORD = 'e2e-smtp-password-never-shown';
const FROM = 'OmniPlus E2E <e2e@omniplus.test>';

let smtp: TestSmtpServer;
test.beforeAll(async () => {
  smtp = await startSmtpServer({ auth: { user: 'e2e-mailer', pass: SMTP_PASSWORD } });
});
test.afterAll(async () => {
  await smtp.close();
});

function mainNav(page: Page) {
  return page.getByRole('navigation', { name: 'Main navigation' });
}

function settingsTabs(page: Page) {
  return page.getByRole('navigation', { name: 'Settings sections' });
}

test('an admin saves the mail server, sends a test email that arrives, and switches auto-allocation', async ({ page }) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  // Wherever an admin lands (dashboard or admin console), the main navigation is there.
  await expect(page).not.toHaveURL(/\/sign-in/);

  // One "Settings" entry opens the WHAPI tab; the entry stays current on every tab.
  await mainNav(page).getByRole('link', { name: 'Settings', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/settings\/whapi$/);
  await expect(page.getByRole('heading', { name: 'WHAPI Integration' })).toBeVisible();
  await expect(settingsTabs(page).getByRole('link', { name: 'WHAPI' })).toHaveAttribute('aria-current', 'page');
  await settingsTabs(page).getByRole('link', { name: 'Email' }).click();
  await expect(page).toHaveURL(/\/admin\/settings\/email$/);
  await expect(settingsTabs(page).getByRole('link', { name: 'Email' })).toHaveAttribute('aria-current', 'page');
  await expect(mainNav(page).getByRole('link', { name: 'Settings', exact: true })).toHaveAttribute('aria-current', 'page');

  // Nothing configured yet: the test email waits for a server.
  await expect(page.getByTestId('email-source')).toHaveText('Not configured');
  await snapshot(page, 'settings-email-empty');

  // Save the local SMTP server: shown without its credentials from then on.
  const server = page.getByRole('region', { name: 'Mail server' });
  await server.getByLabel('SMTP URL').fill(smtp.url);
  await server.getByRole('textbox', { name: 'From address' }).fill(FROM);
  await server.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('email-source')).toHaveText('Configured here');
  await expect(server.getByText(`smtp://127.0.0.1:${smtp.port}`, { exact: true })).toBeVisible();
  await expect(server.getByLabel('SMTP URL')).toHaveValue('');
  await expect(page.locator('body')).not.toContainText(SMTP_PASSWORD);

  // Send the test email to myself: success on the page, and the message at the server.
  const testCard = page.getByRole('region', { name: 'Test email' });
  await testCard.getByRole('button', { name: 'Send test email' }).click();
  await expect(page.getByTestId('test-email-result')).toContainText(`The mail server accepted the email for ${E2E_ADMIN.email}`);
  const mail = await smtp.waitFor((m) => m.subject === EMAIL_TEST_SUBJECT);
  expect(mail.envelope.to).toEqual([E2E_ADMIN.email]);
  expect(mail.headers.from).toBe(FROM);
  expect(mail.user).toBe('e2e-mailer');
  await snapshot(page, 'settings-email');

  // A refusal shows the mail server's own words.
  smtp.rejectWith({ code: 550, message: '5.1.1 Mailbox unavailable at the e2e server' });
  await testCard.getByRole('textbox', { name: 'Send to' }).fill('nobody@example.com');
  await testCard.getByRole('button', { name: 'Send test email' }).click();
  await expect(page.getByTestId('test-email-error')).toContainText('550 5.1.1 Mailbox unavailable at the e2e server');
  smtp.rejectWith(null);

  // The tabs are links: the keyboard opens Platform, and the URL can be shared.
  await settingsTabs(page).getByRole('link', { name: 'Platform' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/admin\/settings\/platform$/);
  const autoAllocate = page.getByRole('switch', { name: 'Allocate channel days automatically' });
  // Mantine draws the switch over a visually hidden input: a person clicks its label (or the track).
  const autoAllocateLabel = page.getByText('Allocate channel days automatically', { exact: true });
  await expect(autoAllocate).toBeChecked();
  await autoAllocateLabel.click();
  await expect(page.getByText('Auto-allocation is off.')).toBeVisible();
  await page.reload();
  await expect(autoAllocate).not.toBeChecked();
  await snapshot(page, 'settings-platform');

  // Deep link straight to the email tab: the saved server is still there. Then put everything back.
  await page.goto('/admin/settings/email');
  await expect(page.getByTestId('email-source')).toHaveText('Configured here');
  await page.getByRole('region', { name: 'Mail server' }).getByRole('button', { name: 'Remove saved server' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove the saved mail server?' });
  await dialog.getByRole('button', { name: 'Remove server' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('email-source')).toHaveText('Not configured');

  await settingsTabs(page).getByRole('link', { name: 'Platform' }).click();
  await autoAllocateLabel.click();
  await expect(page.getByText('Auto-allocation is on.')).toBeVisible();
  await page.reload();
  await expect(autoAllocate).toBeChecked();

  // Phone width: the tabs share the row, the cards stack.
  await page.setViewportSize({ width: 390, height: 844 });
  await snapshot(page, 'settings-platform-phone');
  await settingsTabs(page).getByRole('link', { name: 'Email' }).click();
  await expect(page.getByTestId('email-source')).toBeVisible();
  await snapshot(page, 'settings-email-phone');
  await page.getByRole('button', { name: 'Switch to dark mode' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await snapshot(page, 'settings-email-phone-dark');
  await page.setViewportSize({ width: 1280, height: 900 });
  await settingsTabs(page).getByRole('link', { name: 'Platform' }).click();
  await expect(autoAllocate).toBeChecked();
  await snapshot(page, 'settings-platform-dark');
  await page.getByRole('button', { name: 'Switch to light mode' }).click();
});
