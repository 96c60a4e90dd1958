import { Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface SectionCardProps {
  id: string;
  icon: ReactNode;
  color?: string;
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  testId?: string;
}

/** One titled card of the user details page. */
export function SectionCard({ id, icon, color = 'teal', title, description, actions, children, testId }: SectionCardProps) {
  return (
    <Card component="section" aria-labelledby={id} data-testid={testId}>
      <Group justify="space-between" align="flex-start" gap="sm" mb="md">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon size={38} radius="md" variant="light" color={color} aria-hidden>
            {icon}
          </ThemeIcon>
          <Stack gap={2}>
            <Title order={2} fz="lg" id={id}>
              {title}
            </Title>
            {description && (
              <Text size="sm" c="dimmed">
                {description}
              </Text>
            )}
          </Stack>
        </Group>
        {actions}
      </Group>
      {children}
    </Card>
  );
}
