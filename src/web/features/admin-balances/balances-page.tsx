import { SimpleGrid, Stack } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { PageHeader } from '../../components/page-header';
import type { BalancesSearch, LedgerSearch } from './balances-search';
import { LedgerCard } from './ledger-card';
import { MainBalanceCard } from './main-balance-card';
import { PartnerBalanceCard } from './partner-balance-card';
import { PartnerNoticesCard } from './partner-notices-card';
import { UsersOverviewCard } from './users-overview-card';

const route = getRouteApi('/app/admin/balances');

const pageOrNothing = (next: number) => (next > 1 ? next : undefined);

export function BalancesPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const update = (patch: BalancesSearch, replace = false) => void navigate({ search: (current) => ({ ...current, ...patch }), replace });

  // A filter change starts the list again from its first page.
  const setLedgerFilters = (next: LedgerSearch) =>
    update({ txType: next.txType, txUser: next.txUser, txFrom: next.txFrom, txTo: next.txTo, txPage: undefined }, true);

  return (
    <Stack gap={0} maw={1200}>
      <PageHeader
        title="Billing & Balances"
        description="Your main balance of channel-days, its ledger, your partner balance at WHAPI and what each user holds."
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" style={{ alignItems: 'start' }} mb="lg">
        <MainBalanceCard />
        <PartnerBalanceCard />
      </SimpleGrid>
      <LedgerCard search={search} onFiltersChange={setLedgerFilters} onPageChange={(next) => update({ txPage: pageOrNothing(next) })} />
      <UsersOverviewCard
        search={search.usersSearch}
        page={search.usersPage ?? 1}
        onSearchChange={(usersSearch) => update({ usersSearch, usersPage: undefined }, true)}
        onPageChange={(next) => update({ usersPage: pageOrNothing(next) })}
      />
      <PartnerNoticesCard page={search.page ?? 1} onPageChange={(next) => update({ page: pageOrNothing(next) })} />
    </Stack>
  );
}
