// better-auth throws its APIError with a status and a body {code, message}; this reads it without relying on
// the class identity (it comes from a nested package).
export interface AuthApiFailure {
  statusCode: number;
  code: string | undefined;
}

export function readAuthApiError(error: unknown): AuthApiFailure | null {
  if (!(error instanceof Error) || error.name !== 'APIError') return null;
  const { statusCode, body } = error as Error & { statusCode?: number; body?: { code?: string } };
  return typeof statusCode === 'number' ? { statusCode, code: body?.code } : null;
}
