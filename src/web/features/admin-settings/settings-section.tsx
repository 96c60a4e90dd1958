import { Box, Card, Group, Text, ThemeIcon, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface SettingsSectionProps {
  id: string;
  icon: ReactNode;
  title: string;
  description: ReactNode;
  aside?: ReactNode;
  children: ReactNode;
}

/**
 * One titled card of a settings section; its heading names the region for screen readers and tests. The
 * description sits under the title row, so on a phone a status badge beside the title cannot squeeze it.
 */
export function SettingsSection({ id, icon, title, description, aside, children }: SettingsSectionProps) {
  return (
    <Card component="section" aria-labelledby={id}>
      <Group justify="space-between" align="center" wrap="nowrap" gap="sm">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon size={40} radius="md" variant="light" aria-hidden>
            {icon}
          </ThemeIcon>
          <Title id={id} order={2} fz="lg">
            {title}
          </Title>
        </Group>
        {aside && <Box style={{ flexShrink: 0 }}>{aside}</Box>}
      </Group>
      <Text size="sm" c="dimmed" mt={{ base: 'sm', xs: 0 }} pl={{ base: 0, xs: 52 }} mb="lg">
        {description}
      </Text>
      {children}
    </Card>
  );
}
