import { Alert, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowRight } from '@tabler/icons-react';
import { ButtonLink } from '../../components/router-links';

/** spec 000 §2: while the partner token is missing or refused, every admin screen says so and where to fix it. */
export function WhapiBanner({ message, showLink }: { message: string; showLink: boolean }) {
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle size={20} />} mb="lg" data-testid="whapi-banner">
      <Group justify="space-between" gap="sm">
        <Text size="sm" fw={500}>
          {message}
        </Text>
        {showLink && (
          <ButtonLink to="/admin/settings/whapi" size="xs" color="orange" variant="filled" rightSection={<IconArrowRight size={14} />}>
            Open WHAPI settings
          </ButtonLink>
        )}
      </Group>
    </Alert>
  );
}
