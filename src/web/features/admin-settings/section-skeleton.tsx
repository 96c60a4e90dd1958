import { Card, Skeleton, Stack } from '@mantine/core';

/** A settings card while it loads: title, description and `rows` fields. */
export function SectionSkeleton({ rows }: { rows: number }) {
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
