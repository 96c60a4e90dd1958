import { Alert, Button, Group, PasswordInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconServer, IconTrash } from '@tabler/icons-react';
import type { FormEvent } from 'react';
import { z } from 'zod';
import { fromAddress, smtpUrl, type EmailSettings } from '../../../contracts/settings';
import { useFormFields } from '../../app/use-form-fields';
import { ConfirmModal } from '../../components/confirm-modal';
import { EmailSourceBadge } from './email-source-badge';
import { SettingsCard } from '../../components/settings-card';
import { useUpdateEmailSettings } from './update-email-settings';

const SOURCE_NOTE: Record<EmailSettings['source'], string> = {
  settings: 'Emails go through the server saved here.',
  environment: "Emails go through the server in the app's SMTP_URL. Save one here to use another.",
  none: 'Notifications stay in the app and emails are only logged until you save a mail server.',
};

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={2} miw={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700} style={{ letterSpacing: '0.04em' }}>
        {label}
      </Text>
      <Text size="sm" fw={500} ff={label === 'Server' ? 'monospace' : undefined} style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Text>
    </Stack>
  );
}

export function SmtpServerCard({ settings }: { settings: EmailSettings }) {
  const save = useUpdateEmailSettings();
  const clear = useUpdateEmailSettings();
  const [confirmOpen, confirm] = useDisclosure(false);
  const initial = { smtpUrl: '', fromAddress: settings.fromAddress ?? '' };
  const form = useFormFields(initial, save.error);
  // With nothing configured, the URL is the point of the form; otherwise an empty field keeps the current server.
  const schema = z.object({
    smtpUrl: settings.source === 'none' ? smtpUrl.pipe(z.string().min(1, { error: 'Enter the SMTP URL of your mail server.' })) : smtpUrl,
    fromAddress,
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = form.validate(schema);
    if (!values) return;
    save.mutate(
      { fromAddress: values.fromAddress, ...(values.smtpUrl ? { smtpUrl: values.smtpUrl } : {}) },
      {
        onSuccess: (saved) => {
          form.reset({ smtpUrl: '', fromAddress: saved.fromAddress ?? '' });
          save.reset();
          notifications.show({ color: 'teal', title: 'Email settings saved', message: 'Send a test email to check that the server accepts it.' });
        },
      },
    );
  };

  const removeServer = () =>
    clear.mutate(
      { smtpUrl: '', fromAddress: settings.fromAddress ?? form.values.fromAddress },
      {
        onSuccess: () => {
          confirm.close();
          notifications.show({ color: 'gray', message: 'The saved mail server was removed.' });
        },
      },
    );

  return (
    <SettingsCard
      descriptionPlacement="below"
      id="smtp-title"
      icon={<IconServer size={22} />}
      title="Mail server"
      description="The SMTP server that sends notification emails. Its URL may hold a password: it is stored encrypted and never shown again."
      aside={<EmailSourceBadge source={settings.source} />}
    >
      <Stack gap="lg">
        <Text size="sm">{SOURCE_NOTE[settings.source]}</Text>
        {settings.configured && (
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            <Fact label="Server" value={settings.smtpDisplay ?? '—'} />
            <Fact label="From" value={settings.fromAddress ?? '—'} />
          </SimpleGrid>
        )}

        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            {form.generalError && (
              <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />}>
                {form.generalError}
              </Alert>
            )}
            <PasswordInput
              label="SMTP URL"
              description={
                settings.source === 'settings'
                  ? 'Leave empty to keep the saved server, or paste a new URL to replace it.'
                  : 'smtp://user:password@host:587, or smtps://user:password@host:465 for TLS from the start.'
              }
              placeholder="smtp://user:password@smtp.example.com:587"
              autoComplete="off"
              spellCheck={false}
              {...form.bind('smtpUrl')}
            />
            <TextInput
              label="From address"
              description="Who notification emails come from, e.g. OmniPlus <no-reply@example.com>."
              placeholder="OmniPlus <no-reply@example.com>"
              autoComplete="off"
              spellCheck={false}
              {...form.bind('fromAddress')}
            />
            <Group gap="sm" mt="xs">
              <Button type="submit" loading={save.isPending}>
                Save
              </Button>
              {settings.source === 'settings' && (
                <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={confirm.open}>
                  Remove saved server
                </Button>
              )}
            </Group>
          </Stack>
        </form>
      </Stack>

      <ConfirmModal
        error={clear.error}
        opened={confirmOpen}
        title="Remove the saved mail server?"
        confirmLabel="Remove server"
        loading={clear.isPending}
        onConfirm={removeServer}
        onClose={() => {
          confirm.close();
          clear.reset();
        }}
      >
        <Text size="sm">
          Emails will go through the app's SMTP_URL when it is set; otherwise notifications stay in the app and emails are only
          logged.
        </Text>
      </ConfirmModal>
    </SettingsCard>
  );
}
