// Text that comes back from outside services, or from a failed fetch, made safe to log and to show (QUALITY K2).

/** A secret never appears in our text; only its last 4 characters may. Anything after "Bearer" is hidden too. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text.replace(/(bearer\s+)[^\s"',;]+/gi, '$1[redacted]');
  // Longest first, so a secret that contains another is hidden whole rather than leaving its tail behind.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret.length >= 8) out = out.replaceAll(secret, `…${secret.slice(-4)}`);
  }
  return out;
}

/** Keep only the error name/code/message of a fetch failure: undici's cause can carry request details. */
export function describeFetchFailure(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = cause.cause instanceof Error ? cause.cause : null;
  const code = inner && 'code' in inner ? String((inner as { code: unknown }).code) : '';
  return [cause.name, cause.message, inner?.message, code].filter(Boolean).join(': ');
}
