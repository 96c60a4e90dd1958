import { expect, test } from '@playwright/test';
import { E2E_ADMIN } from './support/accounts';
import { newEmail, signIn, snapshot } from './support/journey';

const THANKS = "Thanks — we'll be in touch shortly.";

/** `YYYY-MM-DDTHH:mm` in the browser's zone, the value format of a datetime-local input. */
function localSlot(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

test('a visitor asks for a quote and a demo; the admin is notified, opens the lead and marks it contacted', async ({ browser }) => {
  const visitorContext = await browser.newContext();
  const adminContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  const admin = await adminContext.newPage();
  const stamp = Date.now().toString(36);
  const quoteName = `Layla Quote ${stamp}`;
  const demoName = `Omar Demo ${stamp}`;

  // A quote request from the landing page's "Talk to sales".
  await visitor.goto('/');
  await visitor.getByRole('button', { name: 'Talk to sales' }).click();
  let dialog = visitor.getByRole('dialog', { name: 'Request a quote' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Send request' }).click();
  await expect(dialog.getByText('Enter your name.')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Name' }).fill(quoteName);
  await dialog.getByRole('textbox', { name: 'Email' }).fill(newEmail('quote'));
  await dialog.getByRole('textbox', { name: 'Phone' }).fill('36123456');
  await dialog.getByRole('textbox', { name: 'Company' }).fill('Gulf Trading W.L.L.');
  await dialog.getByRole('textbox', { name: 'Message' }).fill('We run 12 numbers and need bulk sending.');
  await dialog.getByRole('button', { name: 'Send request' }).click();
  await expect(dialog.getByText('Enter the number in international format, e.g. +97312345678.')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Phone' }).fill('+973 3612 3456');
  await snapshot(visitor, 'lead-quote-form');
  await dialog.getByRole('button', { name: 'Send request' }).click();
  await expect(dialog.getByText(THANKS)).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // A demo request with a preferred slot tomorrow at 10:30 local time.
  await visitor.getByRole('button', { name: 'Book a demo' }).click();
  dialog = visitor.getByRole('dialog', { name: 'Book a demo' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(demoName);
  await dialog.getByRole('textbox', { name: 'Email' }).fill(newEmail('demo'));
  await dialog.getByRole('textbox', { name: 'Phone' }).fill('+447911123456');
  await dialog.getByRole('button', { name: 'Request demo' }).click();
  await expect(dialog.getByText('Choose a preferred date and time.')).toBeVisible();
  const tomorrow = new Date();
  tomorrow.setDate(tomorrow.getDate() + 1);
  tomorrow.setHours(10, 30, 0, 0);
  await dialog.getByLabel('Preferred date and time').fill(localSlot(tomorrow));
  await dialog.getByRole('button', { name: 'Request demo' }).click();
  await expect(dialog.getByText(THANKS)).toBeVisible();

  // The admin sees the bell's badge, and the notification leads to the lead.
  await signIn(admin, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(admin).toHaveURL(/\/admin$/);
  const bell = admin.getByRole('button', { name: /^Notifications \(\d+ unread\)$/ });
  await expect(bell).toBeVisible();
  await expect(admin.getByTestId('notification-badge')).toContainText(/\d+/);
  await bell.click();
  await expect(admin.getByRole('button', { name: new RegExp(`New demo request from ${demoName}`) })).toBeVisible();
  await snapshot(admin, 'notifications-bell');
  await admin.getByRole('button', { name: new RegExp(`New quote request from ${quoteName}`) }).click();
  await expect(admin).toHaveURL(/\/admin\/leads\?id=/);
  const rows = admin.getByTestId('lead-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(quoteName);
  await expect(rows.first()).toContainText('+97336123456');

  // The full list, from the menu: both requests, the demo with its slot.
  await admin.getByRole('link', { name: 'Leads' }).click();
  await expect(admin).toHaveURL(/\/admin\/leads$/);
  const quoteRow = rows.filter({ hasText: quoteName });
  const demoRow = rows.filter({ hasText: demoName });
  await expect(quoteRow).toBeVisible();
  await expect(quoteRow).toContainText('Quote');
  await expect(demoRow).toContainText('Demo');
  await snapshot(admin, 'admin-leads');

  await admin.getByLabel(`Status of ${quoteName}`).selectOption('contacted');
  await expect(admin.getByText(`${quoteName} marked contacted.`)).toBeVisible();
  await admin.reload();
  await expect(admin.getByLabel(`Status of ${quoteName}`)).toHaveValue('contacted');
  await expect(admin.getByLabel(`Status of ${demoName}`)).toHaveValue('new');

  // Internal notes, in the lead's drawer.
  await quoteRow.getByRole('button', { name: `Details and notes for ${quoteName}` }).click();
  const drawer = admin.getByRole('dialog', { name: quoteName });
  await expect(drawer.getByText('We run 12 numbers and need bulk sending.')).toBeVisible();
  await drawer.getByRole('textbox', { name: 'Internal notes' }).fill('Called on Sunday; sending a proposal.');
  await drawer.getByRole('button', { name: 'Save notes' }).click();
  await expect(drawer).toBeHidden();
  await expect(quoteRow.getByRole('button', { name: `Details and notes for ${quoteName}` })).toHaveText('Notes');

  // Filter by status.
  await admin.goto('/admin/leads?status=contacted');
  await expect(rows.filter({ hasText: quoteName })).toBeVisible();
  await expect(rows.filter({ hasText: demoName })).toHaveCount(0);

  // Mark all as read clears the badge.
  await admin.getByRole('button', { name: /^Notifications/ }).click();
  await admin.getByRole('button', { name: 'Mark all as read' }).click();
  await expect(admin.getByRole('button', { name: 'Notifications', exact: true })).toBeVisible();

  await visitorContext.close();
  await adminContext.close();
});
