import { Alert, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconSend } from '@tabler/icons-react';
import type { FormEvent } from 'react';
import { z } from 'zod';
import { sendTestEmailBody, type EmailSettings } from '../../../contracts/settings';
import { useSession } from '../../app/session-context';
import { useFormFields } from '../../app/use-form-fields';
import { GuardedButton } from '../../components/guarded-button';
import { formatDateTime } from '../../components/partner-balance';
import { useSendTestEmail } from './send-test-email';
import { SettingsCard } from '../../components/settings-card';

// Blank means "send it to me"; anything else must be an address (the server says the same words).
const testForm = z.object({ to: z.union([z.literal(''), sendTestEmailBody.shape.to.unwrap()]) });

export function TestEmailCard({ settings }: { settings: EmailSettings }) {
  const me = useSession();
  const test = useSendTestEmail();
  const form = useFormFields({ to: '' }, test.error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = form.validate(testForm);
    if (!values) return;
    test.mutate(values.to ? { to: values.to } : {});
  };

  // The last recorded outcome; a result from this visit says the same thing more recently.
  const showLast = settings.lastTestAt && !test.data && !test.error;

  return (
    <SettingsCard
      descriptionPlacement="below"
      id="test-email-title"
      icon={<IconSend size={22} />}
      title="Test email"
      description="Sends “OmniPlus WA Tracker test email” through the server in use, to check it end to end."
    >
      <Stack gap="md">
        {test.data && (
          <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} title="Test email sent" data-testid="test-email-result">
            The mail server accepted the email for {test.data.sentTo}. Check that inbox (and its spam folder).
          </Alert>
        )}
        {form.generalError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title="Test email failed" data-testid="test-email-error">
            {form.generalError}
          </Alert>
        )}
        {showLast && (
          <Text size="sm" c={settings.lastTestError ? 'red' : 'dimmed'} data-testid="last-test">
            Last test {formatDateTime(settings.lastTestAt!)}: {settings.lastTestError ?? 'sent successfully.'}
          </Text>
        )}
        <form onSubmit={submit} noValidate>
          <Group align="flex-start" gap="sm" wrap="wrap">
            <TextInput
              label="Send to"
              description="Leave empty to send it to yourself."
              placeholder={me.user.email}
              type="email"
              autoComplete="email"
              style={{ flex: '1 1 260px' }}
              {...form.bind('to')}
            />
            <GuardedButton
              type="submit"
              variant="light"
              leftSection={<IconSend size={16} />}
              loading={test.isPending}
              mt={{ base: 0, xs: 46 }}
              blockedReason={settings.configured ? null : 'Save a mail server first.'}
            >
              Send test email
            </GuardedButton>
          </Group>
        </form>
      </Stack>
    </SettingsCard>
  );
}
