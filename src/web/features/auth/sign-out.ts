import { notifications } from '@mantine/notifications';
import { mutationOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { okBody } from '../../../contracts/common';
import { apiRequest } from '../../app/api-client';

export function signOut() {
  return apiRequest('/api/auth/sign-out', okBody, { method: 'POST' });
}

export const signOutMutationOptions = mutationOptions({ mutationKey: ['auth', 'sign-out'], mutationFn: signOut });

export function useSignOut() {
  const queryClient = useQueryClient();
  const router = useRouter();
  return useMutation({
    ...signOutMutationOptions,
    onSuccess: async () => {
      // Forget everything the account loaded before showing the sign-in page; it re-checks the session.
      queryClient.clear();
      await router.navigate({ to: '/sign-in', replace: true });
    },
    onError: (error) => {
      notifications.show({ color: 'red', title: "Couldn't sign out", message: error.message });
    },
  });
}
