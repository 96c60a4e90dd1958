import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  adjustDaysResponse,
  adminUserBody,
  overridesResponse,
  type AdjustDaysBody,
  type CreateUserBody,
  type OverridesInput,
} from '../../../contracts/admin-users';
import type { Role } from '../../../domain/access';
import { apiRequest } from '../../app/api-client';
import { userPath, usersChanged } from './admin-users-api';

// The admin's actions on a user. Each refreshes every users view and the dashboard once it succeeds.

export function useAdjustDays() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['admin', 'users', 'days'],
    mutationFn: ({ id, body }: { id: string; body: AdjustDaysBody }) =>
      apiRequest(userPath(id, '/days'), adjustDaysResponse, { method: 'POST', body }),
    onSuccess: () => usersChanged(queryClient),
  });
}

export function useSaveOverrides() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['admin', 'users', 'overrides'],
    mutationFn: ({ id, body }: { id: string; body: OverridesInput }) =>
      apiRequest(userPath(id, '/overrides'), overridesResponse, { method: 'PATCH', body }),
    onSuccess: () => usersChanged(queryClient),
  });
}

export function useBanUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['admin', 'users', 'ban'],
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      apiRequest(userPath(id, '/ban'), adminUserBody, { method: 'POST', body: reason ? { reason } : {} }),
    onSuccess: () => usersChanged(queryClient),
  });
}

export function useUnbanUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['admin', 'users', 'unban'],
    mutationFn: (id: string) => apiRequest(userPath(id, '/unban'), adminUserBody, { method: 'POST' }),
    onSuccess: () => usersChanged(queryClient),
  });
}

export function useSetRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['admin', 'users', 'role'],
    mutationFn: ({ id, role }: { id: string; role: Role }) =>
      apiRequest(userPath(id, '/role'), adminUserBody, { method: 'PUT', body: { role } }),
    onSuccess: () => usersChanged(queryClient),
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['admin', 'users', 'create'],
    mutationFn: (body: CreateUserBody) => apiRequest('/api/admin/users', adminUserBody, { method: 'POST', body }),
    onSuccess: () => usersChanged(queryClient),
  });
}
