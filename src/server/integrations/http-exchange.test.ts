import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseJsonText, parseReplyJson, settleOutcome } from './http-exchange';

describe('http exchange helpers', () => {
  it('reads an empty body as null and a body that is not JSON as undefined', () => {
    expect(parseJsonText('  ')).toBeNull();
    expect(parseJsonText('<html>')).toBeUndefined();
    expect(parseJsonText('{"a":1}')).toEqual({ a: 1 });
  });

  it('sums up a shape mismatch by path and expectation, never by value', () => {
    const schema = z.object({ id: z.string(), days: z.number() });
    expect(parseReplyJson(schema, { id: 'x', days: 3 }, () => new Error('unused'))).toEqual({ id: 'x', days: 3 });
    let problem = '';
    expect(() =>
      parseReplyJson(schema, { id: 12345, days: 'secret-token-value' }, (p) => {
        problem = p;
        return new Error('bad reply');
      }),
    ).toThrow('bad reply');
    expect(problem).toMatch(/^id: .+; days: .+$/);
    expect(problem).not.toContain('secret-token-value');
  });

  it('throws an answer that came through the breaker as an error only once settled', async () => {
    await expect(settleOutcome(Promise.resolve({ ok: true as const, reply: 7 }))).resolves.toBe(7);
    const error = new Error('404');
    await expect(settleOutcome(Promise.resolve({ ok: false as const, error }))).rejects.toBe(error);
  });
});
