import { SimpleGrid, Stack } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { PageHeader } from '../../components/page-header';
import { PartnerBalanceCard } from './partner-balance-card';
import { PartnerNoticesCard } from './partner-notices-card';

const route = getRouteApi('/app/admin/balances');

export function BalancesPage() {
  const { page } = route.useSearch();
  const navigate = route.useNavigate();
  const setPage = (next: number) => void navigate({ search: { page: next > 1 ? next : undefined } });

  return (
    <Stack gap={0} maw={1100}>
      <PageHeader title="Billing & Balances" description="Your channel-days at WHAPI and the notices WHAPI sends about them." />
      {/* Balance cards side by side on wide screens; the admin main balance joins this grid later. */}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" style={{ alignItems: 'start' }} mb="lg">
        <PartnerBalanceCard />
      </SimpleGrid>
      <PartnerNoticesCard page={page ?? 1} onPageChange={setPage} />
    </Stack>
  );
}
