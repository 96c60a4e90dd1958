import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../../../contracts/errors';
import {
  adminPaymentBody,
  adminPaymentPage,
  adminPaymentQuery,
  approvePaymentBody,
  offlinePaymentFields,
  paymentBody,
  paymentIdParams,
  paymentList,
  PROOF_MAX_BYTES,
  rejectPaymentBody,
} from '../../../contracts/payments';
import { AppError, invalid } from '../../app-error';
import { approvePayment, rejectPayment } from '../../features/payments/decide-payment';
import { findProof, listOwnPayments, listPaymentsForAdmin } from '../../features/payments/list-payments';
import { chargeUpload, submitOfflinePayment, type PaymentDeps } from '../../features/payments/submit-offline-payment';
import type { Mailer } from '../../integrations/mail/mailer';
import { requireUser } from '../access-guard';
import type { App, AppDeps } from '../app-deps';
import { actorOf } from '../request-context';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 429: errorBody };
const admin = { config: { access: 'admin.payments' as const } };
const proofQuery = z.object({ inline: z.enum(['0', '1']).optional() });

/** Reads the upload: text fields and exactly one file `proof`, bounded by the plugin's limits (QUALITY F1). */
async function readUpload(request: FastifyRequest) {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the payment as multipart/form-data.');
  const fields: Record<string, string> = {};
  let proof: { bytes: Buffer; filename: string | undefined } | null = null;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      // toBuffer throws 413 once the stream passes fileSize; extra files are refused by the plugin's `files` limit.
      const bytes = await part.toBuffer();
      if (part.fieldname === 'proof' && !proof) proof = { bytes, filename: part.filename };
    } else if (typeof part.value === 'string') {
      fields[part.fieldname] = part.value;
    }
  }
  const parsed = offlinePaymentFields.safeParse(fields);
  const problems: Record<string, string> = {};
  if (!parsed.success) for (const issue of parsed.error.issues) problems[String(issue.path[0] ?? '_')] ??= issue.message;
  if (!proof || proof.bytes.length === 0) problems.proof = 'Attach the proof of payment.';
  if (!parsed.success || !proof || proof.bytes.length === 0) throw invalid(problems);
  return { ...parsed.data, proof };
}

export function paymentRoutes(app: App, { database, config, jobs }: AppDeps, mailer: Mailer): void {
  const deps = (log: PaymentDeps['log']): PaymentDeps => ({ db: database.db, jobs, mailer, appUrl: config.appUrl, log });

  // Multipart is parsed in this scope only; every other route stays JSON-only.
  void app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: PROOF_MAX_BYTES, files: 1, fields: 10, fieldSize: 4096, parts: 12 },
      throwFileSizeLimit: true,
    });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/payments/offline',
      {
        config: { access: 'payments' },
        bodyLimit: PROOF_MAX_BYTES + 64 * 1024,
        schema: {
          tags: ['payments'],
          consumes: ['multipart/form-data'],
          response: { 201: paymentBody, 413: errorBody, 415: errorBody, ...errors },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        await chargeUpload(database.db, user.id);
        const upload = await readUpload(request);
        const payment = await submitOfflinePayment(deps(request.log), {
          actor: { ...actorOf(request), userId: user.id },
          planId: upload.planId,
          reference: upload.reference,
          proof: upload.proof,
        });
        return reply.status(201).send({ payment });
      },
    );
  });

  app.get(
    '/api/payments',
    { config: { access: 'payments' }, schema: { tags: ['payments'], response: { 200: paymentList, ...errors } } },
    async (request) => ({ payments: await listOwnPayments(database.db, requireUser(request).id) }),
  );

  app.get(
    '/api/payments/:id/proof',
    {
      config: { access: 'payments' },
      schema: {
        tags: ['payments'],
        params: paymentIdParams,
        querystring: proofQuery,
        response: { 200: z.any().describe('The proof file, as sniffed when uploaded'), ...errors },
      },
    },
    async (request, reply) => {
      const proof = await findProof(database.db, requireUser(request), request.params.id);
      const inline = request.query.inline === '1' && proof.contentType.startsWith('image/');
      // QUALITY F4: served as the sniffed type, never sniffed again by the browser, never run as a page.
      return reply
        .header('content-type', proof.contentType)
        .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="${proof.filename}"`)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "sandbox; default-src 'none'")
        .header('cache-control', 'private, no-store')
        .send(proof.bytes);
    },
  );

  app.get(
    '/api/admin/payments',
    { ...admin, schema: { tags: ['admin'], querystring: adminPaymentQuery, response: { 200: adminPaymentPage, ...errors } } },
    async (request) => listPaymentsForAdmin(database.db, request.query),
  );

  app.post(
    '/api/admin/payments/:id/approve',
    {
      ...admin,
      schema: { tags: ['admin'], params: paymentIdParams, body: approvePaymentBody, response: { 200: adminPaymentBody, ...errors } },
    },
    async (request) => ({
      payment: await approvePayment(deps(request.log), { actor: actorOf(request), paymentId: request.params.id, days: request.body.days }),
    }),
  );

  app.post(
    '/api/admin/payments/:id/reject',
    {
      ...admin,
      schema: { tags: ['admin'], params: paymentIdParams, body: rejectPaymentBody, response: { 200: adminPaymentBody, ...errors } },
    },
    async (request) => ({
      payment: await rejectPayment(deps(request.log), { actor: actorOf(request), paymentId: request.params.id, reason: request.body.reason }),
    }),
  );
}
