import { Alert, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import type { CreateCampaignReply } from '../../../contracts/messaging';
import { formatCount } from './messaging-labels';

function plural(count: number, one: string, many: string): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** What the server made of the list: who will get the message, and what it dropped (so nobody wonders where rows went). */
export function CampaignCreatedAlert({ reply, onClose }: { reply: CreateCampaignReply; onClose: () => void }) {
  const dropped = [
    reply.duplicatesRemoved > 0 ? `${plural(reply.duplicatesRemoved, 'duplicate', 'duplicates')} removed` : null,
    reply.linesSkipped > 0 ? `${plural(reply.linesSkipped, 'line', 'lines')} skipped` : null,
  ].filter((part): part is string => part !== null);
  return (
    <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} title={reply.notice} withCloseButton onClose={onClose} data-testid="campaign-created">
      <Text size="sm">
        “{reply.campaign.name}” goes to {plural(reply.campaign.total, 'recipient', 'recipients')}.
        {dropped.length > 0 ? ` ${dropped.join(', ')}.` : ''}
      </Text>
    </Alert>
  );
}
