import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

// QUALITY K1: secrets at rest are AES-256-GCM with a random 96-bit IV and a key version, so SECRET_KEY can be
// rotated later by adding a version. A flipped byte fails authentication and we refuse to use the value.
const CURRENT_VERSION = 'v1';

export class SecretUnreadableError extends Error {
  constructor() {
    super('A stored secret could not be decrypted (wrong SECRET_KEY or damaged value).');
    this.name = 'SecretUnreadableError';
  }
}

export interface SecretBox {
  seal(plaintext: string): string;
  open(sealed: string): string;
}

export function createSecretBox(secretKey: string): SecretBox {
  const keys = new Map<string, Buffer>([[CURRENT_VERSION, deriveKey(secretKey, CURRENT_VERSION)]]);
  return {
    seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keys.get(CURRENT_VERSION)!, iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [CURRENT_VERSION, iv.toString('base64url'), tag.toString('base64url'), body.toString('base64url')].join('.');
    },
    open(sealed) {
      const parts = sealed.split('.');
      const [version, iv, tag, body] = parts;
      const key = version ? keys.get(version) : undefined;
      if (parts.length !== 4 || !key || !iv || !tag || body === undefined) throw new SecretUnreadableError();
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretUnreadableError();
      }
    },
  };
}

/** The last four characters, the only part of a secret ever shown (QUALITY K2). */
export function lastFour(secret: string): string {
  return secret.slice(-4);
}

function deriveKey(secretKey: string, version: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secretKey, 'omniplus-wa-tracker', `stored-secrets-${version}`, 32));
}
