import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import { IconBrandWhatsapp } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import type { AdminChannel, AdminChannelPage } from '../../../contracts/channels';
import { EmptyState } from '../../components/empty-state';
import { hasActiveFilters } from '../../components/list-filters';
import { ListPagination } from '../../components/list-pagination';
import { ListResults } from '../../components/list-results';
import { PageHeader } from '../../components/page-header';
import { QrDialog } from '../channels/qr-dialog';
import { AdminChannelDrawer } from './admin-channel-drawer';
import { AdminChannelFilters } from './admin-channel-filters';
import { toAdminChannelQuery, type AdminChannelsSearch } from './admin-channels-search';
import { AdminChannelsTable } from './admin-channels-table';
import { DeleteChannelModal } from './delete-channel-modal';
import { ExtendChannelModal } from './extend-channel-modal';
import { useAdminChannels } from './list-admin-channels';

const route = getRouteApi('/app/admin/channels');
const count = new Intl.NumberFormat();

function Counts({ counts }: { counts: AdminChannelPage['counts'] }) {
  const items = [
    { label: 'Active', value: counts.active, color: 'teal' },
    { label: 'Unauthorized', value: counts.unauthorized, color: 'yellow' },
    { label: 'Disconnected', value: counts.disconnected, color: 'orange' },
    { label: 'Suspended', value: counts.suspended, color: 'red' },
    { label: 'Awaiting days', value: counts.pending, color: 'gray' },
  ];
  return (
    <Group gap="xs" mb="md" data-testid="channel-counts">
      <Text size="sm" c="dimmed" mr={4}>
        {count.format(counts.total)} {counts.total === 1 ? 'channel' : 'channels'}:
      </Text>
      {items.map((item) => (
        <Badge key={item.label} variant="light" color={item.color} tt="none" fw={500}>
          {item.label} {count.format(item.value)}
        </Badge>
      ))}
    </Group>
  );
}

/** Admin → Channels: every user's channels, searchable, with details, re-authorize, allocation and delete. */
export function AdminChannelsPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const channels = useAdminChannels(toAdminChannelQuery(search));
  const [viewing, setViewing] = useState<string | null>(null);
  const [extending, setExtending] = useState<{ channel: AdminChannel; mainBalanceDays: number | null } | null>(null);
  const [deleting, setDeleting] = useState<AdminChannel | null>(null);
  const [linking, setLinking] = useState<AdminChannel | null>(null);
  const { page, ...filters } = search;
  const filtered = hasActiveFilters(filters);

  // Any filter change starts again from the first page.
  const setFilters = (next: Omit<AdminChannelsSearch, 'page'>) => void navigate({ search: next, replace: true });
  const setPage = (next: number) => void navigate({ search: { ...search, page: next > 1 ? next : undefined } });

  const data = channels.data;
  const userLabel = search.userId ? (data?.items.find((item) => item.user.id === search.userId)?.user.email ?? null) : null;

  return (
    <Stack gap={0}>
      <PageHeader title="Channels" description="Every user's WhatsApp channels: their link and days, re-authorize, allocate days or delete with a refund." />
      <AdminChannelFilters filters={filters} userLabel={userLabel} onChange={setFilters} />
      {data && <Counts counts={data.counts} />}
      <Card padding={0}>
        <ListResults
          query={channels}
          errorTitle="Couldn't load the channels"
          isEmpty={(result) => result.items.length === 0}
          empty={
            filtered ? (
              <EmptyState icon={<IconBrandWhatsapp size={28} />} title="No channels match these filters." description="Try another search or clear the filters." />
            ) : (
              <EmptyState icon={<IconBrandWhatsapp size={28} />} title="No channels yet." description="Channels appear here as soon as users add them." />
            )
          }
        >
          <AdminChannelsTable
            channels={data?.items}
            refreshing={channels.isPlaceholderData}
            onView={(channel) => setViewing(channel.id)}
            onDelete={setDeleting}
            onFilterUser={(channel) => setFilters({ ...filters, userId: channel.user.id })}
          />
        </ListResults>
      </Card>
      <ListPagination data={data} page={page ?? 1} onPageChange={setPage} noun={{ one: 'channel', many: 'channels' }} label="Channel pages" testId="channels-total" />
      <AdminChannelDrawer
        channelId={viewing}
        onClose={() => setViewing(null)}
        actions={{
          onReauthorize: setLinking,
          onExtend: (channel, mainBalanceDays) => setExtending({ channel, mainBalanceDays }),
          onDelete: setDeleting,
        }}
      />
      <ExtendChannelModal channel={extending?.channel ?? null} mainBalanceDays={extending?.mainBalanceDays ?? null} onClose={() => setExtending(null)} />
      <DeleteChannelModal
        channel={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={() => {
          if (viewing === deleting?.id) setViewing(null);
          setDeleting(null);
        }}
      />
      <QrDialog scope="admin" channel={linking} title={linking ? `Re-authorize ${linking.name}` : undefined} onClose={() => setLinking(null)} />
    </Stack>
  );
}
