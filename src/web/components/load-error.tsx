import { Alert, Button, Stack, Text, type AlertProps } from '@mantine/core';
import { IconAlertCircle, IconRefresh } from '@tabler/icons-react';

interface LoadErrorProps extends Omit<AlertProps, 'title' | 'children'> {
  title: string;
  /** The server's own words (for WHAPI failures: WHAPI's text), shown as they are. */
  message: string;
  retrying: boolean;
  onRetry: () => void;
}

/** Something failed to load: what, why, and a way to try again without reloading the page. */
export function LoadError({ title, message, retrying, onRetry, ...props }: LoadErrorProps) {
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title={title} {...props}>
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{message}</Text>
        <Button size="xs" variant="light" color="red" leftSection={<IconRefresh size={14} />} onClick={onRetry} loading={retrying}>
          Retry
        </Button>
      </Stack>
    </Alert>
  );
}
