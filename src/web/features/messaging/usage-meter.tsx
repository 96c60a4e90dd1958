import { Card, Group, Progress, Stack, Text, Tooltip } from '@mantine/core';
import type { UsageFigure } from '../../../contracts/messaging';
import { formatDateTime } from './messaging-labels';
import { usageColor, usagePercent, usageText } from './usage-figures';

interface UsageMeterProps {
  /** "Today", "Bulk this period". */
  label: string;
  figure: UsageFigure;
  /** The platform's time zone: days and periods turn over there, not in the browser's. */
  timeZone: string;
  testId: string;
}

/** One limit of the plan: used out of the limit (or "Unlimited"), how full it is, and when it starts again. */
export function UsageMeter({ label, figure, timeZone, testId }: UsageMeterProps) {
  const percent = usagePercent(figure);
  return (
    <Card padding="md" data-testid={testId}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text size="sm" c="dimmed" fw={500}>
            {label}
          </Text>
          <Text size="sm" fw={700} data-testid={`${testId}-value`} style={{ whiteSpace: 'nowrap' }}>
            {usageText(figure)}
          </Text>
        </Group>
        <Progress
          value={percent ?? 0}
          color={usageColor(figure)}
          size="sm"
          aria-label={`${label}: ${usageText(figure)}`}
          // An unlimited plan has nothing to fill: a flat, empty track rather than a bar that looks stuck at 0 %.
          style={percent === null ? { opacity: 0.4 } : undefined}
        />
        <Tooltip label={`Counted in ${timeZone} time`} withArrow>
          <Text size="xs" c="dimmed" w="fit-content">
            Resets {formatDateTime(figure.resetsAt)}
          </Text>
        </Tooltip>
      </Stack>
    </Card>
  );
}
