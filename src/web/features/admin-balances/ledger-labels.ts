import type { LedgerType } from '../../../contracts/balances';

// A Record over every ledger type, so a new type cannot reach the table without a readable name.
export const LEDGER_TYPE_LABELS: Record<LedgerType, string> = {
  topup: 'Top-up',
  allocate: 'Allocation',
  refund: 'Refund',
  sync: 'Partner sync',
  user_credit: 'User days credit',
  user_debit: 'User days debit',
};

export const LEDGER_TYPE_COLORS: Record<LedgerType, string> = {
  topup: 'teal',
  allocate: 'blue',
  refund: 'grape',
  sync: 'indigo',
  user_credit: 'cyan',
  user_debit: 'orange',
};

/** User credits and debits move a user's service days, not the main balance: the table says which. */
export function ledgerTypeScope(type: LedgerType): string {
  return type === 'user_credit' || type === 'user_debit' ? 'User service days' : 'Main balance';
}
