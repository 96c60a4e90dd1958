import { describe, expect, it } from 'vitest';
import { createFaultStore, type FaultMatch } from './fault-store';

interface Rule extends FaultMatch {
  status?: number;
}

describe('fault store', () => {
  it('hits a rule only for its method and path pattern', () => {
    const faults = createFaultStore<Rule>();
    faults.add({ method: 'post', path: '/channels/:id/extend', status: 503 });
    expect(faults.take('GET', '/channels/A-1/extend')).toBeUndefined();
    expect(faults.take('POST', '/channels/A-1')).toBeUndefined();
    expect(faults.take('POST', '/channels/A-1/extend')?.status).toBe(503);
  });

  it('drops a rule once its `times` are used up, and keeps one without `times` until cleared', () => {
    const faults = createFaultStore<Rule>();
    faults.add({ path: '/v1/billing/plans/*', status: 500, times: 2 });
    faults.add({ path: '/health', status: 429 });
    expect(faults.take('GET', '/v1/billing/plans/P-1')?.remaining).toBe(1);
    expect(faults.take('GET', '/v1/billing/plans/P-1')?.remaining).toBe(0);
    expect(faults.take('GET', '/v1/billing/plans/P-1')).toBeUndefined();
    for (let i = 0; i < 3; i++) expect(faults.take('GET', '/health')?.status).toBe(429);
    faults.clear();
    expect(faults.take('GET', '/health')).toBeUndefined();
  });

  it('lists copies with ids, so a caller cannot change the active rules', () => {
    const faults = createFaultStore<Rule>();
    const added = faults.add({ path: '/x', status: 500, times: 1 });
    const [listed] = faults.list();
    expect(listed).toEqual({ path: '/x', status: 500, times: 1, id: added.id, remaining: 1 });
    listed!.remaining = 99;
    expect(faults.list()[0]?.remaining).toBe(1);
  });
});
