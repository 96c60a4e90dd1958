import type { WhapiProject } from '../../integrations/whapi/index';
import type { WhapiDeps } from './whapi-deps';
import { withPartnerClient } from './with-partner-client';

export async function listWhapiProjects(deps: WhapiDeps): Promise<WhapiProject[]> {
  return withPartnerClient(deps, (client) => client.listProjects());
}
