import { Card, Group, NumberInput, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSend } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import {
  CAMPAIGN_MAX_INTERVAL_SECONDS,
  createCampaignBody,
  MESSAGING_MESSAGES,
  type CreateCampaignReply,
  type SenderChannel,
  type UsageFigure,
} from '../../../contracts/messaging';
import { useFormFields } from '../../app/use-form-fields';
import { GuardedButton } from '../../components/guarded-button';
import { CampaignCreatedAlert } from './campaign-created-alert';
import { ChannelSelect, defaultChannelId } from './channel-select';
import { useCreateCampaign } from './create-campaign';
import { MessageField } from './message-field';
import { RecipientsInput } from './recipients-input';
import { SubmitAlert } from './submit-alert';
import { isLimitReached } from './usage-figures';

interface CampaignFormProps {
  channels: readonly SenderChannel[];
  bulk: UsageFigure;
}

/** Bulk → "New campaign": one message to a list of numbers, paced so WhatsApp sees a steady sender. */
export function CampaignForm({ channels, bulk }: CampaignFormProps) {
  const create = useCreateCampaign();
  const form = useFormFields({ name: '', channelId: defaultChannelId(channels), body: '', recipients: '', intervalSeconds: '0' }, create.error);
  const [created, setCreated] = useState<CreateCampaignReply | null>(null);
  // The usage we hold may be from the previous period: once it has turned over, let the server decide.
  const blocked = isLimitReached(bulk) && Date.now() < Date.parse(bulk.resetsAt) ? MESSAGING_MESSAGES.bulkLimit : null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setCreated(null);
    const body = form.validate(createCampaignBody);
    if (!body) return;
    create.mutate(body, {
      onSuccess: (reply) => {
        notifications.show({ color: 'teal', title: reply.campaign.name, message: reply.notice });
        setCreated(reply);
        // The next campaign most often goes out on the same channel at the same pace.
        form.reset({ name: '', channelId: form.values.channelId, body: '', recipients: '', intervalSeconds: form.values.intervalSeconds });
      },
    });
  };

  return (
    <Card component="section" aria-labelledby="campaign-form-title">
      <Title id="campaign-form-title" order={2} fz="lg" mb="md">
        New campaign
      </Title>
      <form onSubmit={submit} noValidate aria-label="New campaign">
        <Stack gap="md">
          {created && <CampaignCreatedAlert reply={created} onClose={() => setCreated(null)} />}
          <SubmitAlert error={create.error} message={form.generalError} />
          <TextInput label="Campaign name" placeholder="May promotion" withAsterisk maxLength={120} {...form.bind('name')} />
          <ChannelSelect channels={channels} value={form.values.channelId} error={form.errors.channelId} onChange={(id) => form.set('channelId', id)} />
          <MessageField value={form.values.body} error={form.errors.body} onChange={(event) => form.set('body', event.currentTarget.value)} />
          <RecipientsInput value={form.values.recipients} error={form.errors.recipients} onChange={(text) => form.set('recipients', text)} />
          <NumberInput
            label="Seconds between messages"
            description="0 = send as fast as WhatsApp allows"
            min={0}
            max={CAMPAIGN_MAX_INTERVAL_SECONDS}
            step={1}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="strict"
            maw={260}
            value={form.values.intervalSeconds}
            error={form.errors.intervalSeconds}
            onChange={(value) => form.set('intervalSeconds', String(value))}
          />
          <Group justify="flex-end">
            <GuardedButton type="submit" leftSection={<IconSend size={16} />} loading={create.isPending} blockedReason={blocked}>
              Start campaign
            </GuardedButton>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
