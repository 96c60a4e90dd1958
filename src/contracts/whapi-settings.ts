import { z } from 'zod';
import { isoDate, paged, pageQuery } from './common';

// DOMAIN.md "Messages shown to people".
export const WHAPI_TOKEN_BANNER = 'WHAPI Partner Token missing or invalid — please update integration settings.';

export const tokenStatus = z.enum(['missing', 'unverified', 'valid', 'invalid']);

export const partnerBalance = z.object({
  currentDays: z.number().int().nullable(),
  daysLimit: z.number().int().nullable(),
  receivedAt: isoDate,
});
export type PartnerBalance = z.infer<typeof partnerBalance>;

export const whapiSettingsBody = z.object({
  tokenConfigured: z.boolean(),
  /** Shown as ••••last4; the token itself never leaves the server. */
  tokenLast4: z.string().nullable(),
  tokenStatus,
  tokenError: z.string().nullable(),
  tokenCheckedAt: isoDate.nullable(),
  projectId: z.string().nullable(),
  partnerName: z.string().nullable(),
  daysLimit: z.number().int().nullable(),
  webhookRegisteredAt: isoDate.nullable(),
  webhookUrls: z.object({ partnerDays: z.string(), channelPattern: z.string() }),
  updatedAt: isoDate,
});
export type WhapiSettings = z.infer<typeof whapiSettingsBody>;

export const partnerName = z
  .string()
  .trim()
  .max(64, { error: 'Use at most 64 characters.' })
  .regex(/^[a-zA-Z0-9_-]*$/, { error: 'Use letters, digits, "-" and "_" only.' });

export const updateWhapiSettingsBody = z.strictObject({
  /** A new token replaces the stored one; null clears it; absent leaves it. */
  partnerToken: z
    .string()
    .trim()
    .min(16, { error: 'This does not look like a WHAPI partner token.' })
    .max(4096)
    .regex(/^\S+$/, { error: 'The token cannot contain spaces.' })
    .nullable()
    .optional(),
  projectId: z
    .string()
    .trim()
    .regex(/^(?:[a-zA-Z0-9]{20}|default)$/, { error: 'Choose a project from the list.' })
    .nullable()
    .optional(),
  partnerName: partnerName.nullable().optional(),
});
export type UpdateWhapiSettings = z.infer<typeof updateWhapiSettingsBody>;

export const whapiProject = z.object({ id: z.string(), name: z.string(), isDefault: z.boolean() });
export const whapiProjectsBody = z.object({ projects: z.array(whapiProject) });
export const testConnectionBody = z.object({ ok: z.literal(true), projectCount: z.number().int(), checkedAt: isoDate });

export const registerWebhookBody = z.strictObject({
  daysLimit: z.coerce.number().int().min(1, { error: 'At least 1 day.' }).max(3650, { error: 'At most 3650 days.' }),
});

/** For every admin page: the banner and the partner balance in the header. */
export const whapiStatusBody = z.object({
  banner: z.string().nullable(),
  partnerBalance: partnerBalance.nullable(),
});
export type WhapiStatus = z.infer<typeof whapiStatusBody>;

export const partnerNotice = partnerBalance.extend({ id: z.string(), raw: z.unknown() });
export const partnerNoticesQuery = pageQuery;
export const partnerNoticesPage = paged(partnerNotice);
export type PartnerNoticesPage = z.infer<typeof partnerNoticesPage>;

export const webhookSecretParams = z.object({ secret: z.string().min(1).max(200) });
