import { afterEach, describe, expect, it, vi } from 'vitest';
import { idempotencyHeaders } from '../../../contracts/channels';
import { newIdempotencyKey } from './idempotency-key';

describe('idempotency keys for extend and delete', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is new for every click and accepted by the API header schema', () => {
    const keys = new Set(Array.from({ length: 100 }, newIdempotencyKey));
    expect(keys.size).toBe(100);
    for (const key of keys) expect(idempotencyHeaders.safeParse({ 'idempotency-key': key }).success).toBe(true);
  });

  it('still makes a random key where randomUUID is missing (plain http outside localhost)', () => {
    const { getRandomValues } = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: getRandomValues.bind(globalThis.crypto) });
    const key = newIdempotencyKey();
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(newIdempotencyKey()).not.toBe(key);
    expect(idempotencyHeaders.safeParse({ 'idempotency-key': key }).success).toBe(true);
  });
});
