import { Badge } from '@mantine/core';
import type { EmailSource } from '../../../contracts/settings';

const SOURCE: Record<EmailSource, { label: string; color: string }> = {
  settings: { label: 'Configured here', color: 'teal' },
  environment: { label: 'From SMTP_URL', color: 'blue' },
  none: { label: 'Not configured', color: 'gray' },
};

export function EmailSourceBadge({ source }: { source: EmailSource }) {
  const { label, color } = SOURCE[source];
  return (
    <Badge variant="light" color={color} size="lg" tt="none" data-testid="email-source">
      {label}
    </Badge>
  );
}
