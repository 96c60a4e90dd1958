import { Select, Stack, Text } from '@mantine/core';
import { IconBrandWhatsapp } from '@tabler/icons-react';
import type { SenderChannel } from '../../../contracts/messaging';
import { channelLabel } from './messaging-labels';

interface ChannelSelectProps {
  channels: readonly SenderChannel[];
  value: string;
  error?: string;
  onChange: (channelId: string) => void;
}

/** The user's own channels; one that cannot send now stays listed, disabled, with the server's reason. */
export function ChannelSelect({ channels, value, error, onChange }: ChannelSelectProps) {
  const byId = new Map(channels.map((channel) => [channel.id, channel]));
  return (
    <Select
      label="Channel"
      placeholder="Choose the WhatsApp number to send from"
      withAsterisk
      allowDeselect={false}
      leftSection={<IconBrandWhatsapp size={16} />}
      data={channels.map((channel) => ({ value: channel.id, label: channelLabel(channel), disabled: !channel.sendable }))}
      value={value || null}
      error={error}
      onChange={(next) => onChange(next ?? '')}
      renderOption={({ option }) => {
        const channel = byId.get(option.value);
        return (
          <Stack gap={0}>
            <Text size="sm">{option.label}</Text>
            {channel && !channel.sendable && channel.reason && (
              <Text size="xs" c="dimmed">
                {channel.reason}
              </Text>
            )}
          </Stack>
        );
      }}
    />
  );
}

/** The channel a form starts with: the only one that can send, so a one-number account never has to choose. */
export function defaultChannelId(channels: readonly SenderChannel[]): string {
  const sendable = channels.filter((channel) => channel.sendable);
  return sendable.length === 1 ? sendable[0]!.id : '';
}
