import { mutationOptions, useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { meBody, type signInBody } from '../../../contracts/auth';
import { apiRequest } from '../../app/api-client';

export type SignInInput = z.output<typeof signInBody>;

export function signIn(body: SignInInput) {
  return apiRequest('/api/auth/sign-in', meBody.pick({ user: true }), { method: 'POST', body });
}

export const signInMutationOptions = mutationOptions({ mutationKey: ['auth', 'sign-in'], mutationFn: signIn });

/** `onSignedIn` is awaited, so the button keeps spinning until the next page is ready. */
export function useSignIn(onSignedIn: () => Promise<void>) {
  return useMutation({ ...signInMutationOptions, onSuccess: onSignedIn });
}
