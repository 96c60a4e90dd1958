import { Center, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface StatusScreenProps {
  icon: ReactNode;
  color: string;
  title: string;
  description: ReactNode;
  actions: ReactNode;
}

/** Full-page message (not found, crash) with the way out right under it. */
export function StatusScreen({ icon, color, title, description, actions }: StatusScreenProps) {
  return (
    <Center mih="70vh" px="md">
      <Stack align="center" gap="md" maw={460} ta="center">
        <ThemeIcon size={64} radius="xl" variant="light" color={color} aria-hidden>
          {icon}
        </ThemeIcon>
        <Title order={1} fz={28}>
          {title}
        </Title>
        <Text c="dimmed">{description}</Text>
        {actions}
      </Stack>
    </Center>
  );
}
