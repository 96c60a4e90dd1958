import { Alert, Button, Divider, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconCircleCheck, IconRefreshAlert, IconSend, IconWebhook } from '@tabler/icons-react';
import { useState } from 'react';
import { registerWebhookBody, type WhapiSettings } from '../../../contracts/whapi-settings';
import { fieldErrorsFromIssues, submitErrors } from '../../app/form-errors';
import { ConfirmModal } from '../../components/confirm-modal';
import { GuardedButton } from '../../components/guarded-button';
import { formatDateTime } from '../../components/partner-balance';
import { CopyField } from './copy-field';
import { useRegisterPartnerWebhook } from './register-partner-webhook';
import { useRotateWebhookSecret } from './rotate-webhook-secret';
import { SettingsCard } from '../../components/settings-card';

const DEFAULT_DAYS_LIMIT = 30;

function registerBlockedReason(settings: WhapiSettings): string | null {
  if (!settings.tokenConfigured) return 'Save a partner token first.';
  if (!settings.partnerName) return 'Save your partner name first.';
  return null;
}

export function WebhooksCard({ settings }: { settings: WhapiSettings }) {
  const register = useRegisterPartnerWebhook();
  const rotate = useRotateWebhookSecret();
  const [daysLimit, setDaysLimit] = useState<string | number>(settings.daysLimit ?? DEFAULT_DAYS_LIMIT);
  const [clientError, setClientError] = useState<string | undefined>();
  const [confirmOpen, confirm] = useDisclosure(false);
  const server = submitErrors(register.error, ['daysLimit']);
  const blockedReason = registerBlockedReason(settings);

  const registerWebhook = () => {
    const parsed = registerWebhookBody.safeParse({ daysLimit: daysLimit === '' ? undefined : daysLimit });
    if (!parsed.success) {
      setClientError(fieldErrorsFromIssues<'daysLimit'>(parsed.error.issues).daysLimit ?? 'Enter a number of days.');
      return;
    }
    register.mutate(parsed.data, {
      onSuccess: () => notifications.show({ color: 'teal', message: 'Partner days webhook registered with WHAPI.' }),
    });
  };

  const rotateSecret = () =>
    rotate.mutate(undefined, {
      onSuccess: () => {
        confirm.close();
        register.reset();
        notifications.show({ color: 'orange', title: 'Webhook secret rotated', message: 'Register the webhook with WHAPI again so notices keep arriving.' });
      },
    });

  return (
    <SettingsCard
      id="webhooks-title"
      icon={<IconWebhook size={22} />}
      color="grape"
      title="Webhooks"
      description="The addresses WHAPI calls to tell OmniPlus about your partner days and your channels. They contain a secret: share them only with WHAPI."
    >
      <Stack gap="md">
        <CopyField
          label="Partner days webhook"
          description="WHAPI posts your remaining partner days here."
          value={settings.webhookUrls.partnerDays}
        />
        <CopyField
          label="Channel webhook pattern"
          description="Each channel's messages and status updates; {channel_id} is filled in when a channel is created."
          value={settings.webhookUrls.channelPattern}
        />

        <Divider my="xs" />

        <Group align="flex-start" gap="sm" wrap="wrap">
          <NumberInput
            label="Notify when partner days fall to"
            description="WHAPI sends a notice when your balance reaches this many days."
            min={1}
            max={3650}
            allowDecimal={false}
            allowNegative={false}
            suffix=" days"
            value={daysLimit}
            onChange={(value) => {
              setDaysLimit(value);
              setClientError(undefined);
              register.reset();
            }}
            error={clientError ?? server.fields.daysLimit}
            style={{ flex: '1 1 240px' }}
          />
          <GuardedButton
            leftSection={<IconSend size={16} />}
            onClick={registerWebhook}
            loading={register.isPending}
            blockedReason={blockedReason}
            mt={{ base: 0, xs: 42 }}
          >
            Register with WHAPI
          </GuardedButton>
        </Group>
        {server.general && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title="WHAPI didn't accept the webhook" data-testid="register-webhook-error">
            {server.general}
          </Alert>
        )}
        {settings.webhookRegisteredAt ? (
          <Group gap={6} wrap="nowrap" data-testid="webhook-registered">
            <IconCircleCheck size={18} color="var(--mantine-color-teal-6)" style={{ flexShrink: 0 }} aria-hidden />
            <Text size="sm">
              Registered with WHAPI on {formatDateTime(settings.webhookRegisteredAt)}
              {settings.daysLimit !== null && ` · notify at ${settings.daysLimit} days`}
            </Text>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {blockedReason ? `Not registered with WHAPI yet. ${blockedReason}` : 'Not registered with WHAPI yet.'}
          </Text>
        )}

        <Divider my="xs" />

        <Group justify="space-between" gap="sm">
          <Text size="sm" c="dimmed" maw={520}>
            Rotate the secret if these addresses have leaked. The old addresses stop working at once.
          </Text>
          <Button variant="light" color="red" leftSection={<IconRefreshAlert size={16} />} onClick={confirm.open}>
            Rotate webhook secret
          </Button>
        </Group>
      </Stack>

      <ConfirmModal
        error={rotate.error}
        opened={confirmOpen}
        title="Rotate the webhook secret?"
        confirmLabel="Rotate secret"
        loading={rotate.isPending}
        onConfirm={rotateSecret}
        onClose={() => {
          confirm.close();
          rotate.reset();
        }}
      >
        <Text size="sm">
          Both webhook addresses change and the current ones stop working immediately. WHAPI must be registered
          again: until you click “Register with WHAPI”, partner days notices will not arrive.
        </Text>
      </ConfirmModal>
    </SettingsCard>
  );
}
