import { Box, Card, Group, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface SettingsCardProps {
  id: string;
  icon: ReactNode;
  color?: string;
  title: string;
  description: ReactNode;
  aside?: ReactNode;
  /**
   * 'beside-icon': the description stands under the title, beside the icon. 'below': under the whole title row,
   * so on a phone a status badge beside the title cannot squeeze it.
   */
  descriptionPlacement?: 'beside-icon' | 'below';
  children: ReactNode;
}

/** One titled card of a settings page; its heading names the region for screen readers and tests. */
export function SettingsCard({ id, icon, color, title, description, aside, descriptionPlacement = 'beside-icon', children }: SettingsCardProps) {
  const below = descriptionPlacement === 'below';
  const heading = (
    <Title id={id} order={2} fz="lg">
      {title}
    </Title>
  );
  return (
    <Card component="section" aria-labelledby={id}>
      <Group justify="space-between" align={below ? 'center' : 'flex-start'} wrap="nowrap" gap="sm" mb={below ? undefined : 'lg'}>
        <Group gap="sm" wrap="nowrap" align={below ? undefined : 'flex-start'}>
          <ThemeIcon size={40} radius="md" variant="light" color={color} aria-hidden>
            {icon}
          </ThemeIcon>
          {below ? (
            heading
          ) : (
            <Stack gap={2}>
              {heading}
              <Text size="sm" c="dimmed">
                {description}
              </Text>
            </Stack>
          )}
        </Group>
        {aside && <Box style={{ flexShrink: 0 }}>{aside}</Box>}
      </Group>
      {below && (
        <Text size="sm" c="dimmed" mt={{ base: 'sm', xs: 0 }} pl={{ base: 0, xs: 52 }} mb="lg">
          {description}
        </Text>
      )}
      {children}
    </Card>
  );
}

/** A settings card while it loads: title, description and `rows` fields. */
export function SettingsCardSkeleton({ rows }: { rows: number }) {
  return (
    <Card aria-hidden>
      <Stack gap="md">
        <Skeleton height={22} width="40%" radius="sm" />
        <Skeleton height={12} width="70%" radius="sm" />
        {Array.from({ length: rows }, (_, row) => (
          <Skeleton key={row} height={36} radius="md" />
        ))}
      </Stack>
    </Card>
  );
}
