import { Badge, Text, Tooltip } from '@mantine/core';
import { IconCalendarStats } from '@tabler/icons-react';
import type { PartnerBalance } from '../../../contracts/whapi-settings';
import { formatDays, isPartnerBalanceLow, partnerBalanceSentence } from '../../components/partner-balance';
import { AnchorLink } from '../../components/router-links';

/**
 * The reseller's WHAPI days, always in sight while they work (DOMAIN.md "Days" §1). The full sentence needs
 * a wide header; tablets get the number alone and phones leave it to the Billing & Balances page.
 */
export function HeaderPartnerBalance({ balance }: { balance: PartnerBalance }) {
  const sentence = partnerBalanceSentence(balance);
  return (
    <>
      <AnchorLink
        to="/admin/balances"
        visibleFrom="md"
        size="sm"
        c="dimmed"
        underline="hover"
        data-testid="header-partner-balance"
        style={{ whiteSpace: 'nowrap' }}
      >
        <Text span inherit style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
          <IconCalendarStats size={16} stroke={1.7} aria-hidden />
          {sentence}
        </Text>
      </AnchorLink>
      <Tooltip label={sentence}>
        <AnchorLink to="/admin/balances" visibleFrom="sm" hiddenFrom="md" aria-label={sentence} underline="never">
          <Badge
            variant="light"
            color={isPartnerBalanceLow(balance) ? 'orange' : 'teal'}
            size="lg"
            tt="none"
            leftSection={<IconCalendarStats size={14} />}
          >
            {formatDays(balance.currentDays)} days
          </Badge>
        </AnchorLink>
      </Tooltip>
    </>
  );
}
