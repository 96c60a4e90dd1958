import { Badge } from '@mantine/core';

const STATUS: Record<string, { label: string; color: string }> = {
  APPROVAL_PENDING: { label: 'Waiting for approval', color: 'gray' },
  APPROVED: { label: 'Approved', color: 'blue' },
  ACTIVE: { label: 'Active', color: 'green' },
  SUSPENDED: { label: 'Suspended by PayPal', color: 'orange' },
  CANCELLED: { label: 'Cancelled', color: 'gray' },
  EXPIRED: { label: 'Expired', color: 'gray' },
};

/** PayPal's subscription status in words, for the user's and the admin's Payments pages. */
export function PayPalStatusBadge({ status }: { status: string | null }) {
  const shown = STATUS[status ?? ''] ?? { label: status ?? 'Unknown', color: 'gray' };
  return (
    <Badge variant="light" color={shown.color}>
      {shown.label}
    </Badge>
  );
}
