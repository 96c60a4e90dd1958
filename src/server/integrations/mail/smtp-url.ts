// What an SMTP URL says, read in one place: how to connect, what to show, and who mail comes from.

/** smtps:// is TLS from the first byte (port 465); smtp:// starts plain and upgrades with STARTTLS when offered. */
export interface SmtpConnection {
  host: string;
  port: number;
  secure: boolean;
  auth: { user: string; pass: string } | null;
}

export function smtpConnection(smtpUrl: string): SmtpConnection {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  return {
    // An IPv6 literal comes back from URL in brackets; the socket wants it bare.
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : null,
  };
}

/** The URL without user name and password, for the settings page and the audit log (QUALITY K2). */
export function smtpDisplay(smtpUrl: string): string {
  const { host, port, secure } = smtpConnection(smtpUrl);
  const hostPart = host.includes(':') ? `[${host}]` : host;
  return `${secure ? 'smtps' : 'smtp'}://${hostPart}:${port}`;
}

/** SMTP_URL may name its sender in `?from=`; otherwise mail comes from no-reply at the mail server's host. */
export function fromOfSmtpUrl(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  return url.searchParams.get('from') ?? `OmniPlus WA Tracker <no-reply@${url.hostname}>`;
}

/** The credentials as written in the URL, so that error texts can be scrubbed of them. */
export function smtpSecrets(smtpUrl: string): string[] {
  const url = new URL(smtpUrl);
  return [url.password, decodeURIComponent(url.password)].filter(Boolean);
}
