import { PLAN_STATUSES, type PlanStatus } from '../../../domain/plans';

/** The filter tab lives in the URL, so "Drafts" survives a reload and the back button. */
export interface PlansSearch {
  status?: PlanStatus;
}

export function parsePlansSearch(search: Record<string, unknown>): PlansSearch {
  return { status: PLAN_STATUSES.find((status) => status === search.status) };
}
