import { isoSeconds } from './clock';
import { newSaleId } from './ids';
import { decimalsOf, summaryAmount, toDecimal } from './money';
import type { SimContext } from './sim-context';
import type { SaleRecord, SubscriptionRecord } from './state';

/** A successful charge. PayPal reports subscription charges as v1 `sale` resources (NOTES §5.1): note
 *  `amount.total`/`amount.currency`, not `value`/`currency_code`, and `billing_agreement_id` = the subscription id. */

// Our choice of fee, shaped like PayPal's standard rate: 2.9% + 0.30.
const feeFor = (minor: number, currency: string) => Math.round(minor * 0.029) + (decimalsOf(currency) ? 30 : 0);

export function recordSale(sim: SimContext, subscription: SubscriptionRecord, minor: number, currency: string): SaleRecord {
  const sale: SaleRecord = { id: newSaleId(), subscriptionId: subscription.id, minor, feeMinor: feeFor(minor, currency), currency, time: sim.clock.now() };
  subscription.sales.push(sale);
  return sale;
}

export function toSaleResource(sim: SimContext, sale: SaleRecord) {
  const total = toDecimal(sale.minor, sale.currency);
  const self = `${sim.baseUrl}/v1/payments/sale/${sale.id}`;
  const time = isoSeconds(sale.time);
  return {
    summaryAmount: summaryAmount(sale.minor, sale.currency),
    body: {
      id: sale.id,
      state: 'completed',
      amount: { total, currency: sale.currency, details: { subtotal: total } },
      payment_mode: 'INSTANT_TRANSFER',
      protection_eligibility: 'ELIGIBLE',
      protection_eligibility_type: 'ITEM_NOT_RECEIVED_ELIGIBLE,UNAUTHORIZED_PAYMENT_ELIGIBLE',
      transaction_fee: { value: toDecimal(sale.feeMinor, sale.currency), currency: sale.currency },
      invoice_number: '',
      billing_agreement_id: sale.subscriptionId,
      create_time: time,
      update_time: time,
      links: [
        { href: self, rel: 'self', method: 'GET' },
        { href: `${self}/refund`, rel: 'refund', method: 'POST' },
      ],
    },
  };
}
