import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A small uppercase label over its value, as drawers and cards list the facts of one item. */
export function Fact({ label, children, testId, strong = false }: { label: string; children: ReactNode; testId?: string; strong?: boolean }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div" data-testid={testId} {...(strong ? { fw: 500 } : {})}>
        {children}
      </Text>
    </Stack>
  );
}
