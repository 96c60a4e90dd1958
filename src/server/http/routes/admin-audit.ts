import { auditPage, auditQuery } from '../../../contracts/audit';
import { errorBody } from '../../../contracts/errors';
import { listAudit } from '../../features/audit/list-audit';
import type { App, AppDeps } from '../app-deps';

export function adminAuditRoutes(app: App, { database }: AppDeps): void {
  app.get(
    '/api/admin/audit',
    {
      config: { access: 'admin.audit' },
      schema: {
        tags: ['admin'],
        querystring: auditQuery,
        response: { 200: auditPage, 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    async (request) => listAudit(database.db, request.query),
  );
}
