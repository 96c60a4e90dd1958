import { queryOptions, type QueryFunctionContext } from '@tanstack/react-query';
import { meBody, type Me } from '../../contracts/auth';
import { ApiError, apiRequest } from './api-client';

export const meQueryKey = ['me'] as const;

/**
 * The signed-in person, or null for a visitor. A 401 while we still hold a session means the session
 * ended under us (expired or revoked): that is reported as an error so the app can send the person to
 * sign-in, instead of silently turning into a visitor.
 */
export async function fetchMe({ client, signal }: QueryFunctionContext): Promise<Me | null> {
  try {
    return await apiRequest('/api/me', meBody, { signal });
  } catch (error) {
    const hadSession = Boolean(client.getQueryData<Me | null>(meQueryKey));
    if (error instanceof ApiError && error.status === 401 && !hadSession) return null;
    throw error;
  }
}

export const meQueryOptions = queryOptions({
  queryKey: meQueryKey,
  queryFn: fetchMe,
  staleTime: 30_000,
});
