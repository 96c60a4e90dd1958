import { generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { crc32 } from 'node:zlib';

/** PayPal's webhook signature (NOTES §5.5): RSA-SHA256 over `<transmission_id>|<transmission_time>|<webhook_id>|<crc32>`,
 *  where crc32 is the CRC-32 of the raw body bytes written as an unsigned decimal. The key pair is made at start;
 *  PAYPAL-CERT-URL serves its public half. */
export const AUTH_ALGO = 'SHA256withRSA';

export interface SignedFields {
  transmissionId: string;
  transmissionTime: string;
  webhookId: string;
  rawBody: string;
}

export interface WebhookSigner {
  sign(fields: SignedFields): string;
  verify(fields: SignedFields, signature: string): boolean;
  /** a signature that looks like PayPal's but was made with a throwaway key: verification must fail */
  forge(fields: SignedFields): string;
  publicKeyPem: string;
}

export const signedString = ({ transmissionId, transmissionTime, webhookId, rawBody }: SignedFields): string =>
  `${transmissionId}|${transmissionTime}|${webhookId}|${crc32(Buffer.from(rawBody, 'utf8')) >>> 0}`;

const newKeyPair = () => generateKeyPairSync('rsa', { modulusLength: 2048 });
const signWith = (key: KeyObject, fields: SignedFields) => sign('sha256', Buffer.from(signedString(fields)), key).toString('base64');

export function createWebhookSigner(): WebhookSigner {
  const { privateKey, publicKey } = newKeyPair();
  let forger: KeyObject | undefined;
  return {
    sign: (fields) => signWith(privateKey, fields),
    verify(fields, signature) {
      try {
        return verify('sha256', Buffer.from(signedString(fields)), publicKey, Buffer.from(signature, 'base64'));
      } catch {
        return false;
      }
    },
    forge(fields) {
      forger ??= newKeyPair().privateKey;
      return signWith(forger, fields);
    },
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}
