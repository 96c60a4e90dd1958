import { Text } from '@mantine/core';

/** The dimmed dash a table cell shows for "none". */
export function TableDash() {
  return (
    <Text size="sm" c="dimmed">
      —
    </Text>
  );
}
