import { Badge } from '@mantine/core';
import type { CampaignStatus } from '../../../contracts/messaging';
import { CAMPAIGN_STATUS_COLORS, CAMPAIGN_STATUS_LABELS } from './messaging-labels';

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  return (
    <Badge variant="dot" color={CAMPAIGN_STATUS_COLORS[status]} data-testid="campaign-status" styles={{ label: { overflow: 'visible' } }}>
      {CAMPAIGN_STATUS_LABELS[status]}
    </Badge>
  );
}
