import { Alert, Button, Card, Group, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowRight, IconBrandWhatsapp, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { ChannelGuard, UserChannel } from '../../../contracts/channels';
import { useSession } from '../../app/session-context';
import { EmptyState } from '../../components/empty-state';
import { GuardedButton } from '../../components/guarded-button';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { ButtonLink } from '../../components/router-links';
import { AddChannelModal } from './add-channel-modal';
import { ChannelCard } from './channel-card';
import { useChannels } from './list-channels';
import { QrDialog } from './qr-dialog';

function limitText(guard: ChannelGuard): string {
  return guard.limit === -1 ? `${guard.used} of unlimited` : `${guard.used} of ${guard.limit}`;
}

/** Why "Add Channel" is off, in the server's words; a way to renew when service days ran out. */
function GuardAlert({ guard }: { guard: ChannelGuard }) {
  if (guard.canAdd || !guard.reason) return null;
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} mb="lg" data-testid="channel-guard">
      <Group justify="space-between" gap="sm">
        <Text size="sm" fw={500}>
          {guard.reason}
        </Text>
        {(guard.code === 'no_service' || guard.code === 'limit_reached') && (
          <ButtonLink to="/pricing" size="xs" color="orange" rightSection={<IconArrowRight size={14} />}>
            See plans
          </ButtonLink>
        )}
      </Group>
    </Alert>
  );
}

function LoadingCards() {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, xl: 3 }} spacing="lg" role="status" aria-label="Loading channels">
      {[0, 1].map((key) => (
        <Card key={key}>
          <Skeleton height={20} width="50%" mb="sm" />
          <Skeleton height={14} width="35%" mb="lg" />
          <Skeleton height={44} mb="md" />
          <Skeleton height={32} width={120} ml="auto" />
        </Card>
      ))}
    </SimpleGrid>
  );
}

/** User → Channels: days remaining, one card per WhatsApp number, "Add Channel" and "Show QR". */
export function ChannelsPage() {
  const { subscription } = useSession();
  const channels = useChannels();
  const [adding, setAdding] = useState(false);
  const [linking, setLinking] = useState<UserChannel | null>(null);
  const data = channels.data;
  // The list answers with the service days it checked the guards against; until it arrives, the session's copy.
  const daysRemaining = data?.daysRemaining ?? subscription?.daysRemaining ?? 0;

  const addButton = (
    <GuardedButton
      leftSection={<IconPlus size={16} />}
      blockedReason={data && !data.guard.canAdd ? (data.guard.reason ?? 'You cannot add a channel right now.') : null}
      disabled={!data}
      onClick={() => setAdding(true)}
    >
      Add Channel
    </GuardedButton>
  );

  let body;
  if (channels.isError && !data) {
    body = <LoadError title="Couldn't load your channels" message={channels.error.message} retrying={channels.isFetching} onRetry={() => void channels.refetch()} />;
  } else if (!data) {
    body = <LoadingCards />;
  } else if (data.channels.length === 0) {
    body = (
      <Card>
        <EmptyState
          icon={<IconBrandWhatsapp size={28} />}
          title="No channels yet."
          description={
            data.guard.canAdd
              ? 'Use “Add Channel” to add your first WhatsApp number, then link it by scanning a QR code.'
              : 'Once you can add channels, “Add Channel” creates your first WhatsApp number.'
          }
        />
        {data.guard.canAdd && (
          <Group justify="center" mb="lg">
            <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
              Add your first channel
            </Button>
          </Group>
        )}
      </Card>
    );
  } else {
    body = (
      <SimpleGrid cols={{ base: 1, sm: 2, xl: 3 }} spacing="lg">
        {data.channels.map((channel) => (
          <ChannelCard key={channel.id} channel={channel} onShowQr={setLinking} />
        ))}
      </SimpleGrid>
    );
  }

  return (
    <Stack gap={0} maw={1200}>
      <PageHeader
        title="Channels"
        description={
          <Group component="span" gap="lg" wrap="wrap">
            <Text span fw={600} c="var(--mantine-color-text)" data-testid="channels-days-remaining">
              Days remaining: {daysRemaining}
            </Text>
            {data && (
              <Text span c="dimmed" data-testid="channels-used">
                Channels: {limitText(data.guard)}
              </Text>
            )}
          </Group>
        }
        actions={addButton}
      />
      {data && <GuardAlert guard={data.guard} />}
      {body}
      <AddChannelModal opened={adding} onClose={() => setAdding(false)} />
      <QrDialog scope="user" channel={linking} onClose={() => setLinking(null)} />
    </Stack>
  );
}
