import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSecretBox, lastFour, SecretUnreadableError } from './secret-box';

const box = createSecretBox('a-secret-key-for-tests-that-is-long-enough');

describe('secret box (QUALITY K1)', () => {
  it('opens what it sealed, for any text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(box.open(box.seal(text))).toBe(text);
      }),
    );
  });

  it('uses a fresh IV every time and never contains the plaintext', () => {
    const token = 'PartnerTokenThatMustNotLeak1234';
    const first = box.seal(token);
    const second = box.seal(token);
    expect(first).not.toBe(second);
    expect(first).not.toContain(token);
    expect(first.startsWith('v1.')).toBe(true);
  });

  it('fails closed when any byte of the ciphertext, tag or IV is flipped', () => {
    const sealed = box.seal('channel-token-abcdefghijklmnopqrstuv');
    const parts = sealed.split('.');
    for (const index of [1, 2, 3]) {
      const bytes = Buffer.from(parts[index]!, 'base64url');
      bytes[0] = bytes[0]! ^ 0x01;
      const tampered = parts.map((p, i) => (i === index ? bytes.toString('base64url') : p)).join('.');
      expect(() => box.open(tampered)).toThrow(SecretUnreadableError);
    }
  });

  it('refuses values sealed with another key or an unknown version', () => {
    const other = createSecretBox('another-secret-key-for-tests-long-enough');
    expect(() => box.open(other.seal('x'))).toThrow(SecretUnreadableError);
    expect(() => box.open(box.seal('x').replace(/^v1\./, 'v9.'))).toThrow(SecretUnreadableError);
    expect(() => box.open('garbage')).toThrow(SecretUnreadableError);
  });

  it('shows only the last four characters', () => {
    expect(lastFour('abcdefgh')).toBe('efgh');
  });
});
