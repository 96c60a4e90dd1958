import { Alert, Badge, Button, Group, List, PasswordInput, SegmentedControl, Skeleton, Stack, Text, TextInput, ThemeIcon } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconBrandPaypal, IconCheck, IconPlugConnected, IconWebhook, IconX } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { PayPalMode, PayPalSettings } from '../../../contracts/paypal';
import { useFormFields } from '../../app/use-form-fields';
import { GuardedButton } from '../../components/guarded-button';
import { LoadError } from '../../components/load-error';
import { formatDateTime } from '../../components/partner-balance';
import { CopyField } from '../admin-whapi/copy-field';
import { SettingsCard } from '../../components/settings-card';
import { usePayPalSettings, useTestPayPalConnection, useUpdatePayPalSettings } from './paypal-settings-api';

const STATUS = {
  missing: { label: 'Not set up', color: 'gray' },
  unverified: { label: 'Not tested yet', color: 'yellow' },
  valid: { label: 'Connected', color: 'teal' },
  invalid: { label: 'Refused by PayPal', color: 'red' },
} as const;

function CredentialsCard({ settings }: { settings: PayPalSettings }) {
  const save = useUpdatePayPalSettings();
  const test = useTestPayPalConnection();
  const [mode, setMode] = useState<PayPalMode>(settings.mode);
  const form = useFormFields({ clientId: settings.clientId ?? '', clientSecret: '', webhookId: settings.webhookId ?? '' }, save.error);
  const status = STATUS[settings.status];
  const configured = settings.clientId !== null && settings.clientSecretLast4 !== null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    test.reset();
    const { clientId, clientSecret, webhookId } = form.values;
    save.mutate(
      { mode, clientId, webhookId, ...(clientSecret.trim() ? { clientSecret } : {}) },
      {
        onSuccess: () => {
          form.set('clientSecret', '');
          notifications.show({ color: 'teal', title: 'PayPal settings saved', message: 'Test the connection to check that PayPal accepts them.' });
        },
      },
    );
  };

  return (
    <SettingsCard
      id="paypal-credentials-title"
      icon={<IconBrandPaypal size={22} />}
      color="blue"
      title="PayPal REST app"
      description="The client id and secret of your PayPal REST app. The secret is stored encrypted and never shown again."
      aside={<Badge variant="light" color={status.color} data-testid="paypal-status">{status.label}</Badge>}
    >
      <Stack gap="lg">
        <Group gap="xl">
          <Stack gap={2}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
              Stored secret
            </Text>
            <Text size="sm" fw={500} ff="monospace">
              {settings.clientSecretLast4 ? `••••${settings.clientSecretLast4}` : 'None'}
            </Text>
          </Stack>
          <Stack gap={2}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
              Last checked
            </Text>
            <Text size="sm" fw={500}>
              {settings.checkedAt ? formatDateTime(settings.checkedAt) : 'Never'}
            </Text>
          </Stack>
          <Stack gap={2} miw={0}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
              API address
            </Text>
            <Text size="sm" fw={500} ff="monospace" style={{ overflowWrap: 'anywhere' }}>
              {settings.apiUrl}
            </Text>
          </Stack>
        </Group>
        {settings.status === 'invalid' && settings.lastError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title="PayPal refused these credentials">
            {settings.lastError}
          </Alert>
        )}
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            {form.generalError && (
              <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
                {form.generalError}
              </Alert>
            )}
            <Stack gap={4}>
              <Text size="sm" fw={500} id="paypal-mode-label">
                Mode
              </Text>
              <SegmentedControl
                aria-labelledby="paypal-mode-label"
                value={mode}
                onChange={(value) => setMode(value as PayPalMode)}
                data={[
                  { value: 'sandbox', label: 'Sandbox' },
                  { value: 'live', label: 'Live' },
                ]}
                maw={280}
              />
            </Stack>
            <TextInput label="Client id" autoComplete="off" spellCheck={false} {...form.bind('clientId')} />
            <PasswordInput
              label="Client secret"
              description={configured ? 'Leave empty to keep the stored secret.' : 'From your PayPal developer dashboard.'}
              autoComplete="off"
              spellCheck={false}
              {...form.bind('clientSecret')}
            />
            <TextInput
              label="Webhook id"
              description="PayPal's id of the webhook below; events cannot be verified without it."
              autoComplete="off"
              spellCheck={false}
              {...form.bind('webhookId')}
            />
            <Group>
              <Button type="submit" loading={save.isPending}>
                Save PayPal settings
              </Button>
            </Group>
          </Stack>
        </form>
        <Group gap="sm">
          <GuardedButton
            variant="light"
            leftSection={<IconPlugConnected size={16} />}
            onClick={() => test.mutate()}
            loading={test.isPending}
            blockedReason={configured ? null : 'Save a client id and secret first.'}
          >
            Test connection
          </GuardedButton>
        </Group>
        {test.error && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title="Connection failed" role="alert">
            {test.error.message}
          </Alert>
        )}
        {test.data && (
          <Alert
            color={test.data.ok ? 'teal' : 'orange'}
            variant="light"
            icon={test.data.ok ? <IconCheck size={18} /> : <IconAlertCircle size={18} />}
            title={test.data.message}
            data-testid="paypal-test-result"
          >
            {test.data.plans.length === 0 ? (
              <Text size="sm">No published paid plan has a PayPal plan id yet (Admin → Plans).</Text>
            ) : (
              <List spacing={4} size="sm" center>
                {test.data.plans.map((plan) => (
                  <List.Item
                    key={plan.planId}
                    icon={
                      <ThemeIcon size={18} radius="xl" color={plan.ok ? 'teal' : 'red'} variant="light">
                        {plan.ok ? <IconCheck size={12} /> : <IconX size={12} />}
                      </ThemeIcon>
                    }
                  >
                    {plan.planName} ({plan.paypalPlanId}): {plan.detail}
                  </List.Item>
                ))}
              </List>
            )}
          </Alert>
        )}
      </Stack>
    </SettingsCard>
  );
}

/** Admin → Settings → PayPal: credentials, mode, webhook, and a test that also checks every plan's PayPal id. */
export function PayPalSettingsPage() {
  const query = usePayPalSettings();
  const settings = query.data?.settings;
  if (!settings) {
    return query.isError ? (
      <LoadError title="Couldn't load the PayPal settings" message={query.error.message} retrying={query.isFetching} onRetry={() => void query.refetch()} />
    ) : (
      <Skeleton height={420} role="status" aria-label="Loading PayPal settings" />
    );
  }
  return (
    <Stack gap="lg" maw={880}>
      <CredentialsCard settings={settings} />
      <SettingsCard
        id="paypal-webhook-title"
        icon={<IconWebhook size={22} />}
        color="indigo"
        title="Webhook"
        description="Add this address as a webhook of your PayPal REST app (all subscription and PAYMENT.SALE events), then paste PayPal's webhook id above."
      >
        <CopyField label="Webhook URL" value={settings.webhookUrl} />
      </SettingsCard>
    </Stack>
  );
}
