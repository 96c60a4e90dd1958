import { ActionIcon, Box, Button, Center, Divider, Group, Indicator, Loader, Popover, ScrollArea, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { notifications as toasts } from '@mantine/notifications';
import { IconBell, IconChecks } from '@tabler/icons-react';
import { useRouter } from '@tanstack/react-router';
import { useState } from 'react';
import type { Notification } from '../../../contracts/notifications';
import { useBellNotifications } from './list-notifications';
import { useMarkAllNotificationsRead } from './mark-all-notifications-read';
import { useMarkNotificationRead } from './mark-notification-read';
import { timeAgo } from './time-ago';

function NotificationItem({ item, onOpen }: { item: Notification; onOpen: (item: Notification) => void }) {
  const unread = item.readAt === null;
  return (
    <UnstyledButton
      onClick={() => onOpen(item)}
      px="md"
      py="sm"
      w="100%"
      data-testid="notification-item"
      data-unread={unread || undefined}
      style={{ background: unread ? 'var(--mantine-primary-color-light)' : undefined, borderRadius: 'var(--mantine-radius-sm)' }}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Box
          mt={7}
          w={8}
          h={8}
          style={{ borderRadius: '50%', flexShrink: 0, background: unread ? 'var(--mantine-primary-color-filled)' : 'transparent' }}
          aria-hidden
        />
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text size="sm" fw={unread ? 600 : 400} lineClamp={2}>
            {item.title}
            {unread && <VisuallyHidden> (unread)</VisuallyHidden>}
          </Text>
          {item.body && (
            <Text size="xs" c="dimmed" lineClamp={2}>
              {item.body}
            </Text>
          )}
          <Text size="xs" c="dimmed" component="time" dateTime={item.createdAt} title={new Date(item.createdAt).toLocaleString()}>
            {timeAgo(item.createdAt)}
          </Text>
        </Stack>
      </Group>
    </UnstyledButton>
  );
}

/** The header bell: unread count, the latest notifications, and a way to clear them. */
export function NotificationBell() {
  const [opened, setOpened] = useState(false);
  const router = useRouter();
  const query = useBellNotifications();
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const unread = query.data?.unreadCount ?? 0;
  const label = unread > 0 ? `Notifications (${unread} unread)` : 'Notifications';

  const open = (item: Notification) => {
    if (item.readAt === null) markRead.mutate(item.id);
    setOpened(false);
    // Links are in-app paths written by the server (e.g. /admin/leads?id=…).
    if (item.link?.startsWith('/')) void router.navigate({ href: item.link });
  };

  const readAll = () =>
    markAll.mutate(undefined, {
      onError: (error) => toasts.show({ color: 'red', title: "Couldn't mark notifications read", message: error.message }),
    });

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={360} shadow="md" withArrow trapFocus>
      <Popover.Target>
        <Indicator
          label={unread > 99 ? '99+' : unread}
          size={18}
          offset={6}
          color="red"
          disabled={unread === 0}
          data-testid="notification-badge"
        >
          <ActionIcon variant="subtle" color="gray" size="lg" aria-label={label} onClick={() => setOpened((value) => !value)}>
            <IconBell size={20} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0}>
        <Group justify="space-between" px="md" py="sm">
          <Text fw={600}>Notifications</Text>
          <Button size="compact-xs" variant="subtle" leftSection={<IconChecks size={14} />} onClick={readAll} disabled={unread === 0} loading={markAll.isPending}>
            Mark all as read
          </Button>
        </Group>
        <Divider />
        {query.isPending ? (
          <Center py="lg">
            <Loader size="sm" />
          </Center>
        ) : query.isError ? (
          <Text size="sm" c="red" p="md">
            {query.error.message}
          </Text>
        ) : query.data.items.length === 0 ? (
          <Text size="sm" c="dimmed" ta="center" py="lg">
            You&apos;re all caught up.
          </Text>
        ) : (
          <ScrollArea.Autosize mah={420} type="auto">
            <Stack gap={2} p={4} role="list" aria-label="Latest notifications">
              {query.data.items.map((item) => (
                <div role="listitem" key={item.id}>
                  <NotificationItem item={item} onOpen={open} />
                </div>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
