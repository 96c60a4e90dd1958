import { Alert, Box, Button, Center, Group, Image, List, Loader, Progress, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconClockPause, IconRefresh } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { QR_MAX_ROTATIONS } from '../../../contracts/channels';
import type { QrView } from './use-qr-session';

const QR_SIZE = 264;

function countdown(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function Frame({ children }: { children: ReactNode }) {
  return (
    <Center
      w={QR_SIZE}
      h={QR_SIZE}
      maw="100%"
      mx="auto"
      style={{ borderRadius: 'var(--mantine-radius-md)', border: '1px solid var(--mantine-color-default-border)', background: 'white' }}
    >
      {children}
    </Center>
  );
}

interface QrCodePanelProps {
  channelName: string;
  view: QrView;
  secondsLeft: number;
  onRefresh: () => void;
  onRetry: () => void;
  onClose: () => void;
}

/** What the QR tab shows in each state of the session: code + countdown, stop, already linked, or the error. */
export function QrCodePanel({ channelName, view, secondsLeft, onRefresh, onRetry, onClose }: QrCodePanelProps) {
  if (view.kind === 'already_linked') {
    return (
      <Stack align="center" ta="center" gap="sm" py="md" data-testid="qr-already-linked">
        <ThemeIcon size={56} radius="xl" variant="light" color="teal">
          <IconCircleCheck size={32} />
        </ThemeIcon>
        <Text fw={600}>{view.message}</Text>
        <Text size="sm" c="dimmed">
          To link another phone, unlink this one from WhatsApp first (Settings → Linked devices).
        </Text>
        <Button mt="xs" onClick={onClose} data-autofocus>
          Close
        </Button>
      </Stack>
    );
  }
  if (view.kind === 'error') {
    return (
      <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title="Couldn't get a QR code">
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{view.message}</Text>
          <Button size="xs" variant="light" color="red" leftSection={<IconRefresh size={14} />} onClick={onRetry}>
            Try again
          </Button>
        </Stack>
      </Alert>
    );
  }
  if (view.kind === 'stopped') {
    return (
      <Stack align="center" ta="center" gap="sm" py="md" data-testid="qr-stopped">
        <ThemeIcon size={56} radius="xl" variant="light" color="gray">
          <IconClockPause size={30} />
        </ThemeIcon>
        <Text fw={600}>The QR code expired</Text>
        <Text size="sm" c="dimmed">
          We stopped after {view.maxRotations} codes without a scan. Get a new one when your phone is ready.
        </Text>
        <Button mt="xs" leftSection={<IconRefresh size={16} />} onClick={onRetry}>
          Generate a new QR code
        </Button>
      </Stack>
    );
  }

  const shown = view.kind === 'qr' ? view : null;
  return (
    <Stack gap="md">
      <Frame>
        {shown?.image ? (
          <Image src={shown.image} alt={`WhatsApp QR code for ${channelName}`} w={QR_SIZE - 16} h={QR_SIZE - 16} fit="contain" maw="100%" />
        ) : shown ? (
          <Text size="sm" c="dark" p="md" ta="center">
            WhatsApp did not send a QR image this time. Refresh to get a new code.
          </Text>
        ) : (
          <Stack align="center" gap="xs" role="status" aria-label="Generating QR code">
            <Loader color="teal" />
            <Text size="sm" c="dark">
              Generating QR code…
            </Text>
          </Stack>
        )}
      </Frame>
      <Box>
        <Group justify="space-between" mb={6} gap="xs">
          <Text size="sm" fw={500} data-testid="qr-countdown" aria-live="off">
            {shown ? `Expires in ${countdown(secondsLeft)}` : view.rotation > 1 ? 'Getting a new code…' : 'Waking the channel…'}
          </Text>
          <Text size="xs" c="dimmed">
            Code {view.rotation} of {shown?.maxRotations ?? QR_MAX_ROTATIONS}
          </Text>
        </Group>
        <Progress value={shown ? (secondsLeft * 100) / shown.lifetimeSeconds : 0} size="sm" aria-hidden transitionDuration={900} />
      </Box>
      <List type="ordered" size="sm" spacing={4} c="dimmed">
        <List.Item>Open WhatsApp on the phone with this channel&apos;s number.</List.Item>
        <List.Item>Go to Settings → Linked devices → Link a device.</List.Item>
        <List.Item>Point the camera at this code. The window updates by itself once linked.</List.Item>
      </List>
      <Group justify="flex-end">
        <Button variant="light" leftSection={<IconRefresh size={16} />} onClick={onRefresh} disabled={!shown}>
          Refresh QR
        </Button>
      </Group>
    </Stack>
  );
}
