import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { z } from 'zod';
import { email, personName } from './auth';
import { isoDate, paged, pageQuery } from './common';

import { LEAD_KINDS, LEAD_STATUSES } from '../domain/leads';

export { LEAD_KINDS, LEAD_STATUSES, type LeadKind, type LeadStatus } from '../domain/leads';

export const leadKind = z.enum(LEAD_KINDS);
export const leadStatus = z.enum(LEAD_STATUSES);

// Phones are checked against the numbering plan of their country (libphonenumber-js) and kept in E.164.
export const phoneE164 = z
  .string()
  .trim()
  .min(1, { error: 'Enter your phone number.' })
  .transform((value, ctx) => {
    const parsed = parsePhoneNumberFromString(value);
    if (!value.startsWith('+') || !parsed?.isValid()) {
      ctx.addIssue({ code: 'custom', message: 'Enter the number in international format, e.g. +97312345678.' });
      return z.NEVER;
    }
    return parsed.number;
  });

/** Optional free text: blank becomes undefined so the server stores NULL, not ''. */
function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, { error: `Use at most ${max} characters.` })
    .optional()
    .transform((value) => (value ? value : undefined));
}

/** How far ahead a demo may be booked; a typo like year 3025 is caught here rather than by a person. */
export const DEMO_MAX_DAYS_AHEAD = 365;

export const createLeadBody = z
  .strictObject({
    kind: leadKind,
    planId: z.string().trim().min(1).max(64).nullish(),
    name: personName,
    email,
    phone: phoneE164,
    company: optionalText(200),
    message: optionalText(5000),
    /** ISO date-time with offset; required and in the future for demo requests. */
    preferredAt: z.iso.datetime({ offset: true, error: 'Enter a valid date and time.' }).optional(),
    /** Honeypot: hidden from people, so anything typed here came from a bot. */
    website: z.string().max(500).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.kind !== 'demo') return;
    if (!body.preferredAt) {
      ctx.addIssue({ code: 'custom', path: ['preferredAt'], message: 'Choose a preferred date and time.' });
      return;
    }
    const at = Date.parse(body.preferredAt);
    if (at <= Date.now()) {
      ctx.addIssue({ code: 'custom', path: ['preferredAt'], message: 'Choose a date and time in the future.' });
    } else if (at > Date.now() + DEMO_MAX_DAYS_AHEAD * 86_400_000) {
      ctx.addIssue({ code: 'custom', path: ['preferredAt'], message: 'Choose a date within the next 12 months.' });
    }
  });
export type CreateLeadInput = z.input<typeof createLeadBody>;
export type CreateLeadBody = z.output<typeof createLeadBody>;

export const leadIdParams = z.object({ id: z.string().min(1).max(64) });

export const leadQuery = pageQuery.extend({
  status: leadStatus.optional(),
  kind: leadKind.optional(),
  /** Matches name, email, phone or company. */
  q: z.string().trim().max(200).optional(),
});
export type LeadQuery = z.infer<typeof leadQuery>;

export const lead = z.object({
  id: z.string(),
  kind: leadKind,
  status: leadStatus,
  plan: z.object({ id: z.string(), name: z.string() }).nullable(),
  name: z.string(),
  email: z.string(),
  phone: z.string(),
  company: z.string().nullable(),
  message: z.string().nullable(),
  preferredAt: isoDate.nullable(),
  notes: z.string().nullable(),
  userId: z.string().nullable(),
  ip: z.string().nullable(),
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type Lead = z.infer<typeof lead>;
export const leadPage = paged(lead);
export type LeadPage = z.infer<typeof leadPage>;
export const leadBody = z.object({ lead });

export const updateLeadBody = z
  .strictObject({
    status: leadStatus.optional(),
    notes: z.string().trim().max(5000, { error: 'Use at most 5000 characters.' }).nullable().optional(),
  })
  .refine((body) => body.status !== undefined || body.notes !== undefined, { error: 'Nothing to change.' });
export type UpdateLeadBody = z.infer<typeof updateLeadBody>;
