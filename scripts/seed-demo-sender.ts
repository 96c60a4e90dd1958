// Once the demo app answers, Layla gets what a real customer would have after a week: her bank transfer for the
// Business plan approved, a WhatsApp channel with days from the admin's balance, and her phone linked at the
// WHAPI simulator — so Send, Bulk and Outbox can be tried at once. Everything goes through the public API, as a
// person would do it; a second start finds her subscribed and changes nothing.

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

interface Account {
  email: string;
  password: string;
}

class Session {
  private cookie = '';
  constructor(private readonly base: string) {}

  async call<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> {
    const form = body instanceof FormData;
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        origin: this.base,
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(body !== undefined && !form ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: form ? body : JSON.stringify(body) } : {}),
    });
    const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]);
    if (cookies.length) this.cookie = cookies.join('; ');
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}`);
    return (text ? JSON.parse(text) : {}) as T;
  }

  async signIn(account: Account): Promise<void> {
    await this.call('POST', '/api/auth/sign-in', { email: account.email, password: account.password });
  }
}

export async function seedDemoSender(appUrl: string, simUrl: string, admin: Account, sender: Account & { phone: string }): Promise<void> {
  const user = new Session(appUrl);
  await user.signIn(sender);
  const me = await user.call<{ user: { id: string }; subscription: unknown }>('GET', '/api/me');
  if (me.subscription) return;

  const { plans } = await user.call<{ plans: { id: string; name: string }[] }>('GET', '/api/pricing');
  const business = plans.find((plan) => plan.name === 'Business');
  if (!business) return;
  const form = new FormData();
  form.set('planId', business.id);
  form.set('reference', 'DEMO-TRANSFER-001');
  form.set('proof', new Blob([PNG], { type: 'image/png' }), 'receipt.png');
  const { payment } = await user.call<{ payment: { id: string } }>('POST', '/api/payments/offline', form);

  const staff = new Session(appUrl);
  await staff.signIn(admin);
  await staff.call('POST', `/api/admin/payments/${payment.id}/approve`, { days: 30 });
  await staff.call('POST', '/api/admin/balances/topup', { days: 365, note: 'Demo: mirrors the partner days bought at WHAPI' });
  const { channel, autoAllocationQueued } = await staff.call<{ channel: { id: string; channelRef: string }; autoAllocationQueued: boolean }>('POST', '/api/admin/channels', {
    userId: me.user.id,
    name: 'Layla — Sales',
    phone: sender.phone,
  });
  // With auto-allocation on (the default) the worker gives the channel its days; otherwise the admin does.
  if (!autoAllocationQueued) await staff.call('POST', `/api/admin/channels/${channel.id}/extend`, { days: 30 });
  const linked = await fetch(`${simUrl}/__sim/channels/${channel.channelRef}/link`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone: sender.phone.replace(/^\+/, '') }),
  });
  if (!linked.ok) throw new Error(`linking the demo phone failed: ${linked.status}`);
}
