import { Badge, Button, Group } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';

/** "Overridden" beside a value that differs from the plan, with the way back to the plan's value. */
export function OverriddenMark({ label, planValue, onReset }: { label: string; planValue: string | null; onReset: () => void }) {
  return (
    <Group gap={6} wrap="wrap">
      <Badge size="xs" variant="filled" color="orange" data-testid="overridden-badge">
        Overridden
      </Badge>
      <Button
        size="compact-xs"
        variant="subtle"
        color="gray"
        leftSection={<IconArrowBackUp size={12} />}
        onClick={onReset}
        aria-label={`Reset ${label} to the plan${planValue ? ` (${planValue})` : ''}`}
        disabled={planValue === null}
      >
        Reset to plan
      </Button>
    </Group>
  );
}
