import { Card, List, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconArrowRight, IconBrandWhatsapp } from '@tabler/icons-react';
import { MESSAGING_MESSAGES, type SenderChannel } from '../../../contracts/messaging';
import { ButtonLink } from '../../components/router-links';

/** Nothing can be sent yet: say so in the server's words, why each channel cannot send, and the way to Channels. */
export function NoChannelCard({ channels }: { channels: readonly SenderChannel[] }) {
  return (
    <Card data-testid="no-channel" py={40}>
      <Stack align="center" gap="xs" ta="center">
        <ThemeIcon size={52} radius="xl" variant="light" color="gray">
          <IconBrandWhatsapp size={28} />
        </ThemeIcon>
        <Text fw={600}>{MESSAGING_MESSAGES.noChannel}</Text>
        <Text size="sm" c="dimmed" maw={440}>
          {channels.length === 0
            ? 'Add a channel on the Channels page and link it by scanning a QR code with WhatsApp.'
            : 'None of your channels can send right now:'}
        </Text>
        {channels.length > 0 && (
          <List size="sm" spacing={4} ta="left" maw={440} c="dimmed">
            {channels.map((channel) => (
              <List.Item key={channel.id}>
                <Text span size="sm" fw={500} c="var(--mantine-color-text)">
                  {channel.name}
                </Text>
                {channel.reason ? ` — ${channel.reason}` : ''}
              </List.Item>
            ))}
          </List>
        )}
        <ButtonLink to="/channels" variant="light" mt="sm" rightSection={<IconArrowRight size={16} />}>
          Go to Channels
        </ButtonLink>
      </Stack>
    </Card>
  );
}
