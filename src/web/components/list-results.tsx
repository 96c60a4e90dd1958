import type { ReactNode } from 'react';
import { LoadError } from './load-error';

/** The parts of a TanStack Query result a list screen reads. */
export interface ListQuery<T> {
  data: T | undefined;
  isError: boolean;
  error: Error | null;
  isFetching: boolean;
  refetch: () => unknown;
}

interface ListResultsProps<T> {
  query: ListQuery<T>;
  /** "Couldn't load the leads". */
  errorTitle: string;
  isEmpty: (data: T) => boolean;
  /** What an empty list says (it may differ when filters are set). */
  empty: ReactNode;
  /** The list itself; it shows its own skeleton while the first page loads. */
  children: ReactNode;
  /** Whether the error keeps a margin from the card's edge (lists whose card has no padding). */
  errorInset?: boolean;
}

/**
 * The states of a list: an error with Retry when nothing loaded, the empty state, or the list (loading included).
 * A failed refresh keeps the rows already on screen.
 */
export function ListResults<T>({ query, errorTitle, isEmpty, empty, children, errorInset = true }: ListResultsProps<T>) {
  if (query.isError && !query.data) {
    return <LoadError m={errorInset ? 'md' : undefined} title={errorTitle} message={query.error?.message ?? ''} retrying={query.isFetching} onRetry={() => void query.refetch()} />;
  }
  if (query.data && isEmpty(query.data)) return empty;
  return children;
}
