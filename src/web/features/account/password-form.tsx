import { Alert, Button, Card, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import type { FormEvent } from 'react';
import { z } from 'zod';
import { changePasswordBody } from '../../../contracts/auth';
import { useFormFields } from '../../app/use-form-fields';
import { useChangePassword } from './change-password';

// The API takes current + new; the confirmation only guards against a typo and never leaves the browser.
const passwordForm = z
  .object({ ...changePasswordBody.shape, confirmPassword: z.string() })
  .refine((values) => values.newPassword === values.confirmPassword, {
    path: ['confirmPassword'],
    error: 'The two new passwords do not match.',
  });

const EMPTY = { currentPassword: '', newPassword: '', confirmPassword: '' };

export function PasswordForm() {
  const change = useChangePassword();
  const form = useFormFields(EMPTY, change.error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = form.validate(passwordForm);
    if (!values) return;
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          form.reset(EMPTY);
          change.reset();
          notifications.show({ color: 'teal', title: 'Password changed', message: 'Use your new password the next time you sign in.' });
        },
      },
    );
  };

  return (
    <Card component="section" aria-labelledby="password-title">
      <Title id="password-title" order={2} fz="lg">
        Password
      </Title>
      <Text size="sm" c="dimmed" mb="lg">
        Choose a password you don't use anywhere else.
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {form.generalError && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />}>
              {form.generalError}
            </Alert>
          )}
          <PasswordInput label="Current password" autoComplete="current-password" withAsterisk {...form.bind('currentPassword')} />
          <PasswordInput
            label="New password"
            description="8–128 characters."
            autoComplete="new-password"
            withAsterisk
            {...form.bind('newPassword')}
          />
          <PasswordInput label="Confirm password" autoComplete="new-password" withAsterisk {...form.bind('confirmPassword')} />
          <Group justify="flex-end">
            <Button type="submit" loading={change.isPending}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
