import { purgeExpiredSessions } from './purge-expired-sessions';

/** Every job the platform runs. Adding one here is all it takes to create its queue, schedule and worker. */
export const JOBS = [purgeExpiredSessions] as const;

export type JobName = (typeof JOBS)[number]['name'];
