import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client';

/** Receives every API error that means "this session is over" (suspended account, lost session). */
export type SessionErrorHandler = (error: ApiError) => void;

const SESSION_ERROR_CODES = new Set(['ACCOUNT_SUSPENDED', 'UNAUTHENTICATED']);

export function createQueryClient(onSessionError: SessionErrorHandler): QueryClient {
  const report = (error: unknown) => {
    if (error instanceof ApiError && SESSION_ERROR_CODES.has(error.code)) onSessionError(error);
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError: report }),
    mutationCache: new MutationCache({ onError: report }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        // A 4xx will answer the same way again; only network trouble and 5xx deserve another try.
        retry: (failures, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
      },
      mutations: { retry: false },
    },
  });
}
