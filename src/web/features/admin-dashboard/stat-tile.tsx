import { Card, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import type { ReactNode } from 'react';

interface StatTileProps {
  icon: ReactNode;
  color: string;
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  action?: ReactNode;
  testId?: string;
}

/** One number of the dashboard with what it means and where to act on it. */
export function StatTile({ icon, color, label, value, detail, action, testId }: StatTileProps) {
  return (
    <Card padding="md" data-testid={testId}>
      <Stack gap={6} h="100%">
        <Group gap="xs" wrap="nowrap">
          <ThemeIcon size={30} radius="md" variant="light" color={color} aria-hidden>
            {icon}
          </ThemeIcon>
          <Text size="sm" c="dimmed" fw={600}>
            {label}
          </Text>
        </Group>
        <Text fz={30} fw={800} lh={1.1}>
          {value}
        </Text>
        {detail && (
          <Text size="xs" c="dimmed" component="div">
            {detail}
          </Text>
        )}
        {action && <div style={{ marginTop: 'auto' }}>{action}</div>}
      </Stack>
    </Card>
  );
}
