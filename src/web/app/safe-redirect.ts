/**
 * Only same-site paths are honoured after sign-in, so a crafted link such as `?redirect=//evil.example`
 * cannot bounce a fresh session to another site (open redirect).
 */
export function safeRedirect(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('/')) return undefined;
  if (value.startsWith('//') || value.startsWith('/\\')) return undefined;
  if (value.startsWith('/sign-in') || value.startsWith('/sign-up')) return undefined;
  return value;
}
