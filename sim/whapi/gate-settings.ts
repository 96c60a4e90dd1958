import { isDeepStrictEqual } from 'node:util';
import type { ApiRequest, HandlerTable } from './api-dispatcher';
import { requireGateChannel } from './api-dispatcher';
import { SimHttpError } from './api-error';
import { healthBody } from './channel-health';
import { defaultGateSettings } from './gate-settings-defaults';
import type { SimContext } from './sim-context';
import type { GateSettings, GateWebhook } from './state';
import { isLimitedMode, remainingLimits } from './trial-limits';

/** Channel settings (NOTES §B4) and trial limits (§B7). */

const SETTING_KEYS: (keyof GateSettings)[] = [
  'webhooks', 'callback_backoff_delay_ms', 'max_callback_backoff_delay_ms', 'callback_persist', 'media', 'proxy',
  'mobile_proxy', 'offline_mode', 'full_history',
];

/** Rules the schema states only in prose: at most 5 headers per webhook, and a URL we can actually call. */
function requireUsableWebhooks(webhooks: GateWebhook[]): void {
  for (const [i, webhook] of webhooks.entries()) {
    if (Object.keys(webhook.headers ?? {}).length > 5) throw new SimHttpError(400, `body.webhooks.${i}.headers: max 5 headers`);
    let url: URL;
    try {
      url = new URL(webhook.url);
    } catch {
      throw new SimHttpError(400, `body.webhooks.${i}.url must be an http(s) URL`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new SimHttpError(400, `body.webhooks.${i}.url must be an http(s) URL`);
  }
}

/** "If a field is not present in the request, no change is made to that setting." Unknown legacy fields are
 *  accepted by the schema and ignored. */
function patchSettings(settings: GateSettings, update: GateSettings) {
  if (update.webhooks) requireUsableWebhooks(update.webhooks);
  const before = structuredClone(settings);
  const changes: string[] = [];
  for (const key of SETTING_KEYS) {
    if (update[key] === undefined) continue;
    const value = key === 'webhooks'
      ? (update.webhooks ?? []).map((w) => ({ ...w, mode: w.mode ?? 'body' }))
      : structuredClone(update[key]);
    if (!isDeepStrictEqual(settings[key], value)) changes.push(key);
    Object.assign(settings, { [key]: value });
  }
  return { before_update: before, after_update: structuredClone(settings), changes };
}

// Event pairs WHAPI emits (NOTES §7 table); `channel.patch` is the QR refresh.
const EVENTS: Record<string, string[]> = {
  messages: ['post', 'put', 'patch', 'delete'], statuses: ['post', 'put'], chats: ['post', 'put', 'patch', 'delete'],
  contacts: ['post', 'patch'], groups: ['post', 'put', 'patch'], presences: ['post'], calls: ['post'],
  labels: ['post', 'delete'], channel: ['post', 'patch'], users: ['post', 'delete'], service: ['post'],
};

const PAYLOAD_KEYS: Record<string, string> = {
  messages: 'messages', statuses: 'statuses', chats: 'chats', contacts: 'contacts', groups: 'groups',
  presences: 'presences', calls: 'calls', labels: 'labels',
};

function sendTestWebhook(sim: SimContext, request: ApiRequest): void {
  const channel = requireGateChannel(request);
  const test = request.body as GateWebhook & { type: string };
  requireUsableWebhooks([test]);
  const key = PAYLOAD_KEYS[test.type];
  const payload = test.type === 'channel' ? { health: healthBody(channel, sim.clock.now()) } : key ? { [key]: [] } : {};
  sim.webhooks.send(test, test.type, 'post', { ...payload, event: { type: test.type, event: 'post' }, channel_id: channel.id });
}

export const gateSettingsHandlers: HandlerTable = {
  'GET /settings': (_sim, request) => ({ body: requireGateChannel(request).settings }),
  'PATCH /settings': (_sim, request) => ({ body: patchSettings(requireGateChannel(request).settings, request.body as GateSettings) }),
  'DELETE /settings': (_sim, request) => {
    const channel = requireGateChannel(request);
    if (isDeepStrictEqual(channel.settings, defaultGateSettings())) throw new SimHttpError(409, 'Settings already reset');
    channel.settings = defaultGateSettings();
    return { body: { success: true } };
  },
  'GET /settings/events': () => ({
    body: Object.entries(EVENTS).flatMap(([type, methods]) => methods.map((method) => ({ type, method }))),
  }),
  'POST /settings/webhook_test': (sim, request) => {
    sendTestWebhook(sim, request);
    return { body: { success: true } };
  },
  'GET /limits': (sim, request) => {
    const channel = requireGateChannel(request);
    // 204 "No limits" for live channels.
    if (!isLimitedMode(channel)) return { status: 204 };
    return { body: remainingLimits(channel, sim.clock.now()) };
  },
};
