import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEye, IconPlayerPause, IconPlayerPlay, IconX } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { Campaign } from '../../../contracts/messaging';
import { ConfirmModal } from '../../components/confirm-modal';
import { useCampaignAction, type CampaignAction } from './campaign-action';
import { campaignProgress } from './campaign-progress';
import { formatCount } from './messaging-labels';

const DONE: Record<CampaignAction, string> = { pause: 'Campaign paused.', resume: 'Campaign resumed.', cancel: 'Campaign cancelled.' };

/** Pause, resume and cancel (after a confirmation) for the campaigns table and the campaign's drawer. */
export function useCampaignControls() {
  const action = useCampaignAction();
  const [cancelling, setCancelling] = useState<Campaign | null>(null);

  const run = (campaign: Campaign, act: CampaignAction, onDone?: () => void) =>
    action.mutate(
      { id: campaign.id, action: act },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', title: campaign.name, message: DONE[act] });
          onDone?.();
        },
        // Cancel shows its error in the confirmation; pause and resume have nowhere else to say it.
        onError: (error) => {
          if (act !== 'cancel') notifications.show({ color: 'red', title: `Couldn't ${act} ${campaign.name}`, message: error.message });
        },
      },
    );

  const closeCancel = () => {
    setCancelling(null);
    action.reset();
  };
  const waiting = cancelling ? campaignProgress(cancelling).waiting : 0;

  return {
    /** The campaign whose action is on its way, to put that row's buttons in a loading state. */
    busyId: action.isPending ? action.variables.id : null,
    pause: (campaign: Campaign) => run(campaign, 'pause'),
    resume: (campaign: Campaign) => run(campaign, 'resume'),
    askCancel: (campaign: Campaign) => {
      action.reset();
      setCancelling(campaign);
    },
    modal: (
      <ConfirmModal
        opened={cancelling !== null}
        title="Cancel this campaign?"
        confirmLabel="Cancel campaign"
        loading={action.isPending}
        error={cancelling && action.variables?.action === 'cancel' ? action.error : null}
        onConfirm={() => cancelling && run(cancelling, 'cancel', closeCancel)}
        onClose={closeCancel}
      >
        <Text size="sm">
          “{cancelling?.name}”: the {formatCount(waiting)} {waiting === 1 ? 'message' : 'messages'} not sent yet will not be sent. Messages
          already sent stay sent. A cancelled campaign cannot be resumed.
        </Text>
      </ConfirmModal>
    ),
  };
}

export type CampaignControls = ReturnType<typeof useCampaignControls>;

interface CampaignButtonsProps {
  campaign: Campaign;
  controls: CampaignControls;
  onView?: (campaign: Campaign) => void;
  /** Words only, no icons: the campaigns table needs the width. */
  compact?: boolean;
}

/** The actions the campaign's state allows: Pause while running, Resume while paused, Cancel until it ends. */
export function CampaignButtons({ campaign, controls, onView, compact = false }: CampaignButtonsProps) {
  const busy = controls.busyId === campaign.id;
  const icon = (node: ReactNode) => (compact ? undefined : node);
  const open = campaign.status === 'running' || campaign.status === 'paused';
  return (
    <Group gap={6} wrap="nowrap">
      {campaign.status === 'running' && (
        <Button size="xs" variant="light" color="yellow" leftSection={icon(<IconPlayerPause size={14} />)} loading={busy} onClick={() => controls.pause(campaign)} aria-label={`Pause ${campaign.name}`}>
          Pause
        </Button>
      )}
      {campaign.status === 'paused' && (
        <Button size="xs" variant="light" leftSection={icon(<IconPlayerPlay size={14} />)} loading={busy} onClick={() => controls.resume(campaign)} aria-label={`Resume ${campaign.name}`}>
          Resume
        </Button>
      )}
      {open && (
        <Button size="xs" variant="subtle" color="red" leftSection={icon(<IconX size={14} />)} disabled={busy} onClick={() => controls.askCancel(campaign)} aria-label={`Cancel ${campaign.name}`}>
          Cancel
        </Button>
      )}
      {onView && (
        <Button size="xs" variant="subtle" leftSection={icon(<IconEye size={14} />)} onClick={() => onView(campaign)} aria-label={`View ${campaign.name}`}>
          View
        </Button>
      )}
    </Group>
  );
}
