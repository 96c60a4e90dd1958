import { describe, expect, it } from 'vitest';
import { describeFetchFailure, redact } from './safe-text';

const TOKEN = 'Q7fK2mZp9LrT4vWx8YbN3cHd6JsA1eGu';

describe('redact', () => {
  it('hides known secrets and anything after "Bearer"', () => {
    expect(redact(`x ${TOKEN} y`, [TOKEN])).toBe('x …1eGu y');
    expect(redact('Authorization: Bearer abc.def', [])).toBe('Authorization: Bearer [redacted]');
  });

  it('hides a secret whole even when another secret is its prefix', () => {
    expect(redact(`x ${TOKEN}-rotated y`, [TOKEN, `${TOKEN}-rotated`])).toBe('x …ated y');
  });

  it('leaves short values alone: they are not secrets and would blank ordinary words', () => {
    expect(redact('plan P-1 is active', ['P-1'])).toBe('plan P-1 is active');
  });
});

describe('describeFetchFailure', () => {
  it('keeps the names, messages and code of a fetch failure and nothing else', () => {
    const inner = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED', request: { headers: { authorization: 'x' } } });
    const failure = new TypeError('fetch failed', { cause: inner });
    expect(describeFetchFailure(failure)).toBe('TypeError: fetch failed: connect ECONNREFUSED 127.0.0.1:9: ECONNREFUSED');
    expect(describeFetchFailure('plain')).toBe('plain');
  });
});
