import { Badge } from '@mantine/core';
import type { z } from 'zod';
import type { tokenStatus } from '../../../contracts/whapi-settings';

const STATUS: Record<z.infer<typeof tokenStatus>, { label: string; color: string }> = {
  missing: { label: 'Missing', color: 'gray' },
  unverified: { label: 'Not verified', color: 'yellow' },
  valid: { label: 'Valid', color: 'teal' },
  invalid: { label: 'Invalid', color: 'red' },
};

export function TokenStatusBadge({ status }: { status: z.infer<typeof tokenStatus> }) {
  const { label, color } = STATUS[status];
  return (
    <Badge variant="light" color={color} size="lg" tt="none" data-testid="token-status">
      {label}
    </Badge>
  );
}
