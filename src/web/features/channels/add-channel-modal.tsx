import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import type { FormEvent } from 'react';
import { createChannelBody } from '../../../contracts/channels';
import { useFormFields } from '../../app/use-form-fields';
import { useCreateChannel } from './create-channel';

const EMPTY = { name: '', phone: '' };

/** The number as it will be stored (E.164), once it is a valid international number. */
function e164Preview(value: string): string | null {
  const parsed = value.trim().startsWith('+') ? parsePhoneNumberFromString(value.trim()) : undefined;
  return parsed?.isValid() ? parsed.number : null;
}

/**
 * "Add Channel" (DOMAIN.md "Channels"): a name and the WhatsApp number in international format. With `forUser`,
 * an admin creates the channel for that user.
 */
export function AddChannelModal({
  opened,
  onClose,
  forUser,
}: {
  opened: boolean;
  onClose: () => void;
  forUser?: { id: string; name: string };
}) {
  const create = useCreateChannel(forUser?.id);
  const form = useFormFields(EMPTY, create.error);
  const preview = e164Preview(form.values.phone);

  const close = () => {
    onClose();
    create.reset();
    form.reset();
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = form.validate(createChannelBody);
    if (!body) return;
    create.mutate(body, {
      onSuccess: ({ channel, autoAllocationQueued }) => {
        notifications.show({
          color: 'teal',
          title: `Channel “${channel.name}” created`,
          message: forUser
            ? autoAllocationQueued
              ? `Days are being allocated from ${forUser.name}'s plan.`
              : 'Activate it with days from the main balance when you are ready.'
            : autoAllocationQueued
              ? 'Days are being allocated from your plan. You can show the QR code as soon as it is active.'
              : 'An admin will allocate days to it; you can show the QR code once it is active.',
        });
        close();
      },
    });
  };

  return (
    <Modal opened={opened} onClose={close} title={forUser ? `Add channel for ${forUser.name}` : 'Add channel'} centered>
      <form onSubmit={submit} noValidate aria-label="Add channel">
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            A channel is one WhatsApp number. After it is created and active, link it by scanning a QR code with
            WhatsApp on that phone.
          </Text>
          {form.generalError && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />}>
              {form.generalError}
            </Alert>
          )}
          <TextInput label="Channel name" placeholder="Sales line" maxLength={80} withAsterisk data-autofocus {...form.bind('name')} />
          <TextInput
            label="WhatsApp number"
            type="tel"
            autoComplete="tel"
            placeholder="+973 3612 3456"
            description={preview ? `Saved as ${preview}` : 'International format with the country code, starting with +'}
            withAsterisk
            {...form.bind('phone')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={create.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create channel
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
