import { toDecimal, toMinor } from './money';
import type { PlanRecord, SubscriptionRecord } from './state';

/** The buyer-facing pages: small, self-contained HTML (no scripts, no external assets) whose buttons are plain forms. */

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const plural = (n: number, unit: string) => `${n} ${unit.toLowerCase()}${n === 1 ? '' : 's'}`;

/** "USD 10.00 / month", "USD 25.00 every 3 months", "Trial: Free for 1 week", "Trial: USD 3.00 / month for 2 months". */
export function describeTerms(subscription: SubscriptionRecord): string[] {
  return [...subscription.billingCycles]
    .sort((a, b) => a.sequence - b.sequence)
    .map((cycle) => {
      const { interval_unit: unit, interval_count: count } = cycle.frequency;
      const span = cycle.total_cycles === 0 ? '' : plural(cycle.total_cycles * count, unit);
      const price = cycle.pricing_scheme?.fixed_price;
      const prefix = cycle.tenure_type === 'TRIAL' ? 'Trial: ' : '';
      if (!price || Number(price.value) === 0) return `${prefix}Free${span ? ` for ${span}` : ''}`;
      const per = count === 1 ? `/ ${unit.toLowerCase()}` : `every ${plural(count, unit)}`;
      return `${prefix}${price.currency_code} ${toDecimal(toMinor(price.value, price.currency_code), price.currency_code)} ${per}${span ? ` for ${span}` : ''}`;
    });
}

const STYLE = `
  *{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;background:#f5f7fa;color:#1a1a1a}
  header{background:#003087;color:#fff;padding:14px 24px;font-weight:600;letter-spacing:.2px}
  main{max-width:440px;margin:40px auto;background:#fff;border-radius:12px;box-shadow:0 2px 12px rgba(0,0,0,.08);padding:28px}
  h1{font-size:20px;margin:0 0 4px}.merchant{color:#555;margin:0 0 20px}
  .plan{border:1px solid #e3e7ee;border-radius:8px;padding:14px 16px;margin-bottom:24px}.plan strong{display:block;font-size:17px}
  .plan ul{margin:6px 0 0;padding-left:18px;color:#333}
  form{margin:0 0 12px}button{width:100%;padding:12px;border-radius:24px;font:inherit;font-weight:600;cursor:pointer;border:0}
  .approve{background:#ffc439;color:#111}.approve:hover{background:#f2ba36}
  .cancel{background:#fff;color:#0070ba;border:1px solid #0070ba}
  footer{color:#777;font-size:13px;text-align:center;margin-top:16px}`;

export function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(title)}</title><style>${STYLE}</style></head>
<body><header>PayPal Sandbox (simulator)</header><main>${body}</main></body></html>`;
}

export function approvalPage(subscription: SubscriptionRecord, plan: PlanRecord | undefined): string {
  const merchant = subscription.brandName ?? 'the merchant';
  const terms = describeTerms(subscription).map((line) => `<li>${escape(line)}</li>`).join('');
  const token = `<input type="hidden" name="ba_token" value="${escape(subscription.baToken)}">`;
  return page(
    'PayPal Sandbox (simulator)',
    `<h1>Subscribe</h1><p class="merchant">to ${escape(merchant)}</p>
<div class="plan"><strong>${escape(plan?.name ?? subscription.planId)}</strong><ul>${terms}</ul></div>
<form method="post" action="/webapps/billing/subscriptions/approve">${token}<button class="approve" type="submit">Approve &amp; subscribe</button></form>
<form method="post" action="/webapps/billing/subscriptions/cancel">${token}<button class="cancel" type="submit">Cancel and return</button></form>
<footer>Subscription ${escape(subscription.id)} · simulated buyer, no money moves</footer>`,
  );
}

export const messagePage = (heading: string, text: string): string => page(heading, `<h1>${escape(heading)}</h1><p>${escape(text)}</p>`);
