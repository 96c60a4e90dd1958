import { mutationOptions, useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type { changePasswordBody } from '../../../contracts/auth';
import { okBody } from '../../../contracts/common';
import { apiRequest } from '../../app/api-client';

export type ChangePasswordInput = z.output<typeof changePasswordBody>;

export function changePassword(body: ChangePasswordInput) {
  return apiRequest('/api/me/password', okBody, { method: 'POST', body });
}

export const changePasswordMutationOptions = mutationOptions({ mutationKey: ['me', 'password'], mutationFn: changePassword });

export function useChangePassword() {
  return useMutation(changePasswordMutationOptions);
}
