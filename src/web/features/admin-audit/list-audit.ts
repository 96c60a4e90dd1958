import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { auditPage, type AuditQuery } from '../../../contracts/audit';
import { apiRequest } from '../../app/api-client';

export function listAudit(query: AuditQuery, signal?: AbortSignal) {
  return apiRequest('/api/admin/audit', auditPage, { query: { ...query }, signal });
}

export function auditQueryOptions(query: AuditQuery) {
  return queryOptions({
    queryKey: ['admin', 'audit', query],
    queryFn: ({ signal }) => listAudit(query, signal),
    // Keep the current page on screen while the next one loads, so the table doesn't jump.
    placeholderData: keepPreviousData,
  });
}

export function useAuditLog(query: AuditQuery) {
  return useQuery(auditQueryOptions(query));
}
