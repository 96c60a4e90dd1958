import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { IconAlertCircle, IconInfoCircle, IconLock } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import type { FormEvent } from 'react';
import { signInBody } from '../../../contracts/auth';
import { MESSAGES } from '../../../contracts/errors';
import { useFormFields } from '../../app/use-form-fields';
import { AnchorLink } from '../../components/router-links';
import { AuthLayout } from './auth-layout';
import { useSignIn } from './sign-in';
import { useEnterApp } from './use-enter-app';

const route = getRouteApi('/sign-in');

export function SignInPage() {
  const { reason, redirect } = route.useSearch();
  const signIn = useSignIn(useEnterApp(redirect));
  const form = useFormFields({ email: '', password: '' }, signIn.error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = form.validate(signInBody);
    if (body) signIn.mutate(body);
  };

  return (
    <AuthLayout
      title="Sign in"
      subtitle="Welcome back. Sign in to manage your WhatsApp channels and messages."
      footer={
        <>
          New to OmniPlus?{' '}
          <AnchorLink to="/sign-up" search={{ redirect }} fw={600}>
            Create an account
          </AnchorLink>
        </>
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {reason === 'suspended' && !form.generalError && (
            <Alert color="red" variant="light" title="Account suspended" icon={<IconLock size={18} />} data-testid="suspended-alert">
              {MESSAGES.accountSuspended}
            </Alert>
          )}
          {reason === 'session-ended' && !form.generalError && (
            <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} data-testid="session-ended-alert">
              {MESSAGES.signInRequired}
            </Alert>
          )}
          {form.generalError && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} data-testid="form-error">
              {form.generalError}
            </Alert>
          )}
          <TextInput label="Email" type="email" autoComplete="email" placeholder="you@company.com" size="md" withAsterisk {...form.bind('email')} />
          <PasswordInput label="Password" autoComplete="current-password" size="md" withAsterisk {...form.bind('password')} />
          <Button type="submit" size="md" fullWidth loading={signIn.isPending} mt="xs">
            Sign in
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
