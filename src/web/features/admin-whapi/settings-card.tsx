import { Box, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface SettingsCardProps {
  id: string;
  icon: ReactNode;
  color?: string;
  title: string;
  description: ReactNode;
  aside?: ReactNode;
  children: ReactNode;
}

/** One titled section of the settings page; its heading names the region for screen readers and tests. */
export function SettingsCard({ id, icon, color, title, description, aside, children }: SettingsCardProps) {
  return (
    <Card component="section" aria-labelledby={id}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm" mb="lg">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon size={40} radius="md" variant="light" color={color} aria-hidden>
            {icon}
          </ThemeIcon>
          <Stack gap={2}>
            <Title id={id} order={2} fz="lg">
              {title}
            </Title>
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          </Stack>
        </Group>
        {aside && <Box style={{ flexShrink: 0 }}>{aside}</Box>}
      </Group>
      {children}
    </Card>
  );
}
