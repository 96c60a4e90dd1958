import { Badge, Button, Card, Group, Skeleton, Stack, Text, ThemeIcon, Title, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertTriangle, IconCircleCheck, IconPlus, IconWallet } from '@tabler/icons-react';
import type { BalanceSummary } from '../../../contracts/balances';
import { LoadError } from '../../components/load-error';
import { formatDateTime, formatDays } from '../../components/partner-balance';
import { useBalanceSummary } from './balance-summary-query';
import { TopUpModal } from './top-up-modal';

/** "A check proves it" (DOMAIN.md "Ledger"): the balance next to the sum of its ledger rows. */
function LedgerCheck({ ledger, days }: { ledger: BalanceSummary['ledger']; days: number }) {
  if (ledger.consistent) {
    return (
      <Tooltip label="The main balance equals the sum of its ledger rows (top-ups + refunds + syncs − allocations).">
        <Badge color="teal" variant="light" tt="none" leftSection={<IconCircleCheck size={14} />} data-testid="ledger-check">
          Ledger consistent
        </Badge>
      </Tooltip>
    );
  }
  return (
    <Badge color="red" variant="light" tt="none" leftSection={<IconAlertTriangle size={14} />} data-testid="ledger-check">
      Ledger mismatch: rows sum to {formatDays(ledger.sum)}, balance is {formatDays(days)}
    </Badge>
  );
}

function Balance({ summary, onTopUp }: { summary: BalanceSummary; onTopUp: () => void }) {
  const { days, updatedAt } = summary.mainBalance;
  return (
    <Stack gap="sm">
      <Text fz={{ base: 26, xs: 32 }} fw={800} lh={1.15} data-testid="main-balance">
        Main Balance: {formatDays(days)} {days === 1 ? 'day' : 'days'}
      </Text>
      <Group gap="xs">
        <LedgerCheck ledger={summary.ledger} days={days} />
      </Group>
      <Text size="sm" c="dimmed">
        Allocating days to a channel takes them from here; deleting a channel returns its unused whole days. Last change{' '}
        {formatDateTime(updatedAt)}.
      </Text>
      <Group>
        <Button leftSection={<IconPlus size={16} />} onClick={onTopUp}>
          Top Up
        </Button>
      </Group>
    </Stack>
  );
}

/** The admin's own counter of channel-days to allocate (DOMAIN.md "Days" §2); it never goes below 0. */
export function MainBalanceCard() {
  const summary = useBalanceSummary();
  const [topUpOpen, topUp] = useDisclosure(false);
  return (
    <Card component="section" aria-labelledby="main-balance-title" data-testid="main-balance-card">
      <Group gap="sm" mb="md" wrap="nowrap">
        <ThemeIcon size={40} radius="md" variant="light" aria-hidden>
          <IconWallet size={22} />
        </ThemeIcon>
        <Stack gap={0}>
          <Title id="main-balance-title" order={2} fz="lg">
            Main balance
          </Title>
          <Text size="xs" c="dimmed">
            Channel-days you can allocate to users' channels
          </Text>
        </Stack>
      </Group>
      {summary.data ? (
        <Balance summary={summary.data} onTopUp={topUp.open} />
      ) : summary.isError ? (
        <LoadError title="Couldn't load the main balance" message={summary.error.message} retrying={summary.isFetching} onRetry={() => void summary.refetch()} />
      ) : (
        <Stack gap="sm" aria-hidden>
          <Skeleton height={36} width={260} radius="sm" />
          <Skeleton height={20} width={140} radius="xl" />
          <Skeleton height={14} width="90%" radius="sm" />
          <Skeleton height={36} width={100} radius="sm" />
        </Stack>
      )}
      <TopUpModal opened={topUpOpen} onClose={topUp.close} />
    </Card>
  );
}
