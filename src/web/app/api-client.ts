import type { ZodType, output } from 'zod';
import { errorBody } from '../../contracts/errors';

/** A failed API call, carrying the server's `{error: {code, message, fields}}` so forms can show it as is. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

type QueryValue = string | number | undefined;

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, QueryValue>;
  /** A multipart upload instead of a JSON body; the browser sets its Content-Type with the boundary. */
  form?: FormData;
  signal?: AbortSignal;
  /** Extra request headers, e.g. `Idempotency-Key` on extend and delete (QUALITY L3). */
  headers?: Record<string, string>;
}

const NETWORK_MESSAGE = "We couldn't reach the server. Check your connection and try again.";
const UNEXPECTED_MESSAGE = 'Something went wrong on our side. Please try again in a moment.';

/**
 * The one way the SPA talks to the API: same-origin JSON, and every answer checked against the contract
 * schema so a drift between server and SPA shows up as a clear error instead of a blank screen.
 */
export async function apiRequest<S extends ZodType>(
  path: string,
  schema: S,
  { method = 'GET', body, query, form, signal, headers }: RequestOptions = {},
): Promise<output<S>> {
  // State-changing requests always carry a JSON body (`{}` when there is nothing to say): the API parses
  // every POST/PATCH/PUT/DELETE as JSON and rejects an empty one.
  const json = form ? undefined : (body ?? (method === 'GET' ? undefined : {}));
  let response: Response;
  try {
    response = await fetch(withQuery(path, query), {
      method,
      credentials: 'same-origin',
      headers: {
        ...headers,
        Accept: 'application/json',
        ...(json === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: form ?? (json === undefined ? undefined : JSON.stringify(json)),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'NETWORK_ERROR', NETWORK_MESSAGE);
  }

  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const parsed = errorBody.safeParse(payload);
    if (parsed.success) {
      const { code, message, fields } = parsed.data.error;
      throw new ApiError(response.status, code, message, fields);
    }
    throw new ApiError(response.status, `HTTP_${response.status}`, UNEXPECTED_MESSAGE);
  }

  const parsed = schema.safeParse(payload);
  if (!parsed.success) throw new ApiError(response.status, 'BAD_RESPONSE', UNEXPECTED_MESSAGE);
  return parsed.data;
}

function withQuery(path: string, query: Record<string, QueryValue> | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
