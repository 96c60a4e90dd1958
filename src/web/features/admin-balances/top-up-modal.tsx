import { Alert, Button, Group, Modal, NumberInput, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { FormEvent } from 'react';
import { topUpBody, TOPUP_MAX_DAYS } from '../../../contracts/balances';
import { useFormFields } from '../../app/use-form-fields';
import { formatDays } from '../../components/partner-balance';
import { useTopUpMainBalance } from './top-up-main-balance';

interface TopUpModalProps {
  opened: boolean;
  onClose: () => void;
}

/** Spec 003 "Top Up Balance": the admin mirrors days bought at WHAPI, with a note saying which purchase. */
export function TopUpModal({ opened, onClose }: TopUpModalProps) {
  const topUp = useTopUpMainBalance();
  const form = useFormFields({ days: '', note: '' }, topUp.error);

  const close = () => {
    form.reset();
    topUp.reset();
    onClose();
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = form.validate(topUpBody);
    if (!values) return;
    topUp.mutate(values, {
      onSuccess: (summary) => {
        notifications.show({
          color: 'teal',
          message: `Added ${formatDays(values.days)} ${values.days === 1 ? 'day' : 'days'}. Main balance: ${formatDays(summary.mainBalance.days)} days.`,
        });
        close();
      },
    });
  };

  return (
    <Modal opened={opened} onClose={close} title="Top up the main balance" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <NumberInput
            label="Days"
            description="The channel-days you bought at WHAPI."
            required
            min={1}
            max={TOPUP_MAX_DAYS}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator=","
            value={form.values.days}
            onChange={(value) => form.set('days', String(value))}
            error={form.errors.days}
            data-autofocus
          />
          <Textarea
            label="Note"
            description="Shown in the ledger, e.g. the WHAPI invoice number."
            required
            autosize
            minRows={2}
            maxLength={500}
            {...form.bind('note')}
            onChange={(event) => form.set('note', event.currentTarget.value)}
          />
          {form.generalError && (
            <Alert color="red" variant="light">
              {form.generalError}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={topUp.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={topUp.isPending}>
              Top up
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
