import { Alert, Group, Text } from '@mantine/core';
import { IconAlertCircle, IconAlertTriangle, IconArrowRight } from '@tabler/icons-react';
import { isApiError } from '../../app/api-client';
import { ButtonLink } from '../../components/router-links';

/**
 * Why a send or a campaign was refused, in the server's words, above the button. A plan limit is not a mistake
 * the person made: it reads as a warning with the way to a bigger plan.
 */
export function SubmitAlert({ error, message }: { error: unknown; message: string | null }) {
  if (!message) return null;
  const limit = isApiError(error, 'LIMIT_REACHED');
  return (
    <Alert
      color={limit ? 'orange' : 'red'}
      variant="light"
      icon={limit ? <IconAlertTriangle size={18} /> : <IconAlertCircle size={18} />}
      data-testid="submit-error"
    >
      <Group justify="space-between" gap="sm">
        <Text size="sm" fw={500}>
          {message}
        </Text>
        {limit && (
          <ButtonLink to="/pricing" size="xs" color="orange" rightSection={<IconArrowRight size={14} />}>
            See plans
          </ButtonLink>
        )}
      </Group>
    </Alert>
  );
}
