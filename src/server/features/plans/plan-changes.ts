import type { PlanInput } from '../../../contracts/plans';

export type PlanChanges = Record<string, { from: unknown; to: unknown }>;

/** Limits and page access are compared key by key, so the audit row names e.g. `limits.daily` rather than all four. */
function flatten(input: PlanInput): Record<string, unknown> {
  const { limits, pageAccess, ...rest } = input;
  const flat: Record<string, unknown> = { ...rest };
  for (const [key, value] of Object.entries(limits)) flat[`limits.${key}`] = value;
  for (const [key, value] of Object.entries(pageAccess)) flat[`pageAccess.${key}`] = value;
  return flat;
}

/** What an edit changes, field by field: `{field: {from, to}}`; empty when the edit changes nothing. */
export function planChanges(before: PlanInput, after: PlanInput): PlanChanges {
  const from = flatten(before);
  const to = flatten(after);
  const changes: PlanChanges = {};
  for (const key of Object.keys(to)) {
    if (JSON.stringify(from[key]) !== JSON.stringify(to[key])) changes[key] = { from: from[key] ?? null, to: to[key] };
  }
  return changes;
}
