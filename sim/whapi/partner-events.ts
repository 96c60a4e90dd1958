import type { SimContext } from './sim-context';

/** The partner `days` notice. Its body is undocumented (NOTES §10.4); ours mirrors the gate envelope and carries
 *  what a partner needs to act: the balance, the threshold and who it is for. */
export function sendDaysNotice(sim: SimContext): number {
  const { partner } = sim.state;
  const body = {
    event: { type: 'days', event: 'post' },
    days: partner.balanceDays,
    days_limit: partner.settings.days_limit,
    partner: partner.name,
  };
  let sent = 0;
  for (const webhook of partner.settings.webhooks) {
    // PartnerWebhook.events defaults to [{type:"days", method:"post"}].
    const events = webhook.events ?? [{ type: 'days', method: 'post' }];
    if (!events.some((e) => (e.type ?? 'days') === 'days' && (e.method ?? 'post') === 'post')) continue;
    sim.webhooks.send(webhook, 'days', 'post', body);
    sent++;
  }
  return sent;
}

/** "When the remaining balance days reach this value a webhook is sent" (§A10): once, on the way down. */
export function noticeIfBalanceCrossedLimit(sim: SimContext, balanceBefore: number): void {
  const { balanceDays, settings } = sim.state.partner;
  if (balanceBefore > settings.days_limit && balanceDays <= settings.days_limit) sendDaysNotice(sim);
}
