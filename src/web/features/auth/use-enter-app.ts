import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { meQueryOptions } from '../../app/me-query';
import { homePath } from '../../app/navigation';

/** After sign-in or sign-up: drop what the visitor loaded, then go back where the person wanted to be. */
export function useEnterApp(redirect: string | undefined) {
  const queryClient = useQueryClient();
  const router = useRouter();
  return async () => {
    queryClient.removeQueries();
    const me = await queryClient.fetchQuery(meQueryOptions);
    if (redirect) await router.navigate({ href: redirect, replace: true });
    else await router.navigate({ to: me ? homePath(me) : '/dashboard', replace: true });
  };
}
