import { z } from 'zod';
import { isoDate, paged, pageQuery } from './common';

// DOMAIN.md "Days": the admin main balance and its ledger (`balance_transactions`).
export const LEDGER_TYPES = ['topup', 'allocate', 'refund', 'sync', 'user_credit', 'user_debit'] as const;
export type LedgerType = (typeof LEDGER_TYPES)[number];
/** The ledger rows that move the admin main balance; user_credit / user_debit move a user's service clock. */
export const MAIN_BALANCE_TYPES = ['topup', 'allocate', 'refund', 'sync'] as const satisfies readonly LedgerType[];

export const TOPUP_MAX_DAYS = 100_000;

export const BALANCE_MESSAGES = {
  syncAlreadyEqual: 'The main balance already equals the partner balance. There is nothing to sync.',
  syncNotLatest: 'A newer partner notice has arrived. Review the latest partner balance and sync again.',
  syncNoDays: 'This partner notice does not say how many days are left, so it cannot be used to sync.',
  syncNegative: 'The partner notice reports a negative balance; the main balance cannot go below 0.',
} as const;

export const partnerNoticeSummary = z.object({
  noticeId: z.string(),
  currentDays: z.number().int().nullable(),
  daysLimit: z.number().int().nullable(),
  receivedAt: isoDate,
});

export const balanceSummary = z.object({
  mainBalance: z.object({ days: z.number().int(), updatedAt: isoDate }),
  /** The main balance recomputed from its ledger rows: topup + refund + sync (signed) − allocate. */
  ledger: z.object({ sum: z.number().int(), consistent: z.boolean() }),
  partner: partnerNoticeSummary.nullable(),
  /** partner.currentDays − main balance: the signed correction a sync would record; null without a figure. */
  difference: z.number().int().nullable(),
});
export type BalanceSummary = z.infer<typeof balanceSummary>;

export const topUpBody = z.strictObject({
  days: z.coerce
    .number({ error: 'Enter the number of days.' })
    .int({ error: 'Enter whole days.' })
    .min(1, { error: 'Enter at least 1 day.' })
    .max(TOPUP_MAX_DAYS, { error: 'At most 100,000 days at a time.' }),
  note: z
    .string({ error: 'Add a note.' })
    .trim()
    .min(1, { error: 'Add a note, e.g. the WHAPI invoice it mirrors.' })
    .max(500, { error: 'At most 500 characters.' }),
});
export type TopUpInput = z.infer<typeof topUpBody>;

export const syncBody = z.strictObject({
  noticeId: z.string({ error: 'Choose a partner notice.' }).regex(/^\d{1,18}$/, { error: 'Choose a partner notice.' }),
});

const userText = z.string().trim().max(254).optional();

export const ledgerFilters = z.object({
  type: z.enum(LEDGER_TYPES).optional(),
  userId: z.string().trim().min(1).max(64).optional(),
  /** Part of the user's email or name. */
  user: userText,
  channelId: z.string().trim().min(1).max(64).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type LedgerFilters = z.infer<typeof ledgerFilters>;

export const ledgerQuery = pageQuery.extend(ledgerFilters.shape);
export type LedgerQuery = z.infer<typeof ledgerQuery>;

export const ledgerRow = z.object({
  id: z.string(),
  type: z.enum(LEDGER_TYPES),
  /** Signed as the row moves its balance: allocations and user debits are negative. */
  days: z.number().int(),
  channel: z.object({ id: z.string(), name: z.string().nullable(), ref: z.string().nullable() }).nullable(),
  user: z.object({ id: z.string(), email: z.string() }).nullable(),
  actor: z.object({ id: z.string(), email: z.string() }).nullable(),
  note: z.string().nullable(),
  opId: z.string().nullable(),
  createdAt: isoDate,
});
export type LedgerRow = z.infer<typeof ledgerRow>;
export const ledgerPage = paged(ledgerRow);
export type LedgerPage = z.infer<typeof ledgerPage>;

export const balanceUsersQuery = pageQuery.extend({ search: z.string().trim().max(254).optional() });
export type BalanceUsersQuery = z.infer<typeof balanceUsersQuery>;

export const balanceUser = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  planName: z.string().nullable(),
  status: z.enum(['active', 'expired', 'banned', 'none']),
  channelsUsed: z.number().int(),
  /** The effective `channels` limit; -1 = unlimited. */
  channelsLimit: z.number().int(),
  daysRemaining: z.number().int(),
});
export type BalanceUser = z.infer<typeof balanceUser>;
export const balanceUsersPage = paged(balanceUser);
export type BalanceUsersPage = z.infer<typeof balanceUsersPage>;

/** The summary after the sync, with the correction that was actually recorded (signed). */
export const syncResponse = balanceSummary.extend({ correction: z.number().int() });
export type SyncResponse = z.infer<typeof syncResponse>;
