import { ColorSwatch, Group, Progress, Stack, Text, Tooltip } from '@mantine/core';
import type { Campaign } from '../../../contracts/messaging';
import { campaignProgress } from './campaign-progress';
import { formatCount, MESSAGE_STATUS_COLORS, MESSAGE_STATUS_LABELS } from './messaging-labels';

interface CampaignProgressBarProps {
  campaign: Pick<Campaign, 'total' | 'counts' | 'name'>;
  /** The counts spelled out under the bar (the campaign's drawer). */
  withLegend?: boolean;
}

/** How far a campaign got: one section per status (read, delivered, sent, failed) and "x / total". */
export function CampaignProgressBar({ campaign, withLegend = false }: CampaignProgressBarProps) {
  const progress = campaignProgress(campaign);
  const summary = `${formatCount(progress.done)} / ${formatCount(progress.total)}`;
  return (
    <Stack gap={4} miw={140}>
      <Progress.Root size={withLegend ? 'lg' : 'md'} aria-label={`Progress of ${campaign.name}: ${summary}`}>
        {progress.parts
          .filter((part) => part.count > 0)
          .map((part) => (
            <Tooltip key={part.status} label={`${MESSAGE_STATUS_LABELS[part.status]}: ${formatCount(part.count)}`} withArrow>
              <Progress.Section value={part.percent} color={MESSAGE_STATUS_COLORS[part.status]} />
            </Tooltip>
          ))}
      </Progress.Root>
      <Text size="xs" c="dimmed" data-testid="campaign-progress">
        {summary}
      </Text>
      {withLegend && (
        <Group gap="md" mt={4}>
          {progress.parts.map((part) => (
            <Group key={part.status} gap={6} wrap="nowrap">
              <ColorSwatch color={`var(--mantine-color-${MESSAGE_STATUS_COLORS[part.status]}-filled)`} size={10} withShadow={false} />
              <Text size="xs">
                {MESSAGE_STATUS_LABELS[part.status]} {formatCount(part.count)}
              </Text>
            </Group>
          ))}
          {progress.waiting > 0 && (
            <Text size="xs" c="dimmed">
              Waiting {formatCount(progress.waiting)}
            </Text>
          )}
          {campaign.counts.cancelled > 0 && (
            <Text size="xs" c="dimmed">
              Cancelled {formatCount(campaign.counts.cancelled)}
            </Text>
          )}
        </Group>
      )}
    </Stack>
  );
}
