import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { createSessionFinder } from './features/auth/find-session';
import { registerAccessGuard } from './http/access-guard';
import type { App, AppDeps } from './http/app-deps';
import { registerCsrfProtection } from './http/csrf';
import { registerErrorHandler } from './http/error-handler';
import { registerOpenApi } from './http/openapi';
import { adminAuditRoutes } from './http/routes/admin-audit';
import { adminChannelRoutes } from './http/routes/admin-channels';
import { channelRoutes } from './http/routes/channels';
import { messagingRoutes } from './http/routes/messaging';
import { channelWebhookRoutes } from './http/routes/channel-webhooks';
import { adminDashboardRoutes } from './http/routes/admin-dashboard';
import { adminBalanceRoutes } from './http/routes/admin-balances';
import { adminPlanRoutes } from './http/routes/admin-plans';
import { adminSettingsRoutes } from './http/routes/admin-settings';
import { adminUserRoutes } from './http/routes/admin-users';
import { adminPayPalRoutes } from './http/routes/admin-paypal';
import { adminWebhookEventRoutes } from './http/routes/admin-webhook-events';
import { adminWhapiRoutes } from './http/routes/admin-whapi';
import { paypalRoutes } from './http/routes/paypal';
import { whapiWebhookRoutes } from './http/routes/whapi-webhooks';
import { authRoutes } from './http/routes/auth';
import { eventRoutes } from './http/routes/events';
import { healthRoutes } from './http/routes/health';
import { leadRoutes } from './http/routes/leads';
import { meRoutes } from './http/routes/me';
import { notificationRoutes } from './http/routes/notifications';
import { paymentRoutes } from './http/routes/payments';
import { pricingRoutes } from './http/routes/pricing';
import { registerSecurityHeaders } from './http/security-headers';
import { registerSpa } from './http/spa';

// Never written to a log, whatever a future log line includes (QUALITY K2).
const REDACT = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.token',
  '*.secret',
];

export async function buildApp(deps: AppDeps): Promise<App> {
  const { config } = deps;
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: { paths: REDACT, censor: '[redacted]' },
      ...(deps.logStream ? { stream: deps.logStream } : {}),
    },
    genReqId: () => randomUUID(),
    trustProxy: config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();

  // The API speaks JSON only: a text/plain body is refused with 415 instead of failing validation.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  registerErrorHandler(app, { serveSpa: deps.webRoot !== null });
  await registerSecurityHeaders(app, { https: config.appUrl.startsWith('https://') });
  registerCsrfProtection(app, [config.appUrl]);
  const findSession = await createSessionFinder({ auth: deps.auth, pool: deps.database.pool, secret: config.secretKey });
  registerAccessGuard(app, findSession);
  await registerOpenApi(app);

  healthRoutes(app, deps);
  authRoutes(app, deps, findSession);
  meRoutes(app, deps);
  eventRoutes(app, deps);
  adminUserRoutes(app, deps);
  adminDashboardRoutes(app, deps);
  adminAuditRoutes(app, deps);
  adminPlanRoutes(app, deps);
  pricingRoutes(app, deps);
  const { mailer, whapi } = deps.services;
  leadRoutes(app, deps, findSession, mailer);
  paymentRoutes(app, deps, mailer);
  notificationRoutes(app, deps);
  adminWhapiRoutes(app, whapi);
  adminSettingsRoutes(app, deps);
  adminBalanceRoutes(app, deps);
  whapiWebhookRoutes(app, whapi);
  channelRoutes(app, deps);
  messagingRoutes(app, deps);
  adminChannelRoutes(app, deps);
  channelWebhookRoutes(app, deps);
  paypalRoutes(app, deps.services.paypal);
  adminPayPalRoutes(app, deps.services.paypal);
  adminWebhookEventRoutes(app, deps);

  if (deps.webRoot) await registerSpa(app, deps.webRoot);
  await app.ready();
  return app;
}
