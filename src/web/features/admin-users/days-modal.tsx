import { Alert, Button, Group, Modal, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { ADJUST_DAYS_MAX } from '../../../contracts/admin-users';
import { isApiError } from '../../app/api-client';
import { daysLabel } from './user-labels';
import { useAdjustDays } from './user-mutations';

export type DaysDirection = 'add' | 'remove';

export interface DaysTarget {
  id: string;
  name: string;
  email: string;
  daysRemaining: number;
}

interface DaysModalProps {
  target: DaysTarget | null;
  direction: DaysDirection;
  onClose: () => void;
}

/**
 * +Days / −Days on a user's service clock with the reason the ledger and audit keep (DOMAIN.md "Days" §3). Taking
 * more days than remain expires the user at once; the preview says so before the admin confirms.
 */
export function DaysModal({ target, direction, onClose }: DaysModalProps) {
  const adjust = useAdjustDays();
  const [days, setDays] = useState<number | ''>(direction === 'add' ? 30 : 1);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ days?: string; reason?: string }>({});
  const { reset } = adjust;
  useEffect(() => {
    setDays(direction === 'add' ? 30 : 1);
    setReason('');
    setErrors({});
    reset();
  }, [target?.id, direction, reset]);

  const adding = direction === 'add';
  const remaining = target?.daysRemaining ?? 0;
  const valid = typeof days === 'number' && Number.isInteger(days) && days >= 1;
  const after = valid ? Math.max(0, adding ? remaining + days : remaining - days) : null;
  const serverFields = isApiError(adjust.error) ? adjust.error.fields : {};
  const general = adjust.error && !serverFields.delta && !serverFields.reason ? adjust.error.message : null;

  const submit = () => {
    if (!target) return;
    const problems: typeof errors = {};
    if (!valid) problems.days = 'Enter a whole number of days, at least 1.';
    if (!reason.trim()) problems.reason = 'Enter a reason.';
    setErrors(problems);
    if (Object.keys(problems).length > 0 || typeof days !== 'number') return;
    adjust.mutate(
      { id: target.id, body: { delta: adding ? days : -days, reason: reason.trim() } },
      {
        onSuccess: ({ days: result }) => {
          notifications.show({
            color: result.userStatus === 'expired' ? 'orange' : 'teal',
            message: `${adding ? 'Added' : 'Removed'} ${daysLabel(days)} ${adding ? 'to' : 'from'} ${target.name}. ${
              result.userStatus === 'expired' ? 'The user is now expired.' : `${daysLabel(result.daysRemaining)} remaining.`
            }`,
          });
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened={target !== null} onClose={onClose} title={adding ? 'Add service days' : 'Remove service days'} centered>
      {target && (
        <Stack gap="md">
          <Text size="sm">
            {target.name} <Text span c="dimmed">({target.email})</Text> has <b>{daysLabel(remaining)}</b> remaining.
          </Text>
          {general && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />}>
              {general}
            </Alert>
          )}
          <NumberInput
            label={adding ? 'Days to add' : 'Days to remove'}
            allowDecimal={false}
            allowNegative={false}
            min={1}
            max={ADJUST_DAYS_MAX}
            value={days}
            onChange={(value) => {
              setDays(typeof value === 'number' ? value : '');
              setErrors((current) => ({ ...current, days: undefined }));
            }}
            error={errors.days ?? serverFields.delta}
            data-autofocus
          />
          <Textarea
            label="Reason"
            description="Kept in the days history and the audit log."
            required
            autosize
            minRows={2}
            maxLength={500}
            value={reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setErrors((current) => ({ ...current, reason: undefined }));
            }}
            error={errors.reason ?? serverFields.reason}
          />
          {after !== null && (
            <Text size="sm" c={after === 0 ? 'orange' : 'dimmed'} data-testid="days-preview">
              {after === 0 ? 'The user will be Expired at once.' : `About ${daysLabel(after)} remaining afterwards.`}
            </Text>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={adjust.isPending}>
              Cancel
            </Button>
            <Button color={adding ? 'teal' : 'orange'} onClick={submit} loading={adjust.isPending}>
              {adding ? 'Add days' : 'Remove days'}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
