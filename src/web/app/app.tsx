import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { endSession } from './end-session';
import { AppErrorBoundary } from './error-boundary';
import { meQueryKey } from './me-query';
import { createQueryClient } from './query-client';
import { createAppRouter } from './router';
import { theme } from './theme';

const queryClient = createQueryClient((error) => {
  // Only someone who was signed in can lose a session; on the sign-in form these codes are plain answers.
  if (!queryClient.getQueryData(meQueryKey)) return;
  endSession(router, queryClient, error.code === 'ACCOUNT_SUSPENDED' ? 'suspended' : 'session-ended');
});
const router = createAppRouter(queryClient);

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <Notifications position="bottom-right" zIndex={1000} />
      <AppErrorBoundary>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AppErrorBoundary>
    </MantineProvider>
  );
}
