import { Alert, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import type { FormEvent } from 'react';
import { updateMeBody } from '../../../contracts/auth';
import { useSession } from '../../app/session-context';
import { useFormFields } from '../../app/use-form-fields';
import { useUpdateProfile } from './update-profile';

export function ProfileForm() {
  const { user } = useSession();
  const update = useUpdateProfile();
  const form = useFormFields({ name: user.name }, update.error);
  const unchanged = form.values.name.trim() === user.name;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = form.validate(updateMeBody);
    if (!body) return;
    update.mutate(body, {
      onSuccess: (me) => {
        form.reset({ name: me.user.name });
        notifications.show({ color: 'teal', title: 'Profile saved', message: 'Your name has been updated.' });
      },
    });
  };

  return (
    <Card component="section" aria-labelledby="profile-title">
      <Title id="profile-title" order={2} fz="lg">
        Profile
      </Title>
      <Text size="sm" c="dimmed" mb="lg">
        Your name appears in the app and on the audit trail of actions you take.
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {form.generalError && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />}>
              {form.generalError}
            </Alert>
          )}
          <TextInput label="Name" autoComplete="name" withAsterisk {...form.bind('name')} />
          <TextInput
            label="Email"
            value={user.email}
            readOnly
            description="Your email is your sign-in name and can't be changed here."
            variant="filled"
          />
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending} disabled={unchanged}>
              Save changes
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
