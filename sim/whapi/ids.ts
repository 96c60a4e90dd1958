import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';

// Every generator matches the pattern the official specs give for that ID (NOTES §0 "ID formats").
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
const ALNUM = UPPER + UPPER.toLowerCase() + DIGITS;

const pick = (alphabet: string, length: number): string =>
  Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');

// Real channel IDs start with an English word (MANTIS-PF298, SHAZAM-3HDYQ); six-letter animals read the same way.
const CHANNEL_WORDS = ['MANTIS', 'SHAZAM', 'FALCON', 'BADGER', 'JAGUAR', 'WALRUS', 'TOUCAN', 'COYOTE', 'IMPALA', 'MARLIN',
  'OCELOT', 'PUFFIN', 'RABBIT', 'TURTLE', 'WOMBAT', 'BEAVER', 'CONDOR', 'GIBBON', 'LIZARD', 'MAGPIE'];

/** `^[A-Z]{6}-[A-Z0-9]{5}$`, unique among `isTaken`. */
export function newChannelId(isTaken: (id: string) => boolean): string {
  for (;;) {
    const id = `${CHANNEL_WORDS[randomInt(CHANNEL_WORDS.length)]}-${pick(UPPER + DIGITS, 5)}`;
    if (!isTaken(id)) return id;
  }
}

/** `^[a-zA-Z0-9]{32}$` */
export const newChannelToken = (): string => pick(ALNUM, 32);
/** `^[a-zA-Z0-9]{20}$` */
export const newProjectId = (): string => pick(ALNUM, 20);
/** `^[a-zA-Z0-9]{28}$` (ownerId / uid) */
export const newUserId = (): string => pick(ALNUM, 28);
/** The docs' partner tokens are long JWTs; only length and opacity matter to a client. */
export const newPartnerToken = (): string => randomBytes(48).toString('base64url');

/** Shaped like the docs' `p.w30M7fgwWD4XwHu.g4CA-gBgTwl0rVw`: 22 chars of [A-Za-z0-9._], a dash, 10 more. */
export const newMessageId = (): string => `${pick(ALNUM + '._', 21)}${pick(ALNUM, 1)}-${pick(ALNUM, 10)}`;

/** `^[A-Za-z0-9]+-[0-9A-Fa-f-]+$`: a file kind, a dash, a UUID. */
export const newMediaId = (kind: string): string => `${kind.replace(/[^A-Za-z0-9]/g, '') || 'file'}-${randomUUID()}`;

/** WhatsApp's "link with phone number" codes are 8 characters shown as two groups of four. */
export const newPairingCode = (): string => `${pick(UPPER + DIGITS, 4)}-${pick(UPPER + DIGITS, 4)}`;

export const newQrSeed = (): string => randomBytes(16).toString('hex');

/** WhatsApp Web QR payloads look like `2@<ref>,<noise key>,<identity key>,<adv secret>`; deterministic per seed and
 *  rotation so the same code is served until it expires. */
export function qrPayload(seed: string, rotation: number): string {
  const part = (label: string, bytes: number) =>
    createHash('sha256').update(`${seed}:${rotation}:${label}`).digest().subarray(0, bytes).toString('base64');
  return `2@${part('ref', 36)},${part('noise', 32)},${part('identity', 32)},${part('adv', 32)}`;
}

/** A plausible personal number for a link made without one. */
export const randomPhone = (): string => `1555${pick(DIGITS, 7)}`;
