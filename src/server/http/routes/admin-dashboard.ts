import { adminDashboardBody } from '../../../contracts/admin-dashboard';
import { errorBody } from '../../../contracts/errors';
import { summarizeAdminDashboard } from '../../features/admin-dashboard/summarize-admin-dashboard';
import type { App, AppDeps } from '../app-deps';

export function adminDashboardRoutes(app: App, { database }: AppDeps): void {
  app.get(
    '/api/admin/dashboard',
    {
      config: { access: 'admin.dashboard' },
      schema: { tags: ['admin'], response: { 200: adminDashboardBody, 401: errorBody, 403: errorBody } },
    },
    async () => summarizeAdminDashboard(database.db),
  );
}
