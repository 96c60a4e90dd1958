import type { WhapiDeps } from './whapi-deps';
import { withPartnerClient } from './with-partner-client';

/** "Test connection": one live call with the saved token (spec 000 §2). */
export async function testWhapiConnection(deps: WhapiDeps) {
  const projects = await withPartnerClient(deps, (client) => client.listProjects(), { evenIfInvalid: true });
  return { ok: true as const, projectCount: projects.length, checkedAt: new Date().toISOString() };
}
