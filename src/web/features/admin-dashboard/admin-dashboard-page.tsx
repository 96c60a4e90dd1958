import { Center, Loader, SimpleGrid, Stack } from '@mantine/core';
import { IconArrowRight, IconCalendarStats, IconCash, IconScale } from '@tabler/icons-react';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { formatDays, isPartnerBalanceLow, partnerBalanceSentence } from '../../components/partner-balance';
import { ButtonLink } from '../../components/router-links';
import { ChannelsSummaryCard } from './channels-summary-card';
import { useAdminDashboard } from './dashboard-query';
import { ExpiringUsersCard } from './expiring-users-card';
import { PlansSummaryCard } from './plans-summary-card';
import { RecentAuditCard } from './recent-audit-card';
import { StatTile } from './stat-tile';
import { UsersSummaryCard } from './users-summary-card';

const count = new Intl.NumberFormat();

/** The admin's landing page (spec 004 §7): users and billing, channels, plans, payments, balances, activity. */
export function AdminDashboardPage() {
  const dashboard = useAdminDashboard();
  const data = dashboard.data;

  return (
    <Stack gap={0} maw={1300}>
      <PageHeader title="Admin dashboard" description="Customers, days, channels and money at a glance." />
      {dashboard.isError && !data ? (
        <LoadError title="Couldn't load the dashboard" message={dashboard.error.message} retrying={dashboard.isFetching} onRetry={() => void dashboard.refetch()} />
      ) : !data ? (
        <Center mih="40vh" role="status" aria-label="Loading">
          <Loader type="dots" />
        </Center>
      ) : (
        <Stack gap="lg">
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="lg">
            <StatTile
              icon={<IconCash size={18} />}
              color={data.payments.pending > 0 ? 'orange' : 'teal'}
              label="Pending payments"
              value={count.format(data.payments.pending)}
              detail={data.payments.pending > 0 ? 'Offline payments waiting for your decision.' : 'Nothing waiting for approval.'}
              action={
                <ButtonLink to="/admin/payments" variant="light" size="xs" rightSection={<IconArrowRight size={14} />}>
                  Review payments
                </ButtonLink>
              }
              testId="pending-payments"
            />
            <StatTile
              icon={<IconScale size={18} />}
              color="blue"
              label="Main balance"
              value={`${count.format(data.mainBalance.days)} ${data.mainBalance.days === 1 ? 'day' : 'days'}`}
              detail="Channel-days you can allocate to users' channels."
              action={
                <ButtonLink to="/admin/balances" variant="light" size="xs" rightSection={<IconArrowRight size={14} />}>
                  Billing & Balances
                </ButtonLink>
              }
              testId="main-balance"
            />
            <StatTile
              icon={<IconCalendarStats size={18} />}
              color={data.partnerBalance && isPartnerBalanceLow(data.partnerBalance) ? 'orange' : 'teal'}
              label="Partner balance"
              value={data.partnerBalance ? `${formatDays(data.partnerBalance.currentDays)} days` : '—'}
              detail={
                data.partnerBalance
                  ? partnerBalanceSentence(data.partnerBalance)
                  : 'No notice from WHAPI yet. Register the partner days webhook in WHAPI Settings.'
              }
              testId="partner-balance"
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg" style={{ alignItems: 'start' }}>
            <Stack gap="lg">
              <UsersSummaryCard users={data.users} />
              <ExpiringUsersCard expiring={data.expiring} />
              <ChannelsSummaryCard channels={data.channels} />
            </Stack>
            <Stack gap="lg">
              <PlansSummaryCard />
              <RecentAuditCard entries={data.recentAudit} />
            </Stack>
          </SimpleGrid>
        </Stack>
      )}
    </Stack>
  );
}
