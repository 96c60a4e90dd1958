import type { LeadRow } from './lead-row';

/** The email each admin gets for a new lead: plain text, everything needed to call back. */
export function leadEmail(lead: LeadRow, planName: string | null, appUrl: string): { subject: string; text: string } {
  const what = lead.kind === 'demo' ? 'demo' : 'quote';
  const lines = [
    `A new ${what} request arrived on OmniPlus WA Tracker.`,
    '',
    `Name: ${lead.name}`,
    `Email: ${lead.email}`,
    `Phone: ${lead.phone}`,
    lead.company ? `Company: ${lead.company}` : null,
    planName ? `Plan: ${planName}` : null,
    lead.preferredAt ? `Preferred time: ${lead.preferredAt.toISOString()} (UTC)` : null,
    lead.message ? ['', 'Message:', lead.message].join('\n') : null,
    '',
    `Open it: ${appUrl}/admin/leads?id=${encodeURIComponent(lead.id)}`,
  ];
  return {
    subject: `New ${what} request from ${lead.name}`,
    text: lines.filter((line) => line !== null).join('\n'),
  };
}
