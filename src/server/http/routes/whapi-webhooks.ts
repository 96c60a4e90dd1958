import { z } from 'zod';
import { okBody } from '../../../contracts/common';
import { errorBody } from '../../../contracts/errors';
import { webhookSecretParams } from '../../../contracts/whapi-settings';
import { receivePartnerNotice } from '../../features/whapi/receive-partner-notice';
import type { WhapiDeps } from '../../features/whapi/whapi-deps';
import type { App } from '../app-deps';

// Called by WHAPI, not by a browser: no session, no CSRF check; the secret in the path authenticates.
export function whapiWebhookRoutes(app: App, whapi: WhapiDeps): void {
  app.post(
    '/api/webhooks/whapi/partner/:secret',
    {
      config: { access: 'public', csrf: false },
      bodyLimit: 256 * 1024,
      schema: {
        tags: ['webhooks'],
        params: webhookSecretParams,
        body: z.unknown(),
        response: { 200: okBody, 400: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      await receivePartnerNotice(whapi, request.params.secret, request.body);
      return { ok: true as const };
    },
  );
}
