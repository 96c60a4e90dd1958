import { Alert, Button, Code, Group, List, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { FormEvent } from 'react';
import { z } from 'zod';
import { phoneE164 } from '../../../contracts/leads';
import { useFormFields } from '../../app/use-form-fields';
import type { ChannelLinkScope } from './channel-link-scope';
import { useRequestPairingCode } from './request-pairing-code';

const pairingForm = z.object({ phone: phoneE164 });

/** Linking by code instead of the camera: enter the WhatsApp number, then type the code WhatsApp asks for. */
export function PairingCodePanel({ scope, channelId, phone }: { scope: ChannelLinkScope; channelId: string; phone: string | null }) {
  const pairing = useRequestPairingCode(scope, channelId);
  const form = useFormFields({ phone: phone ?? '' }, pairing.error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = form.validate(pairingForm);
    if (body) pairing.mutate(body.phone);
  };

  return (
    <Stack gap="md">
      <form onSubmit={submit} noValidate aria-label="Link with phone number">
        <Stack gap="sm">
          {form.generalError && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />}>
              {form.generalError}
            </Alert>
          )}
          <TextInput
            label="WhatsApp number"
            type="tel"
            autoComplete="tel"
            placeholder="+973 3612 3456"
            description="The number of the phone you are linking, with its country code"
            {...form.bind('phone')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={pairing.isPending} variant={pairing.data ? 'default' : 'filled'}>
              {pairing.data ? 'Get a new code' : 'Get pairing code'}
            </Button>
          </Group>
        </Stack>
      </form>
      {pairing.data && (
        <Stack gap="xs" align="center" ta="center" data-testid="pairing-code">
          <Text size="sm" c="dimmed">
            Pairing code for {pairing.data.phone}
          </Text>
          <Code fz={28} fw={700} px="md" py="xs" style={{ letterSpacing: '0.12em' }}>
            {pairing.data.code}
          </Code>
        </Stack>
      )}
      <List type="ordered" size="sm" spacing={4} c="dimmed">
        <List.Item>Open WhatsApp on that phone.</List.Item>
        <List.Item>Go to Settings → Linked devices → Link a device.</List.Item>
        <List.Item>Tap “Link with phone number instead” and type the code.</List.Item>
      </List>
    </Stack>
  );
}
