import { z } from 'zod';
import { email } from './auth';
import { isoDate } from './common';

// Admin → Settings → Email and → Platform (issue 5). The SMTP URL may carry a password: it goes in, it never
// comes out — responses only carry `smtpDisplay`, the same URL without credentials (QUALITY K2).

export const EMAIL_TEST_SUBJECT = 'OmniPlus WA Tracker test email';

export const emailSource = z.enum(['settings', 'environment', 'none']);
export type EmailSource = z.infer<typeof emailSource>;

export const emailSettingsBody = z.object({
  configured: z.boolean(),
  /** Where the SMTP server comes from: saved here, SMTP_URL of the server's environment, or nowhere (log only). */
  source: emailSource,
  smtpDisplay: z.string().nullable(),
  fromAddress: z.string().nullable(),
  lastTestAt: isoDate.nullable(),
  lastTestError: z.string().nullable(),
});
export type EmailSettings = z.infer<typeof emailSettingsBody>;

const SMTP_URL_HINT = 'Use smtp://user:password@host:port or smtps://user:password@host:port.';

/** An smtp:// or smtps:// URL with a host and nothing else: the from-address has its own field. */
export const smtpUrl = z
  .string()
  .trim()
  .max(2048, { error: 'Use at most 2048 characters.' })
  .superRefine((value, ctx) => {
    if (value === '') return;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: `This is not a valid URL. ${SMTP_URL_HINT}` });
      return;
    }
    if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
      ctx.addIssue({ code: 'custom', message: `The URL must start with smtp:// or smtps://. ${SMTP_URL_HINT}` });
    } else if (!url.hostname) {
      ctx.addIssue({ code: 'custom', message: `The URL needs the mail server's host name. ${SMTP_URL_HINT}` });
    } else if ((url.pathname !== '' && url.pathname !== '/') || url.search || url.hash) {
      ctx.addIssue({ code: 'custom', message: `Remove everything after the host and port. ${SMTP_URL_HINT}` });
    }
  });

const NAME_ADDRESS = /^([^<>"\r\n,;]{1,100}?)\s*<([^<>\s]+)>$/;
const FROM_HINT = 'Enter an email address, or a name and an address like OmniPlus <no-reply@example.com>.';

/** `no-reply@example.com` or `OmniPlus <no-reply@example.com>`; no quotes, commas or line breaks in the name. */
export const fromAddress = z
  .string()
  .trim()
  .min(1, { error: 'Enter the address emails are sent from.' })
  .max(320, { error: 'Use at most 320 characters.' })
  .superRefine((value, ctx) => {
    const named = NAME_ADDRESS.exec(value);
    const address = named ? named[2]! : value;
    if (!email.safeParse(address).success || (named && !named[1]!.trim())) {
      ctx.addIssue({ code: 'custom', message: FROM_HINT });
    }
  });

export const updateEmailSettingsBody = z.strictObject({
  /** A new URL replaces the stored one; an empty string clears it; absent leaves it as it is. */
  smtpUrl: smtpUrl.optional(),
  fromAddress,
});
export type UpdateEmailSettings = z.infer<typeof updateEmailSettingsBody>;

export const sendTestEmailBody = z.strictObject({
  /** Defaults to the signed-in admin's own address. */
  to: email.optional(),
});
export type SendTestEmail = z.infer<typeof sendTestEmailBody>;

export const testEmailResultBody = z.object({
  ok: z.literal(true),
  sentTo: z.string(),
  settings: emailSettingsBody,
});
export type TestEmailResult = z.infer<typeof testEmailResultBody>;

export const platformSettingsBody = z.object({
  /** DOMAIN.md "Auto-allocation": channel time follows paid time without the admin's hand (default on). */
  autoAllocate: z.boolean(),
  /** IANA time zone of the platform's calendar: the daily message limit resets at its midnight (DOMAIN.md "Messaging"). */
  timeZone: z.string(),
  updatedAt: isoDate,
});
export type PlatformSettings = z.infer<typeof platformSettingsBody>;

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Either switch, or both; a body that changes nothing is a mistake worth telling. */
export const updatePlatformSettingsBody = z
  .strictObject({
    autoAllocate: z.boolean({ error: 'Choose on or off.' }).optional(),
    timeZone: z
      .string()
      .trim()
      .max(64)
      .refine(isTimeZone, { error: 'Choose a time zone from the list, e.g. Asia/Bahrain.' })
      .optional(),
  })
  .refine((body) => body.autoAllocate !== undefined || body.timeZone !== undefined, {
    error: 'Change at least one setting.',
    path: ['autoAllocate'],
  });
export type UpdatePlatformSettings = z.infer<typeof updatePlatformSettingsBody>;
