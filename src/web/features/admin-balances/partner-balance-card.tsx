import { Badge, Card, Group, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowRight, IconCalendarStats } from '@tabler/icons-react';
import type { PartnerBalance } from '../../../contracts/whapi-settings';
import { useWhapiStatus } from '../../app/whapi-status-query';
import { LoadError } from '../../components/load-error';
import { formatDays, isPartnerBalanceLow, partnerBalanceSentence } from '../../components/partner-balance';
import { ButtonLink } from '../../components/router-links';
import { SyncPartnerBalance } from './sync-partner-balance';

function Balance({ balance }: { balance: PartnerBalance }) {
  const low = isPartnerBalanceLow(balance);
  return (
    <Stack gap="sm">
      <Group gap="xs" align="baseline" wrap="nowrap">
        <Text fz={44} fw={800} lh={1} c={low ? 'orange' : undefined} data-testid="partner-days">
          {formatDays(balance.currentDays)}
        </Text>
        <Text c="dimmed" fw={500}>
          {balance.currentDays === 1 ? 'day remaining' : 'days remaining'}
        </Text>
        {low && (
          <Badge color="orange" variant="light" tt="none">
            At or below the limit
          </Badge>
        )}
      </Group>
      <Text size="sm" data-testid="partner-balance-sentence">
        {partnerBalanceSentence(balance)}
      </Text>
      <Text size="sm" c="dimmed">
        {balance.daysLimit === null
          ? 'Days limit: not reported in this notice.'
          : `Days limit: ${formatDays(balance.daysLimit)} days — WHAPI sends a notice when the balance falls to it.`}
      </Text>
    </Stack>
  );
}

function NoNotice() {
  return (
    <Stack gap="sm" align="flex-start">
      <Text size="sm" c="dimmed">
        No partner balance notice received yet. Register the partner days webhook in WHAPI Settings.
      </Text>
      <ButtonLink to="/admin/settings/whapi" variant="light" size="xs" rightSection={<IconArrowRight size={14} />}>
        Open WHAPI settings
      </ButtonLink>
    </Stack>
  );
}

/** The reseller's prepaid channel-days at WHAPI, as last reported by WHAPI's days webhook (DOMAIN.md "Days" §1). */
export function PartnerBalanceCard() {
  const status = useWhapiStatus(true);
  return (
    <Card component="section" aria-labelledby="partner-balance-title" data-testid="partner-balance-card">
      <Group gap="sm" mb="md" wrap="nowrap">
        <ThemeIcon size={40} radius="md" variant="light" color="teal" aria-hidden>
          <IconCalendarStats size={22} />
        </ThemeIcon>
        <Stack gap={0}>
          <Title id="partner-balance-title" order={2} fz="lg">
            Partner balance
          </Title>
          <Text size="xs" c="dimmed">
            Your prepaid channel-days at WHAPI
          </Text>
        </Stack>
      </Group>
      {status.data ? (
        status.data.partnerBalance ? (
          <>
            <Balance balance={status.data.partnerBalance} />
            <SyncPartnerBalance />
          </>
        ) : (
          <NoNotice />
        )
      ) : status.isError ? (
        <LoadError title="Couldn't load the partner balance" message={status.error.message} retrying={status.isFetching} onRetry={() => void status.refetch()} />
      ) : (
        <Stack gap="sm" aria-hidden>
          <Skeleton height={44} width={140} radius="sm" />
          <Skeleton height={14} width="80%" radius="sm" />
          <Skeleton height={28} width="50%" radius="sm" />
        </Stack>
      )}
    </Card>
  );
}
