import { newProjectId, newUserId } from './ids';

/** Everything the simulator remembers, in memory. Shapes follow the official schemas; comments mark our choices. */
export type ChannelMode = 'trial' | 'dev' | 'dev_archive' | 'live';
export type HealthText = 'NOT_INIT' | 'INIT' | 'LAUNCH' | 'QR' | 'AUTH' | 'ERROR' | 'SYNC_ERROR' | 'STOP';
export type MessageStatus = 'failed' | 'pending' | 'sent' | 'delivered' | 'read' | 'played' | 'deleted';
export type WebhookMode = 'body' | 'path' | 'method';

export interface GateWebhook {
  url: string;
  events?: { type?: string; method?: string }[];
  mode?: WebhookMode;
  headers?: Record<string, string>;
  [extra: string]: unknown;
}
export interface GateSettings {
  webhooks?: GateWebhook[];
  callback_backoff_delay_ms?: number;
  max_callback_backoff_delay_ms?: number;
  callback_persist?: boolean;
  media?: { auto_download?: string[]; init_avatars?: boolean };
  proxy?: string;
  mobile_proxy?: string;
  offline_mode?: boolean;
  full_history?: boolean;
}
export interface PartnerWebhook {
  url: string;
  events?: { type?: string; method?: string }[];
  mode?: WebhookMode;
}
export interface PartnerSettings {
  webhooks: PartnerWebhook[];
  days_limit: number;
  noChat: boolean;
}
export interface LinkedUser {
  id: string;
  name: string;
}
export interface BillingEntry {
  at: number;
  days: number;
  comment: string;
  amount?: number;
  currency?: string;
}
export interface TrialUsage {
  day: string;
  messagesToday: number;
  month: string;
  chatsThisMonth: string[];
  requestsThisMonth: number;
}

export interface ChannelRecord {
  id: string;
  token: string;
  name: string;
  projectId: string;
  phone?: string;
  recurrentPaymentId?: string;
  prevRecurrentPaymentId?: string;
  server: number;
  creationTS: number;
  activeTill: number;
  /** end of the free trial (ms); days before it are never refunded */
  trial: number | null;
  mode: ChannelMode;
  stopped: boolean;
  billing: BillingEntry[];
  /** when the gate instance was (re)started; null until something wakes it */
  launchedAt: number | null;
  /** when the current QR session began (login, logout); QR codes rotate from here */
  qrSince: number | null;
  qrSeed: string;
  /** last health text sent as a channel.post webhook */
  reportedHealth: HealthText;
  user: LinkedUser | null;
  pairingPhone?: string;
  settings: GateSettings;
  usage: TrialUsage;
}

export interface StatusRecord {
  status: MessageStatus;
  at: number;
}
export interface MessageRecord {
  channelId: string;
  /** `timestamp` in Gate seconds; history lists sort and filter on it */
  message: Record<string, unknown> & { id: string; chat_id: string; from_me: boolean; timestamp: number; status?: MessageStatus };
  statuses: StatusRecord[];
}

export interface ProjectRecord {
  id: string;
  name: string;
  creationTS: number;
  isDefault: boolean;
}

export interface SimState {
  partner: {
    name: string;
    token: string;
    ownerId: string;
    balanceDays: number;
    settings: PartnerSettings;
    /** §A1: 20 creations per 30-minute window, counted from the window's first creation */
    creationWindow: { startedAt: number; count: number } | null;
  };
  projects: Map<string, ProjectRecord>;
  channels: Map<string, ChannelRecord>;
  messages: Map<string, MessageRecord>;
}

export interface PartnerIdentity {
  name: string;
  token: string;
  initialDays: number;
}

export const DEFAULT_DAYS_LIMIT = 7; // PartnerWebhook.events: "days" - remaining days count lower than 7

export function createState(identity: PartnerIdentity, now: number): SimState {
  const ownerId = newUserId();
  const defaultProject: ProjectRecord = { id: newProjectId(), name: 'Default project', creationTS: now, isDefault: true };
  return {
    partner: {
      name: identity.name,
      token: identity.token,
      ownerId,
      balanceDays: identity.initialDays,
      settings: { webhooks: [], days_limit: DEFAULT_DAYS_LIMIT, noChat: false },
      creationWindow: null,
    },
    projects: new Map([[defaultProject.id, defaultProject]]),
    channels: new Map(),
    messages: new Map(),
  };
}

export function findChannelByToken(state: SimState, token: string): ChannelRecord | undefined {
  for (const channel of state.channels.values()) if (channel.token === token) return channel;
  return undefined;
}
