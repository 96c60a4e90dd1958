import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { useEffect } from 'react';
import type { RealtimeEvent } from '../../contracts/auth';
import type { ChannelUpdatedEvent } from '../../contracts/channels';
import { endSession, type SessionEndReason } from './end-session';
import { leadsQueryKey } from '../features/admin-leads/list-leads';
import { announceChannelConnected } from '../features/channels/channel-connected-notice';
import { ADMIN_CHANNELS_QUERY_KEY, channelsQueryKey } from '../features/channels/channel-query-keys';
import { bulkOptionsQueryKey, messagingQueryKey, sendOptionsQueryKey } from '../features/messaging/messaging-query-keys';
import { notificationsQueryKey } from '../features/notifications/list-notifications';
import { meQueryOptions } from './me-query';

const RECONNECT_DELAY_MS = 5_000;

const ENDING_EVENTS = {
  'account.suspended': 'suspended',
  'session.revoked': 'session-ended',
} as const satisfies Partial<Record<RealtimeEvent, SessionEndReason>>;

/**
 * Listens to the person's event stream (GET /api/events) while they are in the app, so a ban or a revoked
 * session closes this tab at once (QUALITY P7: within a second) instead of on the next click.
 */
export function useRealtimeEvents(): void {
  const router = useRouter();
  const queryClient = useQueryClient();

  useEffect(() => {
    let source: EventSource | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;

    const stop = () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
    };

    const connect = () => {
      source = new EventSource('/api/events');
      for (const [event, reason] of Object.entries(ENDING_EVENTS)) {
        source.addEventListener(event, () => {
          stop();
          endSession(router, queryClient, reason);
        });
      }
      // Plan or override changes alter the pages a person may open; the server announces them so the menu
      // follows without a reload. (Sent by the server; not yet listed in REALTIME_EVENTS.)
      // Limits come with them, so the messaging usage meters are read again too.
      source.addEventListener('access.changed', () => {
        void queryClient.invalidateQueries({ queryKey: meQueryOptions.queryKey });
        void queryClient.invalidateQueries({ queryKey: messagingQueryKey });
      });
      // A new notification (for an admin: usually a new lead): refresh the bell, and the Leads list if it is open.
      source.addEventListener('notification.created', () => {
        void queryClient.invalidateQueries({ queryKey: notificationsQueryKey });
        void queryClient.invalidateQueries({ queryKey: leadsQueryKey });
      });
      // A channel changed (linked, disconnected, days allocated, expired): refresh the channel screens, and say
      // so at once when the phone was just linked (DOMAIN.md "Channels": within a second, without a reload).
      source.addEventListener('channel.updated', (event: MessageEvent<string>) => {
        void queryClient.invalidateQueries({ queryKey: channelsQueryKey });
        void queryClient.invalidateQueries({ queryKey: ADMIN_CHANNELS_QUERY_KEY });
        // The Send and Bulk channel pickers say which channels can send.
        void queryClient.invalidateQueries({ queryKey: sendOptionsQueryKey });
        void queryClient.invalidateQueries({ queryKey: bulkOptionsQueryKey });
        const update = parseJson(event.data) as Partial<ChannelUpdatedEvent> | undefined;
        if (update?.channelId && update.authStatus === 'authorized' && update.message) announceChannelConnected(update.channelId, update.message);
      });
      source.onerror = () => {
        // While CONNECTING the browser retries by itself (network blip, server restart). CLOSED means the
        // server answered with an error status, usually because the session is gone: ask /api/me which.
        if (stopped || source?.readyState !== EventSource.CLOSED) return;
        queryClient.fetchQuery({ ...meQueryOptions, staleTime: 0 }).then(
          (me) => {
            if (stopped) return;
            if (me) retry = setTimeout(connect, RECONNECT_DELAY_MS);
            else stop();
          },
          // A suspended or lost session is handled by the query cache; anything else: try again later.
          () => {
            if (!stopped) retry = setTimeout(connect, RECONNECT_DELAY_MS);
          },
        );
      };
    };

    connect();
    return stop;
  }, [router, queryClient]);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
