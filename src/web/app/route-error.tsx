import { Button, Group } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useRouter, type ErrorComponentProps } from '@tanstack/react-router';
import { StatusScreen } from '../components/status-screen';
import { isApiError } from './api-client';

interface ErrorScreenProps {
  error: unknown;
  onRetry?: () => void;
}

/** Shown when a screen fails to load (API down, code chunk gone after a deploy) or crashes while rendering. */
export function ErrorScreen({ error, onRetry }: ErrorScreenProps) {
  const message = isApiError(error) ? error.message : 'An unexpected error stopped this page from loading. Reloading usually fixes it.';
  return (
    <StatusScreen
      icon={<IconAlertTriangle size={34} />}
      color="red"
      title="Something went wrong"
      description={message}
      actions={
        <Group justify="center">
          {onRetry && (
            <Button variant="default" onClick={onRetry}>
              Try again
            </Button>
          )}
          <Button onClick={() => window.location.reload()}>Reload page</Button>
        </Group>
      }
    />
  );
}

export function RouteError({ error }: ErrorComponentProps) {
  const router = useRouter();
  // Re-running the route (guards included) also clears this error once it succeeds.
  return <ErrorScreen error={error} onRetry={() => void router.invalidate()} />;
}
