import { mutationOptions, useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { meBody, type signUpBody } from '../../../contracts/auth';
import { apiRequest } from '../../app/api-client';

export type SignUpInput = z.output<typeof signUpBody>;

export function signUp(body: SignUpInput) {
  return apiRequest('/api/auth/sign-up', meBody.pick({ user: true }), { method: 'POST', body });
}

export const signUpMutationOptions = mutationOptions({ mutationKey: ['auth', 'sign-up'], mutationFn: signUp });

/** `onSignedIn` is awaited, so the button keeps spinning until the next page is ready. */
export function useSignUp(onSignedIn: () => Promise<void>) {
  return useMutation({ ...signUpMutationOptions, onSuccess: onSignedIn });
}
