import { Alert, Button, Group, Modal, NumberInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconArrowRight } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { AdminChannel } from '../../../contracts/channels';
import { isApiError } from '../../app/api-client';
import { ButtonLink } from '../../components/router-links';
import { daysLabel, formatDate } from '../channels/channel-labels';
import { useExtendChannel } from './extend-channel';
import { newIdempotencyKey } from './idempotency-key';

interface ExtendChannelModalProps {
  channel: AdminChannel | null;
  /** The admin main balance, when known (the drawer has it). */
  mainBalanceDays: number | null;
  onClose: () => void;
}

/**
 * "Activate (N days)" for a pending channel, "Extend Days" for the rest (DOMAIN.md "Allocation rules"): N defaults
 * to the owner's plan period; the main balance pays, and WHAPI's answer decides.
 */
export function ExtendChannelModal({ channel, mainBalanceDays, onClose }: ExtendChannelModalProps) {
  return (
    <Modal
      opened={channel !== null}
      onClose={onClose}
      title={channel?.status === 'pending' ? 'Activate channel' : 'Extend days'}
      centered
    >
      {channel && <ExtendForm key={channel.id} channel={channel} mainBalanceDays={mainBalanceDays} onClose={onClose} />}
    </Modal>
  );
}

function ExtendForm({ channel, mainBalanceDays, onClose }: { channel: AdminChannel; mainBalanceDays: number | null; onClose: () => void }) {
  const extend = useExtendChannel();
  const [days, setDays] = useState<number | string>(channel.periodDays);
  const [problem, setProblem] = useState<string | null>(null);
  const pending = channel.status === 'pending';
  const value = typeof days === 'number' ? days : Number(days);
  const valid = Number.isInteger(value) && value >= 1 && value <= 3650;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return setProblem('Enter whole days from 1 to 3650.');
    setProblem(null);
    extend.mutate(
      { channelId: channel.id, days: value, idempotencyKey: newIdempotencyKey() },
      {
        onSuccess: (reply) => {
          notifications.show({ color: 'teal', title: pending ? 'Channel activated' : 'Days added', message: reply.message });
          onClose();
        },
      },
    );
  };

  const insufficient = isApiError(extend.error, 'INSUFFICIENT_BALANCE');
  return (
    <form onSubmit={submit} noValidate aria-label={pending ? 'Activate channel' : 'Extend days'}>
      <Stack gap="md">
        <Text size="sm">
          {channel.name} · {channel.user.email}
          {channel.expiresAt && !pending && <> · expires {formatDate(channel.expiresAt)}</>}
        </Text>
        <NumberInput
          label="Days to allocate"
          description={`The owner's plan period is ${daysLabel(channel.periodDays)}.${mainBalanceDays === null ? '' : ` Main balance: ${daysLabel(mainBalanceDays)}.`}`}
          min={1}
          max={3650}
          allowDecimal={false}
          value={days}
          onChange={setDays}
          error={problem}
          data-autofocus
        />
        <Text size="xs" c="dimmed">
          Time already left on the channel is kept: the new days are added after its current expiry.
        </Text>
        {extend.error && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} data-testid="extend-error">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{extend.error.message}</Text>
              {insufficient && (
                <ButtonLink to="/admin/balances" size="xs" color="red" variant="light" rightSection={<IconArrowRight size={14} />}>
                  Open Billing &amp; Balances
                </ButtonLink>
              )}
            </Stack>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={extend.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={extend.isPending}>
            {pending ? `Activate (${valid ? daysLabel(value) : 'N days'})` : `Extend by ${valid ? daysLabel(value) : 'N days'}`}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
