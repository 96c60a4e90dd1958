import { Alert, Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconKey, IconPlugConnected, IconTrash } from '@tabler/icons-react';
import type { FormEvent } from 'react';
import { z } from 'zod';
import { updateWhapiSettingsBody, type WhapiSettings } from '../../../contracts/whapi-settings';
import { useFormFields } from '../../app/use-form-fields';
import { ConfirmModal } from '../../components/confirm-modal';
import { GuardedButton } from '../../components/guarded-button';
import { formatDateTime } from '../../components/partner-balance';
import { SettingsCard } from '../../components/settings-card';
import { useTestWhapiConnection } from './test-whapi-connection';
import { TokenStatusBadge } from './token-status-badge';
import { useUpdateWhapiSettings } from './update-whapi-settings';

// The contract's rules for a token, after an emptiness check of our own (the server's field is optional).
const tokenForm = z.object({
  partnerToken: z.string().trim().min(1, { error: 'Paste the partner token from your WHAPI partner dashboard.' }).pipe(updateWhapiSettingsBody.shape.partnerToken.unwrap().unwrap()),
});

function Fact({ label, children }: { label: string; children: string }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700} style={{ letterSpacing: '0.04em' }}>
        {label}
      </Text>
      <Text size="sm" fw={500} ff={label === 'Stored token' ? 'monospace' : undefined}>
        {children}
      </Text>
    </Stack>
  );
}

export function TokenCard({ settings }: { settings: WhapiSettings }) {
  const save = useUpdateWhapiSettings();
  const clear = useUpdateWhapiSettings();
  const test = useTestWhapiConnection();
  const form = useFormFields({ partnerToken: '' }, save.error);
  const [confirmOpen, confirm] = useDisclosure(false);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = form.validate(tokenForm);
    if (!values) return;
    test.reset();
    save.mutate(values, {
      onSuccess: () => {
        form.reset();
        save.reset();
        notifications.show({ color: 'teal', title: 'Partner token saved', message: 'Test the connection to check that WHAPI accepts it.' });
      },
    });
  };

  const runTest = () =>
    test.mutate(undefined, {
      onSuccess: ({ projectCount }) =>
        notifications.show({ color: 'teal', message: `Connected to WHAPI — ${projectCount} project(s) found.` }),
    });

  const clearToken = () =>
    clear.mutate(
      { partnerToken: null },
      {
        onSuccess: () => {
          confirm.close();
          test.reset();
          notifications.show({ color: 'gray', message: 'Partner token cleared.' });
        },
      },
    );

  // WHAPI's own words from the last check; a fresh test failure below says the same thing more recently.
  const storedError = settings.tokenStatus === 'invalid' && settings.tokenError && !test.error ? settings.tokenError : null;

  return (
    <SettingsCard
      id="token-title"
      icon={<IconKey size={22} />}
      title="Partner token"
      description="Lets OmniPlus create, extend and delete channels in your WHAPI partner account. It is stored encrypted and never shown again."
      aside={<TokenStatusBadge status={settings.tokenStatus} />}
    >
      <Stack gap="lg">
        <Group gap="xl">
          <Fact label="Stored token">{settings.tokenConfigured ? `••••${settings.tokenLast4 ?? ''}` : 'None'}</Fact>
          <Fact label="Last checked">{settings.tokenCheckedAt ? formatDateTime(settings.tokenCheckedAt) : 'Never'}</Fact>
        </Group>

        {storedError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title="WHAPI refused this token">
            {storedError}
          </Alert>
        )}
        {test.error && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title="Connection failed" data-testid="test-connection-error">
            {test.error.message}
          </Alert>
        )}

        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            {form.generalError && (
              <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />}>
                {form.generalError}
              </Alert>
            )}
            <Group align="flex-start" gap="sm" wrap="wrap">
              <PasswordInput
                label="Partner token"
                description={settings.tokenConfigured ? 'Paste a new token to replace the stored one.' : 'Find it in your WHAPI partner dashboard.'}
                autoComplete="off"
                spellCheck={false}
                style={{ flex: '1 1 280px' }}
                {...form.bind('partnerToken')}
              />
              <Button type="submit" loading={save.isPending} mt={{ base: 0, xs: 42 }}>
                Save token
              </Button>
            </Group>
          </Stack>
        </form>

        <Group gap="sm">
          <GuardedButton
            variant="light"
            leftSection={<IconPlugConnected size={16} />}
            onClick={runTest}
            loading={test.isPending}
            blockedReason={settings.tokenConfigured ? null : 'Save a partner token first.'}
          >
            Test connection
          </GuardedButton>
          {settings.tokenConfigured && (
            <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={confirm.open}>
              Clear token
            </Button>
          )}
        </Group>
      </Stack>

      <ConfirmModal
        error={clear.error}
        opened={confirmOpen}
        title="Clear the partner token?"
        confirmLabel="Clear token"
        loading={clear.isPending}
        onConfirm={clearToken}
        onClose={() => {
          confirm.close();
          clear.reset();
        }}
      >
        <Text size="sm">
          OmniPlus will stop talking to WHAPI: no channel can be created, extended or deleted until a new token is saved.
        </Text>
      </ConfirmModal>
    </SettingsCard>
  );
}
