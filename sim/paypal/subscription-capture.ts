import { unprocessable } from './api-error';
import { toMinor } from './money';
import { recordSale } from './sales';
import type { SimContext } from './sim-context';
import type { Money, SaleRecord, SubscriptionRecord } from './state';
import { requireBilling } from './subscription-billing';
import { requireStatus } from './subscription-lifecycle';
import { publishSaleCompleted } from './webhook-events';

/** POST …/{id}/capture: the merchant collects (part of) the outstanding balance left by failed payments, the way
 *  back for a subscription suspended at its failure threshold. The descriptions are the spec's (capture 422). */
export function captureOutstanding(sim: SimContext, subscription: SubscriptionRecord, amount: Money): SaleRecord {
  requireStatus(subscription, ['ACTIVE', 'SUSPENDED', 'EXPIRED'], 'capture');
  const billing = requireBilling(subscription);
  if (amount.currency_code !== billing.currency) {
    throw unprocessable('CURRENCY_MISMATCH', "The currency code is different from the subscription's currency code.", '/amount/currency_code', amount.currency_code);
  }
  if (billing.outstandingMinor <= 0) throw unprocessable('ZERO_OUTSTANDING_BALANCE', 'Current outstanding balance should be greater than zero.');
  const minor = toMinor(amount.value, amount.currency_code);
  if (minor > billing.outstandingMinor) {
    throw unprocessable('AMOUNT_GREATER_THAN_OUTSTANDING_BALANCE', 'The capture amount can not be greater than the current outstanding balance.', '/amount/value', amount.value);
  }
  const sale = recordSale(sim, subscription, minor, billing.currency);
  billing.outstandingMinor -= minor;
  billing.lastPayment = { minor, time: sale.time };
  billing.failedPaymentsCount = 0;
  subscription.updateTime = sale.time;
  publishSaleCompleted(sim, sale);
  return sale;
}
