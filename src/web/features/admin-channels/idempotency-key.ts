/**
 * One key per click on extend and delete (QUALITY L3): a retried or doubled request gets the first answer instead
 * of acting twice. `crypto.randomUUID` exists only in secure contexts (https, localhost); a demo opened over plain
 * http on a LAN address still gets a random key from `getRandomValues`.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
