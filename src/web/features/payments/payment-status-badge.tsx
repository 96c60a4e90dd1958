import { Badge } from '@mantine/core';
import type { PaymentStatus } from '../../../contracts/payments';
import { STATUS_LABELS } from './payments-api';

export function PaymentStatusBadge({ status }: { status: PaymentStatus }) {
  const { label, color } = STATUS_LABELS[status];
  return (
    <Badge variant="light" color={color}>
      {label}
    </Badge>
  );
}
