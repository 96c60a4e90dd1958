import { createResolvingMailer, type Mailer } from '../../integrations/mail/mailer';
import type { MailRoute } from '../../integrations/mail/smtp-mailer';
import type { EmailSettingsDeps } from './email-settings-deps';
import { readMailRoute } from './mail-route';

// Every send asks where mail goes, but not the database every time: the answer is kept briefly. A change made
// in this process forgets it at once; other processes pick the change up within the TTL.
export const MAIL_ROUTE_TTL_MS = 15_000;

interface RouteCache {
  generation: number;
  entry: { generation: number; at: number; route: Promise<MailRoute | null> } | null;
}

const caches = new WeakMap<object, RouteCache>();

function cacheOf(db: object): RouteCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = { generation: 0, entry: null };
    caches.set(db, cache);
  }
  return cache;
}

function cachedMailRoute(deps: EmailSettingsDeps): Promise<MailRoute | null> {
  const cache = cacheOf(deps.db);
  const { entry } = cache;
  if (entry && entry.generation === cache.generation && Date.now() - entry.at < MAIL_ROUTE_TTL_MS) return entry.route;
  // A read that started before a change must not be kept after it: it carries the generation it started in.
  const fresh = { generation: cache.generation, at: Date.now(), route: readMailRoute(deps) };
  cache.entry = fresh;
  fresh.route.catch(() => {
    if (cache.entry === fresh) cache.entry = null;
  });
  return fresh.route;
}

/** Called after the email settings change, so the next email already goes the new way. */
export function forgetMailRoute(db: object): void {
  const cache = cacheOf(db);
  cache.generation += 1;
  cache.entry = null;
}

/** services.mailer: settings row when present, else SMTP_URL, else log only — decided per send. */
export function createSettingsMailer(deps: EmailSettingsDeps): Mailer {
  return createResolvingMailer(() => cachedMailRoute(deps), deps.log);
}
