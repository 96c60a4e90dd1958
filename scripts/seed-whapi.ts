import type { Config } from '../src/server/config';
import type { Database } from '../src/server/db/connect';
import { registerPartnerWebhook } from '../src/server/features/whapi/register-partner-webhook';
import { listWhapiProjects } from '../src/server/features/whapi/list-whapi-projects';
import { updateWhapiSettings } from '../src/server/features/whapi/update-whapi-settings';
import type { WhapiDeps } from '../src/server/features/whapi/whapi-deps';
import { createSecretBox } from '../src/server/secrets/secret-box';

/**
 * Configures the WHAPI integration the way an admin would on the settings page: token, default project,
 * partner name, and the partner days webhook. Used by the demo against the simulator.
 */
export async function seedWhapi(
  database: Database,
  config: Config,
  partner: { token: string; name: string; daysLimit: number },
): Promise<void> {
  const deps: WhapiDeps = {
    db: database.db,
    box: createSecretBox(config.secretKey),
    appUrl: config.appUrl,
    partnerUrl: config.whapiPartnerUrl,
    gateUrl: config.whapiGateUrl,
    log: console,
  };
  const system = { userId: null, ip: null };
  await updateWhapiSettings(deps, system, { partnerToken: partner.token, partnerName: partner.name });
  const projects = await listWhapiProjects(deps);
  const project = projects.find((p) => p.isDefault) ?? projects[0];
  if (project) await updateWhapiSettings(deps, system, { projectId: project.id });
  await registerPartnerWebhook(deps, system, partner.daysLimit);
}
