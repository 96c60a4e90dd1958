import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import type { FormEvent } from 'react';
import { signUpBody } from '../../../contracts/auth';
import { useFormFields } from '../../app/use-form-fields';
import { AnchorLink } from '../../components/router-links';
import { AuthLayout } from './auth-layout';
import { useSignUp } from './sign-up';
import { useEnterApp } from './use-enter-app';

const route = getRouteApi('/sign-up');

export function SignUpPage() {
  const { redirect } = route.useSearch();
  const signUp = useSignUp(useEnterApp(redirect));
  const form = useFormFields({ name: '', email: '', password: '' }, signUp.error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = form.validate(signUpBody);
    if (body) signUp.mutate(body);
  };

  return (
    <AuthLayout
      title="Create your account"
      subtitle="Start sending WhatsApp messages from your business numbers in minutes."
      footer={
        <>
          Already have an account?{' '}
          <AnchorLink to="/sign-in" search={{ redirect }} fw={600}>
            Sign in
          </AnchorLink>
        </>
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {form.generalError && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} data-testid="form-error">
              {form.generalError}
            </Alert>
          )}
          <TextInput label="Name" autoComplete="name" placeholder="Your full name" size="md" withAsterisk {...form.bind('name')} />
          <TextInput label="Email" type="email" autoComplete="email" placeholder="you@company.com" size="md" withAsterisk {...form.bind('email')} />
          <PasswordInput
            label="Password"
            description="8–128 characters."
            autoComplete="new-password"
            size="md"
            withAsterisk
            {...form.bind('password')}
          />
          <Button type="submit" size="md" fullWidth loading={signUp.isPending} mt="xs">
            Create account
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
