import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { WhapiError } from './errors';
import { createWhapiHttp, type WhapiHttp, type WhapiReply } from './http';
import { wireChannel, wireChannelPage, wirePartnerSettings, wireProjectPage, wireSuccess } from './schemas';
import type { WhapiChannel, WhapiClientOptions, WhapiPartnerSettings, WhapiProject } from './types';

// Partner ("Manager") API, https://manager.whapi.cloud, Bearer = partner token. NOTES.md §A; docs/whapi.md.

export interface WhapiPartnerClient {
  listProjects(): Promise<WhapiProject[]>;
  createChannel(input: { name: string; projectId: string; phone?: string }): Promise<WhapiChannel>;
  getChannel(id: string): Promise<WhapiChannel>;
  listChannels(projectId?: string): Promise<WhapiChannel[]>;
  /** 2xx or 404 → success; a 404 (already gone) is reported through `status`. */
  deleteChannel(id: string): Promise<{ status: number; bodyHash: string }>;
  extendChannel(id: string, input: { days: number; comment: string }): Promise<void>;
  changeMode(id: string, mode: 'trial' | 'dev' | 'live'): Promise<void>;
  getPartnerSettings(partnerName: string): Promise<WhapiPartnerSettings>;
  updatePartnerSettings(partnerName: string, input: Partial<WhapiPartnerSettings>): Promise<void>;
}

const PAGE_SIZE = 500; // spec maximum for `count`
const MAX_PAGES = 50;

const seg = (value: string) => encodeURIComponent(value);

export function createWhapiPartnerClient(options: WhapiClientOptions): WhapiPartnerClient {
  const http = createWhapiHttp(options, 'partner');

  return {
    async listProjects() {
      return listAll(http, '/projects', 'GET /projects', wireProjectPage, (p) => p.projects);
    },

    async createChannel(input) {
      const operation = 'PUT /channels';
      // Never retried: a lost answer could mean a channel was created (and days spent); the caller reconciles.
      const reply = await http.send({
        method: 'PUT',
        path: '/channels',
        operation,
        idempotent: false,
        what: 'the project',
        body: { name: input.name, projectId: input.projectId, ...(input.phone ? { phone: input.phone } : {}) },
      });
      return http.parse(wireChannel, reply, operation);
    },

    async getChannel(id) {
      const operation = 'GET /channels/{id}';
      const reply = await http.send({ method: 'GET', path: `/channels/${seg(id)}`, operation, idempotent: true, what: 'the channel' });
      return http.parse(wireChannel, reply, operation);
    },

    async listChannels(projectId) {
      const path = projectId ? `/channels/list/${seg(projectId)}` : '/channels/list';
      const operation = projectId ? 'GET /channels/list/{projectId}' : 'GET /channels/list';
      return listAll(http, path, operation, wireChannelPage, (p) => p.channels, 'the project');
    },

    async deleteChannel(id) {
      const operation = 'DELETE /channels/{id}';
      // Retried: deleting twice cannot refund twice, and a retry that finds the channel gone answers 404,
      // which we report as success through `status`.
      const reply = await http.send({
        method: 'DELETE',
        path: `/channels/${seg(id)}`,
        operation,
        idempotent: true,
        what: 'the channel',
        acceptStatuses: [404],
      });
      if (reply.status !== 404) requireSuccess(http, reply, operation);
      return { status: reply.status, bodyHash: createHash('sha256').update(reply.text).digest('hex') };
    },

    async extendChannel(id, input) {
      const operation = 'POST /channels/{id}/extend';
      // Never retried: extend has no idempotency key (QUALITY notes); put our operation id in `comment`.
      const reply = await http.send({
        method: 'POST',
        path: `/channels/${seg(id)}/extend`,
        operation,
        idempotent: false,
        what: 'the channel',
        body: { days: input.days, comment: input.comment },
      });
      requireSuccess(http, reply, operation);
    },

    async changeMode(id, mode) {
      const operation = 'PATCH /channels/{id}/mode';
      // Not retried: a mode change restarts the channel (NOTES A8); the caller decides whether to try again.
      const reply = await http.send({
        method: 'PATCH',
        path: `/channels/${seg(id)}/mode`,
        operation,
        idempotent: false,
        what: 'the channel',
        body: { mode },
      });
      requireSuccess(http, reply, operation);
    },

    async getPartnerSettings(partnerName) {
      const operation = 'GET /partners/{name}/settings';
      const reply = await http.send({ method: 'GET', path: `/partners/${seg(partnerName)}/settings`, operation, idempotent: true, what: 'the partner' });
      return http.parse(wirePartnerSettings, reply, operation);
    },

    async updatePartnerSettings(partnerName, input) {
      const operation = 'PATCH /partners/{name}/settings';
      const body: Record<string, unknown> = {};
      if (input.webhooks) body.webhooks = input.webhooks.map((w) => ({ url: w.url, events: w.events, mode: w.mode }));
      if (input.daysLimit !== undefined && input.daysLimit !== null) body.days_limit = input.daysLimit;
      if (input.noChat !== undefined && input.noChat !== null) body.noChat = input.noChat;
      // Retried: the same PATCH twice leaves the same settings.
      const reply = await http.send({
        method: 'PATCH',
        path: `/partners/${seg(partnerName)}/settings`,
        operation,
        idempotent: true,
        what: 'the partner',
        body,
      });
      requireSuccess(http, reply, operation);
    },
  };
}

/** `{success: false}` in a 2xx answer is a refusal, not a success (spec ResponseSuccess). */
function requireSuccess(http: WhapiHttp, reply: WhapiReply, operation: string): void {
  if (reply.json === null) return; // an empty 2xx body: nothing says it failed
  const body = http.parse(wireSuccess, reply, operation);
  if (body.success === false) {
    throw new WhapiError('WHAPI did not confirm the change (success: false).', {
      kind: 'rejected',
      operation,
      upstreamStatus: reply.status,
    });
  }
}

/** Pages through `count`/`offset` (spec max 500 per page) until `total` is reached or a page comes back short. */
async function listAll<P extends z.ZodType, T extends { id: string }>(
  http: WhapiHttp,
  path: string,
  operation: string,
  schema: P,
  items: (page: z.output<P>) => T[],
  what?: string,
): Promise<T[]> {
  const all: T[] = [];
  const seen = new Set<string>();
  for (let pageNo = 0; pageNo < MAX_PAGES; pageNo++) {
    const reply = await http.send({
      method: 'GET',
      path,
      operation,
      idempotent: true,
      ...(what ? { what } : {}),
      query: { count: PAGE_SIZE, offset: all.length },
    });
    const page = http.parse(schema, reply, operation);
    const got = items(page);
    const fresh = got.filter((item) => !seen.has(item.id));
    for (const item of fresh) seen.add(item.id);
    all.push(...fresh);
    const total = (page as { total?: number | null }).total;
    // A server that ignores `offset` would repeat the first page forever: stop when nothing new arrives.
    if (got.length < PAGE_SIZE || fresh.length === 0 || (typeof total === 'number' && all.length >= total)) break;
  }
  return all;
}
