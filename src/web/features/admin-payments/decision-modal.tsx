import { Alert, Button, Group, Modal, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { AdminPayment } from '../../../contracts/payments';
import { useDecidePayment } from './admin-payments-api';

/** Approve (days, defaulting to the plan's period) or reject (a required reason). Server errors show as sent. */
export function DecisionModal({ payment, kind, onClose }: { payment: AdminPayment; kind: 'approve' | 'reject'; onClose: () => void }) {
  const decide = useDecidePayment();
  const [days, setDays] = useState<number | string>(payment.periodDays);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (kind === 'approve') {
      const value = typeof days === 'number' ? days : Number(days);
      if (!Number.isInteger(value) || value < 1 || value > 3650) return setProblem('Enter whole days from 1 to 3650.');
      setProblem(null);
      decide.mutate({ kind, id: payment.id, days: value }, { onSuccess: onClose });
    } else {
      if (!reason.trim()) return setProblem('Give a reason.');
      setProblem(null);
      decide.mutate({ kind, id: payment.id, reason: reason.trim() }, { onSuccess: onClose });
    }
  };

  const title = kind === 'approve' ? 'Approve payment' : 'Reject payment';
  return (
    <Modal opened onClose={onClose} title={title} centered>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Text size="sm">
            {payment.user.name} ({payment.user.email}) · {payment.planName} · reference {payment.reference}
          </Text>
          {kind === 'approve' ? (
            <NumberInput
              label="Days to credit"
              description={`The plan's billing period is ${payment.periodDays} days.`}
              min={1}
              max={3650}
              allowDecimal={false}
              value={days}
              onChange={setDays}
              error={problem}
              data-autofocus
            />
          ) : (
            <Textarea
              label="Reason"
              description="The user sees this reason."
              required
              maxLength={1000}
              autosize
              minRows={3}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              error={problem}
              data-autofocus
            />
          )}
          {decide.error && (
            <Alert color="red" variant="light">
              {decide.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color={kind === 'approve' ? 'green' : 'red'} loading={decide.isPending}>
              {kind === 'approve' ? 'Approve' : 'Reject'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
