import { eq } from 'drizzle-orm';
import type { CreateLeadBody, LeadKind } from '../../../contracts/leads';
import { AppError } from '../../app-error';
import type { Db } from '../../db/connect';
import { leads, plans } from '../../db/schema/index';
import type { Mailer } from '../../integrations/mail/mailer';
import { notifyAdmins } from '../notifications/notify-admins';
import { chargeLeadRequest } from './lead-throttle';
import { leadEmail } from './lead-email';

export interface CreateLeadDeps {
  db: Db;
  mailer: Mailer;
  appUrl: string;
  log: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
}

export interface CreateLeadInput {
  body: CreateLeadBody;
  ip: string;
  /** The signed-in requester, if any. */
  userId: string | null;
}

const TITLES: Record<LeadKind, (name: string) => string> = {
  quote: (name) => `New quote request from ${name}`,
  demo: (name) => `New demo request from ${name}`,
};

/**
 * A quote or demo request (DOMAIN.md "Pricing and calls to action"): the lead and one notification per active
 * admin in one transaction, then an email to each admin once it has committed.
 */
export async function createLead(deps: CreateLeadDeps, { body, ip, userId }: CreateLeadInput): Promise<void> {
  // Honeypot: people never see the field, so a value means a bot. It gets the usual answer and nothing else,
  // so it has no reason to try another way.
  if (body.website?.trim()) {
    deps.log.info({ ip }, 'lead honeypot filled; request ignored');
    return;
  }
  const throttled = await chargeLeadRequest(deps.db, { ip, email: body.email });
  if (throttled) {
    throw new AppError('RATE_LIMITED', 'Too many requests from you in a short time. Please try again later.', {
      headers: { 'retry-after': String(throttled.retryAfter) },
    });
  }

  const { lead, planName, admins } = await deps.db.transaction(async (tx) => {
    // A plan archived or deleted while the form was open must not cost us the request: keep it without a plan.
    const [plan] = body.planId
      ? await tx.select({ id: plans.id, name: plans.name }).from(plans).where(eq(plans.id, body.planId))
      : [];
    const [row] = await tx
      .insert(leads)
      .values({
        kind: body.kind,
        planId: plan?.id ?? null,
        name: body.name,
        email: body.email,
        phone: body.phone,
        company: body.company ?? null,
        message: body.message ?? null,
        preferredAt: body.kind === 'demo' && body.preferredAt ? new Date(body.preferredAt) : null,
        userId,
        ip,
      })
      .returning();
    const created = row!;
    const notified = await notifyAdmins(tx, {
      kind: 'lead.created',
      title: TITLES[created.kind](created.name),
      body: [plan ? `${plan.name} plan` : null, created.company, created.email].filter(Boolean).join(' · '),
      link: `/admin/leads?id=${encodeURIComponent(created.id)}`,
    });
    return { lead: created, planName: plan?.name ?? null, admins: notified };
  });

  // After commit and off the request's path: the in-app notification is the record, email is a courtesy.
  const email = leadEmail(lead, planName, deps.appUrl);
  void Promise.allSettled(admins.map((admin) => deps.mailer.send(admin.email, email.subject, email.text))).then((results) => {
    const failed = results.filter((result) => result.status === 'rejected').length;
    if (failed > 0) deps.log.warn({ leadId: lead.id, failed }, 'some lead emails could not be sent');
  });
}
