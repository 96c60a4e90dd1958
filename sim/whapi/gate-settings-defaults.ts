import type { GateSettings } from './state';

/** Settings of a fresh channel: no webhooks, the spec's minimum backoff, nothing persisted or proxied. */
export const defaultGateSettings = (): GateSettings => ({
  webhooks: [],
  callback_backoff_delay_ms: 3000,
  max_callback_backoff_delay_ms: 900000,
  callback_persist: false,
  media: { auto_download: [], init_avatars: false },
  proxy: '',
  offline_mode: false,
  full_history: false,
});
