import type { JobRunner } from '../../jobs/job-runner';
import type { Services } from '../../services';
import type { WhapiDeps } from '../whapi/whapi-deps';

/** What channel use-cases need: the WHAPI door (database, secret box, addresses), the job runner and a logger. */
export interface ChannelDeps extends WhapiDeps {
  jobs: JobRunner | null;
  log: Services['log'];
}

/**
 * Built at call time, not at start-up: `services.jobs` is filled in once the runner has started, and tests may
 * swap the logger to read what was logged.
 */
export function channelDeps(services: Services): ChannelDeps {
  return { ...services.whapi, log: services.log, jobs: services.jobs };
}
