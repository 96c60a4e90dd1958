import type { PlanInput } from '../src/contracts/plans';
import { USER_PAGES, type UserPage } from '../src/domain/pages';
import type { PageAccess } from '../src/domain/plans';
import type { Database } from '../src/server/db/connect';
import { plans } from '../src/server/db/schema/index';
import { createPlan } from '../src/server/features/plans/create-plan';
import { setPlanStatus } from '../src/server/features/plans/set-plan-status';

const pages = (granted: readonly UserPage[]): PageAccess =>
  Object.fromEntries(USER_PAGES.map((page) => [page, granted.includes(page)])) as PageAccess;
const ALL_PAGES = pages(USER_PAGES);
const UNLIMITED = { daily: -1, bulk: -1, channels: -1, chatbots: -1 };

const base = { currency: 'USD', billingPeriod: 'monthly', requestType: 'paid', paypalPlanId: null, visibility: 'both' } as const;

/** The demo catalogue: a realistic spread of paid, annual, quote and demo plans, all published. */
export const DEMO_PLANS: PlanInput[] = [
  {
    ...base,
    name: 'Starter',
    monthlyPriceMinor: 1900,
    sortOrder: 10,
    limits: { daily: 200, bulk: 1000, channels: 1, chatbots: 1 },
    pageAccess: pages(['dashboard', 'channels', 'send', 'templates', 'outbox', 'logs', 'balances']),
    features: ['1 WhatsApp number', '200 messages a day', 'Templates and delivery logs', 'Email support'],
  },
  {
    ...base,
    name: 'Business',
    monthlyPriceMinor: 4900,
    sortOrder: 20,
    limits: { daily: 2000, bulk: 20000, channels: 3, chatbots: 5 },
    pageAccess: ALL_PAGES,
    features: ['3 WhatsApp numbers', '2,000 messages a day', 'Bulk campaigns up to 20,000', '5 chatbots and workflows', 'Priority support'],
  },
  {
    ...base,
    name: 'Business Annual',
    monthlyPriceMinor: 3900,
    billingPeriod: 'annual',
    sortOrder: 30,
    limits: { daily: 2000, bulk: 20000, channels: 3, chatbots: 5 },
    pageAccess: ALL_PAGES,
    features: ['Everything in Business', 'Billed yearly: save 20%', '3 WhatsApp numbers', '5 chatbots and workflows'],
  },
  {
    ...base,
    name: 'Enterprise',
    monthlyPriceMinor: null,
    requestType: 'request_quote',
    sortOrder: 40,
    limits: UNLIMITED,
    pageAccess: ALL_PAGES,
    features: ['Unlimited numbers and messages', 'Dedicated account manager', 'Custom integrations and SLA'],
  },
  {
    ...base,
    name: 'Demo',
    monthlyPriceMinor: null,
    requestType: 'book_demo',
    visibility: 'landing',
    sortOrder: 50,
    limits: { daily: 20, bulk: 0, channels: 1, chatbots: 0 },
    pageAccess: pages(['dashboard', 'channels', 'send', 'logs']),
    features: ['A guided tour with our team', 'See sending, templates and logs live'],
  },
];

/**
 * Creates and publishes the demo plans through the same use-cases as Admin → Plans (so they are audited as the
 * system's). A plan whose name already exists is left as it is, so seeding can run again.
 */
export async function seedPlans(database: Database, catalogue: PlanInput[] = DEMO_PLANS): Promise<string[]> {
  const system = { userId: null, ip: null };
  const existing = new Set((await database.db.select({ name: plans.name }).from(plans)).map((p) => p.name));
  const created: string[] = [];
  for (const input of catalogue) {
    if (existing.has(input.name)) continue;
    const plan = await createPlan(database.db, { actor: system, input });
    await setPlanStatus(database.db, { actor: system, planId: plan.id, action: 'publish' });
    created.push(input.name);
  }
  return created;
}
