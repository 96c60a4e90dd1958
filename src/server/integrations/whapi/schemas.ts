import { z } from 'zod';
import type { WhapiChannel, WhapiChannelMode, WhapiPartnerSettings, WhapiProject } from './types';

// Wire schemas shared by both WHAPI APIs and those of the Partner API (Gate: gate-schemas.ts), each transformed
// into our own types. Lenient where NOTES.md §10 says the real
// shape is uncertain: unknown fields pass (looseObject), optional fields may be null, enums fall back to 'unknown'.

/** NOTES §0 "Time units": partner times are ms in the official sample but seconds in the spec; Gate times are
 * seconds, status timestamps are strings of seconds. A number below 1e12 (year 33658 in ms) is seconds. */
export function toDate(value: number | string | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n) || n <= 0) return null;
  return new Date(n < 1e12 ? n * 1000 : n);
}

export const timestamp = z.union([z.number(), z.string().regex(/^\d+(\.\d+)?$/)]);
export const optString = z.string().nullish();
export const optNumber = z.number().nullish();
export const optBool = z.boolean().nullish();

/** Digits only: WHAPI uses bare digits, but a chat id (`…@s.whatsapp.net`) or `+` must not leak into ours. */
export function toDigits(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const digits = String(value).split('@')[0]!.replace(/\D/g, '');
  return digits.length > 0 ? digits : null;
}

const stripSlash = (url: string) => url.replace(/\/+$/, '');
const DEFAULT_GATE_URL = 'https://gate.whapi.cloud';

// ---- Partner API ---------------------------------------------------------------------------------------------

const MODES = ['trial', 'dev', 'dev_archive', 'live'] as const;
function toMode(mode: string | null | undefined): WhapiChannelMode {
  if (!mode) return 'live'; // spec ChannelMode: "if empty - live"
  return (MODES as readonly string[]).includes(mode) ? (mode as WhapiChannelMode) : 'unknown';
}

export const wireChannel = z
  .looseObject({
    id: z.string().min(1),
    token: z.string().min(1),
    name: optString,
    phone: z.union([z.string(), z.number()]).nullish(),
    mode: optString,
    status: optString,
    stopped: optBool,
    blocked: optBool,
    creationTS: timestamp,
    activeTill: timestamp.nullish(),
    trial: timestamp.nullish(),
    projectId: optString,
    apiUrl: optString,
    server: optNumber,
  })
  .transform(
    (c): WhapiChannel => ({
      id: c.id,
      token: c.token,
      name: c.name ?? '',
      phone: toDigits(c.phone),
      mode: toMode(c.mode),
      status: c.status ?? null,
      stopped: c.stopped ?? false,
      blocked: c.blocked ?? false,
      createdAt: toDate(c.creationTS) ?? new Date(0),
      activeTill: toDate(c.activeTill),
      trialTill: toDate(c.trial),
      projectId: c.projectId ?? '',
      apiUrl: stripSlash(c.apiUrl || DEFAULT_GATE_URL),
      server: c.server ?? null,
    }),
  );

const page = { count: optNumber, total: optNumber, offset: optNumber };

/** Spec: `{channels, count, total, offset}`; some third parties saw a bare array (NOTES §10.5): accept both. */
export const wireChannelPage = z.union([
  z.looseObject({ channels: z.array(wireChannel), ...page }),
  z.array(wireChannel).transform((channels) => ({ channels, total: channels.length, count: channels.length, offset: 0 })),
]);

export const wireProject = z
  .looseObject({ id: z.string().min(1), name: optString, isDefault: optBool })
  .transform((p): WhapiProject => ({ id: p.id, name: p.name ?? '', isDefault: p.isDefault ?? false }));

/** Spec: `{projects, count, total, offset}`; a third party reads a bare array (NOTES §10.5): accept both. */
export const wireProjectPage = z.union([
  z.looseObject({ projects: z.array(wireProject), ...page }),
  z.array(wireProject).transform((projects) => ({ projects, total: projects.length, count: projects.length, offset: 0 })),
]);

export const webhookMode = z.enum(['body', 'path', 'method']).catch('body');

export const wirePartnerSettings = z
  .looseObject({
    webhooks: z
      .array(
        z.looseObject({
          url: z.string(),
          events: z.array(z.looseObject({ type: z.string(), method: z.string().catch('post') })).nullish(),
          mode: webhookMode.nullish(),
        }),
      )
      .nullish(),
    days_limit: z.union([z.number(), z.string().regex(/^\d+(\.\d+)?$/).transform(Number)]).nullish(),
    noChat: optBool,
  })
  .transform(
    (s): WhapiPartnerSettings => ({
      webhooks: (s.webhooks ?? []).map((w) => ({
        url: w.url,
        events: (w.events ?? []).map((e) => ({ type: e.type, method: e.method })),
        mode: w.mode ?? 'body',
      })),
      daysLimit: s.days_limit ?? null,
      noChat: s.noChat ?? null,
    }),
  );

/** `{success: boolean}` per spec (NOTES §11.1: no `result`). Extend may return the channel instead (§10.2). */
export const wireSuccess = z.looseObject({ success: z.boolean().optional() });

/** Both APIs: `{error: {code, message, details?, href?, support?}}` (NOTES §8). */
export const wireError = z.looseObject({
  error: z.union([
    z.looseObject({ code: z.union([z.number(), z.string()]).nullish(), message: optString, details: optString }),
    z.string(),
  ]),
});
