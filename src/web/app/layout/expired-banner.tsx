import { Alert } from '@mantine/core';
import { IconCalendarOff } from '@tabler/icons-react';
import { AnchorLink } from '../../components/router-links';

/** Spec 004 §3: days ≤ 0 → Expired, restricted to Pricing and Payments — say so on every page, with the way out. */
export function ExpiredBanner({ planName }: { planName: string }) {
  return (
    <Alert color="orange" variant="light" icon={<IconCalendarOff size={18} />} mb="lg" data-testid="expired-banner" title="Your plan has expired">
      Your {planName} plan has no service days left, so channels and messaging are paused.{' '}
      <AnchorLink to="/pricing" fw={600}>
        Renew on the Pricing page
      </AnchorLink>
      .
    </Alert>
  );
}
