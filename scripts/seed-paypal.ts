import { eq } from 'drizzle-orm';
import { fromMinorUnits } from '../src/domain/money';
import { periodChargeMinor } from '../src/domain/plans';
import type { Config } from '../src/server/config';
import type { Database } from '../src/server/db/connect';
import { plans } from '../src/server/db/schema/index';
import { updatePayPalSettings } from '../src/server/features/paypal/update-paypal-settings';
import { createSecretBox } from '../src/server/secrets/secret-box';
import { registerMerchantWebhook, seedMerchantPlan, type PayPalAccount } from '../sim/paypal/merchant-dashboard';

const UNITS = { monthly: ['MONTH', 1], semi_annual: ['MONTH', 6], annual: ['YEAR', 1] } as const;

/**
 * What an admin does once in PayPal's dashboard and on our settings page, against the simulator: one PayPal plan
 * per published paid plan (its id stored on our plan), a webhook pointing at us, and the credentials saved.
 * The simulator keeps nothing between runs, so this runs at every demo start.
 */
export async function seedPayPal(database: Database, config: Config, paypal: PayPalAccount): Promise<void> {
  const paid = await database.db.select().from(plans).where(eq(plans.requestType, 'paid'));
  for (const plan of paid) {
    if (plan.monthlyPriceMinor === null) continue;
    const [unit, count] = UNITS[plan.billingPeriod];
    const price = fromMinorUnits(periodChargeMinor(plan.monthlyPriceMinor, plan.billingPeriod), plan.currency);
    const paypalPlanId = await seedMerchantPlan(paypal, { name: plan.name, price, currency: plan.currency, interval_unit: unit, interval_count: count });
    await database.db.update(plans).set({ paypalPlanId }).where(eq(plans.id, plan.id));
  }

  const webhookId = await registerMerchantWebhook(paypal, `${config.appUrl}/api/webhooks/paypal`);
  const deps = {
    db: database.db,
    box: createSecretBox(config.secretKey),
    appUrl: config.appUrl,
    apiUrlOverride: config.paypalApiUrl,
    jobs: null,
    mailer: { send: async () => undefined },
    log: console,
  };
  await updatePayPalSettings(deps, { userId: null, ip: null }, {
    mode: 'sandbox',
    clientId: paypal.clientId,
    clientSecret: paypal.clientSecret,
    webhookId,
  });
}
