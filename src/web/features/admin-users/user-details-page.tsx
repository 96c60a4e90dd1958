import { Alert, Anchor, Center, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconBan } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { isApiError } from '../../app/api-client';
import { RoleBadge } from '../../components/account-badges';
import { EmptyState } from '../../components/empty-state';
import { LoadError } from '../../components/load-error';
import { AnchorLink } from '../../components/router-links';
import { useUserDetails } from './admin-users-api';
import { DaysHistoryCard } from './days-history-card';
import { EffectiveViewCard } from './effective-view-card';
import { OverridesCard } from './overrides-card';
import { PlanInfoCard } from './plan-info-card';
import { ServiceCard } from './service-card';
import { SubscriptionHistoryCard } from './subscription-history-card';
import { UserChannelsCard } from './user-channels-card';
import { UserHeaderActions } from './user-header-actions';
import { UserStatusBadge } from './user-status-badge';

const route = getRouteApi('/app/admin/users/$userId');

function BackLink() {
  return (
    <AnchorLink to="/admin/users" size="sm" c="dimmed" w="fit-content">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} /> All users
      </Group>
    </AnchorLink>
  );
}

/** Admin → Users → one user (spec 004 §3): plan, overrides, effective view, days, channels, ban. */
export function UserDetailsPage() {
  const { userId } = route.useParams();
  const details = useUserDetails(userId);
  const data = details.data;

  if (details.isError && !data) {
    return (
      <Stack gap="md">
        <BackLink />
        {isApiError(details.error, 'NOT_FOUND') ? (
          <EmptyState icon={<IconBan size={28} />} title="User not found." description="The account may have been removed, or the link is wrong." />
        ) : (
          <LoadError title="Couldn't load this user" message={details.error.message} retrying={details.isFetching} onRetry={() => void details.refetch()} />
        )}
      </Stack>
    );
  }
  if (!data) {
    return (
      <Center mih="40vh" role="status" aria-label="Loading">
        <Loader type="dots" />
      </Center>
    );
  }

  const { user } = data;
  return (
    <Stack gap="lg" maw={1200}>
      <BackLink />
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Title order={1} fz={{ base: 24, sm: 28 }} style={{ overflowWrap: 'anywhere' }}>
              {user.name}
            </Title>
            <UserStatusBadge status={user.userStatus} banReason={user.banReason} />
            <RoleBadge role={user.role} />
          </Group>
          <Anchor href={`mailto:${user.email}`} c="dimmed" size="sm" style={{ overflowWrap: 'anywhere' }}>
            {user.email}
          </Anchor>
        </Stack>
        <UserHeaderActions user={user} />
      </Group>
      {user.status === 'banned' && (
        <Alert color="red" variant="light" icon={<IconBan size={18} />} title="This user is banned" data-testid="banned-alert">
          <Text size="sm">Reason: {user.banReason ?? 'none given'}. They cannot sign in and none of their background work runs.</Text>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" style={{ alignItems: 'start' }}>
        <ServiceCard details={data} />
        <PlanInfoCard plan={data.plan} />
      </SimpleGrid>
      <OverridesCard details={data} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" style={{ alignItems: 'start' }}>
        <EffectiveViewCard details={data} />
        <UserChannelsCard userId={user.id} userName={user.name} used={user.channelsUsed} allowed={user.channelsAllowed} />
      </SimpleGrid>
      <DaysHistoryCard userId={user.id} />
      <SubscriptionHistoryCard userId={user.id} />
    </Stack>
  );
}
