import { isoSeconds } from './clock';
import { money } from './money';
import type { SimContext } from './sim-context';
import type { SaleRecord, SubscriptionRecord } from './state';

/** Sales in the shape of the spec's `transaction`. */
export function toTransaction(subscription: SubscriptionRecord, sale: SaleRecord) {
  const buyer = subscription.subscriber as { name?: Record<string, string>; email_address?: string } | undefined;
  return {
    status: 'COMPLETED',
    id: sale.id,
    amount_with_breakdown: {
      gross_amount: money(sale.minor, sale.currency),
      fee_amount: money(sale.feeMinor, sale.currency),
      net_amount: money(sale.minor - sale.feeMinor, sale.currency),
    },
    ...(buyer?.name ? { payer_name: buyer.name } : {}),
    ...(buyer?.email_address ? { payer_email: buyer.email_address } : {}),
    time: isoSeconds(sale.time),
  };
}

/** GET …/{id}/transactions: the subscription's sales within [start_time, end_time], oldest first. A client can
 *  reconcile missed PAYMENT.SALE.COMPLETED webhooks with it (NOTES §8.7). */
export function transactionsOf(sim: SimContext, subscription: SubscriptionRecord, startTime: string, endTime: string) {
  const from = Date.parse(startTime);
  const to = Date.parse(endTime);
  const transactions = subscription.sales.filter((sale) => sale.time >= from && sale.time <= to).map((sale) => toTransaction(subscription, sale));
  const self = `${sim.baseUrl}/v1/billing/subscriptions/${subscription.id}/transactions?start_time=${encodeURIComponent(startTime)}&end_time=${encodeURIComponent(endTime)}`;
  return { transactions, total_items: transactions.length, total_pages: 1, links: [{ href: self, rel: 'SELF', method: 'GET' }] };
}
