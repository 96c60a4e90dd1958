import type { HandlerTable } from './api-dispatcher';
import { SimHttpError } from './api-error';
import { newProjectId } from './ids';
import { isOwnedBy, page, requireProject } from './partner-lookups';
import type { SimContext } from './sim-context';
import type { PartnerSettings, ProjectRecord } from './state';

const toProject = (sim: SimContext, project: ProjectRecord) => ({
  id: project.id,
  name: project.name,
  creationTS: project.creationTS,
  ownerId: sim.state.partner.ownerId,
  users: [sim.state.partner.ownerId],
  isDefault: project.isDefault,
});

/** Deleting is refused for the default project and for projects that still hold channels: the spec only says
 *  "400 Wrong request parameters", these are the cases we consider wrong. */
function deleteProject(sim: SimContext, project: ProjectRecord): void {
  if (project.isDefault) throw new SimHttpError(400, 'The default project cannot be deleted');
  if ([...sim.state.channels.values()].some((c) => c.projectId === project.id)) {
    throw new SimHttpError(400, 'The project still has channels; move or delete them first');
  }
  sim.state.projects.delete(project.id);
}

/** The path names the partner; a token belongs to one partner, so another name is 403 Forbidden. */
function requireOwnPartner(sim: SimContext, name: string | undefined): void {
  if (name !== sim.state.partner.name) throw new SimHttpError(403, `Forbidden: this token does not belong to partner "${name}"`);
}

/** PATCH replaces what it names and leaves the rest; webhooks get the spec defaults for `events` and `mode`. */
function updatePartnerSettings(sim: SimContext, update: Partial<PartnerSettings>): void {
  const settings = sim.state.partner.settings;
  if (update.webhooks) {
    settings.webhooks = update.webhooks.map((webhook) => ({
      url: webhook.url,
      events: webhook.events ?? [{ type: 'days', method: 'post' }],
      mode: webhook.mode ?? 'body',
    }));
  }
  if (update.days_limit !== undefined) settings.days_limit = update.days_limit;
  if (update.noChat !== undefined) settings.noChat = update.noChat;
}

export const partnerProjectHandlers: HandlerTable = {
  'GET /projects': (sim, { query }) => {
    const projects = [...sim.state.projects.values()]
      .filter(() => isOwnedBy(sim, query.uid))
      .sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.creationTS - b.creationTS);
    const { items, ...rest } = page(projects, query);
    return { body: { projects: items.map((p) => toProject(sim, p)), ...rest } };
  },
  'PUT /projects': (sim, { body }) => {
    const project: ProjectRecord = { id: newProjectId(), name: (body as { name: string }).name, creationTS: sim.clock.now(), isDefault: false };
    sim.state.projects.set(project.id, project);
    return { body: toProject(sim, project) };
  },
  'GET /projects/{ProjectID}': (sim, { params }) => ({ body: toProject(sim, requireProject(sim, params.ProjectID ?? '')) }),
  'DELETE /projects/{ProjectID}': (sim, { params }) => {
    deleteProject(sim, requireProject(sim, params.ProjectID ?? ''));
    return { body: { success: true } };
  },
  'PATCH /projects/{ProjectID}': (sim, { params, body }) => {
    requireProject(sim, params.ProjectID ?? '').name = (body as { name: string }).name;
    return { body: { success: true } };
  },
  'GET /partners/{PartnerName}/settings': (sim, { params }) => {
    requireOwnPartner(sim, params.PartnerName);
    return { body: sim.state.partner.settings };
  },
  'PATCH /partners/{PartnerName}/settings': (sim, { params, body }) => {
    requireOwnPartner(sim, params.PartnerName);
    updatePartnerSettings(sim, body as Partial<PartnerSettings>);
    return { body: { success: true } };
  },
};
