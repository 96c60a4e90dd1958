import { mutationOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { meBody, type updateMeBody } from '../../../contracts/auth';
import { apiRequest } from '../../app/api-client';
import { meQueryKey } from '../../app/me-query';

export type UpdateProfileInput = z.output<typeof updateMeBody>;

export function updateProfile(body: UpdateProfileInput) {
  return apiRequest('/api/me', meBody, { method: 'PATCH', body });
}

export const updateProfileMutationOptions = mutationOptions({ mutationKey: ['me', 'update'], mutationFn: updateProfile });

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    ...updateProfileMutationOptions,
    // The answer is the fresh `me`, so the header and dashboard show the new name without a refetch.
    onSuccess: (me) => queryClient.setQueryData(meQueryKey, me),
  });
}
