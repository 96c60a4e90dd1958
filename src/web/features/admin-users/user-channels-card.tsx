import { Button, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconArrowRight, IconBrandWhatsapp, IconCalendarPlus, IconPlus, IconQrcode, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { AdminChannel } from '../../../contracts/channels';
import { CompactTable } from '../../components/compact-table';
import { ListResults } from '../../components/list-results';
import { ButtonLink } from '../../components/router-links';
import { DeleteChannelModal } from '../admin-channels/delete-channel-modal';
import { ExtendChannelModal } from '../admin-channels/extend-channel-modal';
import { useAdminChannels } from '../admin-channels/list-admin-channels';
import { AddChannelModal } from '../channels/add-channel-modal';
import { ChannelStatusBadge } from '../channels/channel-status-badge';
import { QrDialog } from '../channels/qr-dialog';
import { usersChanged } from './admin-users-api';
import { SectionCard } from './section-card';
import { daysLabel, formatDate, formatLimitValue } from './user-labels';

// A user has a handful of channels (their plan's limit); one page holds them all.
const ALL_OF_ONE_USER = 100;
const COLUMNS = ['Name', 'Status', 'Days left', 'Actions'] as const;

function ChannelActions({ channel, onQr, onExtend, onDelete }: { channel: AdminChannel; onQr: () => void; onExtend: () => void; onDelete: () => void }) {
  const qrButton = (
    <Button size="compact-xs" variant="light" leftSection={<IconQrcode size={14} />} onClick={onQr} disabled={!channel.qr.available}>
      Show QR
    </Button>
  );
  return (
    <Group gap={6} wrap="nowrap">
      {channel.qr.reason ? (
        <Tooltip label={channel.qr.reason} multiline maw={260} withArrow>
          <span>{qrButton}</span>
        </Tooltip>
      ) : (
        qrButton
      )}
      <Button size="compact-xs" variant="light" color="teal" leftSection={<IconCalendarPlus size={14} />} onClick={onExtend}>
        {channel.status === 'pending' ? 'Activate' : 'Extend days'}
      </Button>
      <Button size="compact-xs" variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={onDelete}>
        Delete
      </Button>
    </Group>
  );
}

/** The user's channels with their status and the quick actions of Admin → Channels (Show QR, Extend Days, Delete). */
export function UserChannelsCard({ userId, userName, used, allowed }: { userId: string; userName: string; used: number; allowed: number }) {
  const [adding, setAdding] = useState(false);
  const queryClient = useQueryClient();
  const channels = useAdminChannels({ page: 1, pageSize: ALL_OF_ONE_USER, userId });
  const [linking, setLinking] = useState<AdminChannel | null>(null);
  const [extending, setExtending] = useState<AdminChannel | null>(null);
  const [deleting, setDeleting] = useState<AdminChannel | null>(null);
  const list = channels.data?.items;
  return (
    <SectionCard
      id="user-channels-title"
      icon={<IconBrandWhatsapp size={20} />}
      title="Channels"
      description={`${used} of ${formatLimitValue(allowed)} allowed`}
      testId="user-channels"
      actions={
        <Group gap="xs" wrap="nowrap">
          {/* The server checks the user's guards (ban, service days, channel limit) and answers with the reason. */}
          <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)}>
            Add channel
          </Button>
          <ButtonLink to="/admin/channels" search={{ userId }} variant="light" size="xs" rightSection={<IconArrowRight size={14} />}>
            Open in Channels
          </ButtonLink>
        </Group>
      }
    >
      <ListResults
        query={channels}
        errorTitle="Couldn't load the channels"
        errorInset={false}
        isEmpty={(result) => result.items.length === 0}
        empty={
          <Text size="sm" c="dimmed">
            No channels yet.
          </Text>
        }
      >
        <CompactTable
          label="Channels of this user"
          columns={COLUMNS}
          items={list}
          minWidth={640}
          renderRow={(channel) => (
            <Table.Tr key={channel.id} data-testid="user-channel-row">
              <Table.Td>
                <Text size="sm" fw={500}>
                  {channel.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {channel.phone ?? 'No phone yet'}
                </Text>
              </Table.Td>
              <Table.Td>
                <ChannelStatusBadge status={channel.displayStatus} size="sm" />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">{channel.status === 'pending' ? 'Not allocated' : daysLabel(channel.daysLeft)}</Text>
                {channel.expiresAt && (
                  <Text size="xs" c="dimmed">
                    until {formatDate(channel.expiresAt)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <ChannelActions
                  channel={channel}
                  onQr={() => setLinking(channel)}
                  onExtend={() => setExtending(channel)}
                  onDelete={() => setDeleting(channel)}
                />
              </Table.Td>
            </Table.Tr>
          )}
        />
      </ListResults>
      <QrDialog scope="admin" channel={linking} onClose={() => setLinking(null)} />
      <ExtendChannelModal channel={extending} mainBalanceDays={null} onClose={() => setExtending(null)} />
      <DeleteChannelModal
        channel={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={() => {
          setDeleting(null);
          // Channels used changed (spec 004 §4 "Recompute user's Channels Used").
          void usersChanged(queryClient);
        }}
      />
      <AddChannelModal opened={adding} onClose={() => setAdding(false)} forUser={{ id: userId, name: userName }} />
    </SectionCard>
  );
}
