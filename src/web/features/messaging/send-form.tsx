import { Card, Group, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSend } from '@tabler/icons-react';
import type { FormEvent } from 'react';
import { MESSAGING_MESSAGES, normalizeRecipient, sendMessageBody, type SenderChannel, type UsageFigure } from '../../../contracts/messaging';
import { useFormFields } from '../../app/use-form-fields';
import { GuardedButton } from '../../components/guarded-button';
import { ChannelSelect, defaultChannelId } from './channel-select';
import { MessageField } from './message-field';
import { useSendMessage } from './send-message';
import { SubmitAlert } from './submit-alert';
import { isLimitReached } from './usage-figures';

interface SendFormProps {
  channels: readonly SenderChannel[];
  daily: UsageFigure;
}

/** Send → one message: from which channel, to whom, what. The server checks it all again. */
export function SendForm({ channels, daily }: SendFormProps) {
  const send = useSendMessage();
  const form = useFormFields({ channelId: defaultChannelId(channels), to: '', body: '' }, send.error);
  const normalized = normalizeRecipient(form.values.to);
  // The usage we hold may be from before midnight: once its window has turned over, let the server decide.
  const blocked = isLimitReached(daily) && Date.now() < Date.parse(daily.resetsAt) ? MESSAGING_MESSAGES.dailyLimit : null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = form.validate(sendMessageBody);
    if (!body) return;
    send.mutate(body, {
      onSuccess: (reply) => {
        notifications.show({ color: 'teal', title: `Message to ${reply.message.to}`, message: reply.notice });
        // The next message most often goes out on the same channel.
        form.reset({ channelId: form.values.channelId, to: '', body: '' });
      },
    });
  };

  return (
    <Card component="section" aria-labelledby="send-form-title">
      <Title id="send-form-title" order={2} fz="lg" mb="md">
        New message
      </Title>
      <form onSubmit={submit} noValidate aria-label="Send a message">
        <Stack gap="md">
          <SubmitAlert error={send.error} message={form.generalError} />
          <ChannelSelect channels={channels} value={form.values.channelId} error={form.errors.channelId} onChange={(id) => form.set('channelId', id)} />
          <TextInput
            label="Recipient"
            type="tel"
            placeholder="+973 3612 3456"
            withAsterisk
            description={normalized ? `Sends to ${normalized}` : 'International format with the country code, e.g. +973 3612 3456'}
            {...form.bind('to')}
          />
          <MessageField value={form.values.body} error={form.errors.body} onChange={(event) => form.set('body', event.currentTarget.value)} />
          <Group justify="flex-end">
            <GuardedButton type="submit" leftSection={<IconSend size={16} />} loading={send.isPending} blockedReason={blocked}>
              Send
            </GuardedButton>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
