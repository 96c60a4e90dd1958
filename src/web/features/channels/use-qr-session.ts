import { useCallback, useEffect, useRef, useState } from 'react';
import { QR_FALLBACK_SECONDS, QR_MAX_ROTATIONS } from '../../../contracts/channels';
import { isApiError } from '../../app/api-client';
import type { ChannelLinkScope } from './channel-link-scope';
import { requestQr } from './request-qr';

export type QrView =
  | { kind: 'loading'; rotation: number }
  | { kind: 'qr'; image: string | null; rotation: number; maxRotations: number; expiresAt: number; lifetimeSeconds: number }
  /** Every rotation used up without a scan: wait until the person asks again (issue 6: stop after 5 codes). */
  | { kind: 'stopped'; maxRotations: number }
  | { kind: 'already_linked'; message: string }
  | { kind: 'error'; message: string; rotation: number };

const TICK_MS = 1_000;
const FIRST: QrView = { kind: 'loading', rotation: 1 };

/**
 * The life of one QR dialog: the first code on open, a countdown from WHAPI's `expire` (60 s when it says
 * nothing), a new code when it runs out or on "Refresh QR", and a stop after QR_MAX_ROTATIONS codes.
 */
export function useQrSession(scope: ChannelLinkScope, channelId: string, active: boolean) {
  const [view, setViewState] = useState<QrView>(FIRST);
  const [now, setNow] = useState(() => Date.now());
  const current = useRef<QrView>(FIRST);
  const request = useRef<AbortController | null>(null);

  const setView = useCallback((next: QrView) => {
    current.current = next;
    setViewState(next);
  }, []);

  const load = useCallback(
    (rotation: number) => {
      request.current?.abort();
      const controller = new AbortController();
      request.current = controller;
      setView({ kind: 'loading', rotation });
      requestQr(scope, channelId, rotation, controller.signal).then(
        (reply) => {
          if (controller.signal.aborted) return;
          if (reply.state === 'already_linked') return setView({ kind: 'already_linked', message: reply.message });
          const lifetime = reply.expiresInSeconds > 0 ? reply.expiresInSeconds : QR_FALLBACK_SECONDS;
          const at = Date.now();
          setNow(at);
          setView({
            kind: 'qr',
            image: reply.qrDataUrl,
            rotation: reply.rotation,
            maxRotations: reply.maxRotations > 0 ? reply.maxRotations : QR_MAX_ROTATIONS,
            expiresAt: at + lifetime * 1000,
            lifetimeSeconds: lifetime,
          });
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          const message = isApiError(error) ? error.message : 'Something went wrong. Please try again.';
          setView({ kind: 'error', message, rotation });
        },
      );
    },
    [scope, channelId, setView],
  );

  /** The next code, or the stop once the last one has been shown. */
  const next = useCallback(() => {
    const shown = current.current;
    if (shown.kind !== 'qr') return;
    if (shown.rotation >= shown.maxRotations) setView({ kind: 'stopped', maxRotations: shown.maxRotations });
    else load(shown.rotation + 1);
  }, [load, setView]);

  // Open → the first code; closed → forget the series, so reopening starts afresh.
  useEffect(() => {
    if (!active) return;
    load(1);
    return () => {
      request.current?.abort();
      setView(FIRST);
    };
  }, [active, load, setView]);

  // The countdown, and the automatic refresh when it reaches zero.
  const expiresAt = view.kind === 'qr' ? view.expiresAt : null;
  useEffect(() => {
    if (expiresAt === null) return;
    const timer = setInterval(() => {
      const at = Date.now();
      setNow(at);
      if (at >= expiresAt) {
        clearInterval(timer);
        next();
      }
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [expiresAt, next]);

  const secondsLeft = view.kind === 'qr' ? Math.max(0, Math.ceil((view.expiresAt - now) / 1000)) : 0;
  /** Retry after an error asks for the same code again; after the stop, a fresh series. */
  const retry = () => load(view.kind === 'error' ? view.rotation : 1);
  return { view, secondsLeft, refresh: next, retry };
}
