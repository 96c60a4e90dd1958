import { and, eq, isNotNull } from 'drizzle-orm';
import type { PayPalConnectionResult } from '../../../contracts/paypal';
import { AppError } from '../../app-error';
import { paypalSettings, plans } from '../../db/schema/index';
import { recordAudit, type Actor } from '../audit/record-audit';
import type { PayPalDeps } from './paypal-deps';
import { describePayPalSettings, loadPayPalSettings } from './paypal-settings-row';
import { withPayPalClient } from './with-paypal-client';

/**
 * "Test connection": asks PayPal for a token, then looks up the PayPal plan id of every published paid plan, so
 * the admin learns before a customer does that a plan id is wrong or its PayPal plan is not ACTIVE.
 */
export async function testPayPalConnection(deps: PayPalDeps, actor: Actor): Promise<PayPalConnectionResult> {
  const paidPlans = await deps.db
    .select({ id: plans.id, name: plans.name, paypalPlanId: plans.paypalPlanId })
    .from(plans)
    .where(and(eq(plans.status, 'published'), eq(plans.requestType, 'paid'), isNotNull(plans.paypalPlanId)))
    .orderBy(plans.sortOrder);
  let result: Omit<PayPalConnectionResult, 'settings'>;
  try {
    result = await withPayPalClient(
      deps,
      async (client) => {
        await client.getAccessToken();
        const checks = [];
        for (const plan of paidPlans) {
          const paypalPlanId = plan.paypalPlanId!;
          try {
            const found = await client.getPlan(paypalPlanId);
            const ok = found.status === 'ACTIVE';
            checks.push({ planId: plan.id, planName: plan.name, paypalPlanId, ok, detail: ok ? 'Active at PayPal' : `PayPal plan is ${found.status}` });
          } catch (error) {
            checks.push({ planId: plan.id, planName: plan.name, paypalPlanId, ok: false, detail: describe(error) });
          }
        }
        const bad = checks.filter((c) => !c.ok).length;
        return {
          ok: bad === 0,
          message: bad === 0 ? 'Connected to PayPal.' : `Connected to PayPal, but ${bad} plan id${bad === 1 ? '' : 's'} need attention.`,
          plans: checks,
        };
      },
      { evenIfInvalid: true },
    );
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    result = { ok: false, message: error.message, plans: [] };
    if (error.code !== 'SERVICE_UNAVAILABLE') {
      await deps.db.update(paypalSettings).set({ lastError: error.message, checkedAt: new Date() }).where(eq(paypalSettings.id, 1));
    }
  }
  await recordAudit(deps.db, actor, {
    action: 'paypal.connection_test',
    target: { type: 'settings', id: 'paypal', label: 'PayPal' },
    meta: { ok: result.ok, message: result.message },
  });
  return { ...result, settings: describePayPalSettings(await loadPayPalSettings(deps.db), deps) };
}

function describe(error: unknown): string {
  if (error instanceof AppError) return error.message;
  if (error && typeof error === 'object' && 'userMessage' in error) return String((error as { userMessage: string }).userMessage);
  return 'PayPal could not be reached.';
}
