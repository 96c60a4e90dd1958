import { Alert, Button, Group, Modal, PasswordInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconWand } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { createUserBody, TEMPORARY_PASSWORD_MIN } from '../../../contracts/admin-users';
import type { Role } from '../../../domain/access';
import { useFormFields } from '../../app/use-form-fields';
import { useCreateUser } from './user-mutations';

const ROLE_OPTIONS = [
  { value: 'user', label: 'User' },
  { value: 'admin', label: 'Admin' },
];

/** 18 characters from an alphabet without look-alikes (0/O, 1/l), from the browser's secure random source. */
function generatePassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join('');
}

/** Admin → Users → Create user (spec 004): name, email, role and a temporary password to hand over. */
export function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  // The form mounts afresh each time the dialog opens, so it never shows the last user's values or errors.
  return (
    <Modal opened={opened} onClose={onClose} title="Create user" centered>
      {opened && <CreateUserForm onClose={onClose} />}
    </Modal>
  );
}

function CreateUserForm({ onClose }: { onClose: () => void }) {
  const create = useCreateUser();
  const navigate = useNavigate();
  const form = useFormFields({ name: '', email: '', password: '' }, create.error);
  const [role, setRole] = useState<Role>('user');

  const submit = () => {
    const input = form.validate(createUserBody.omit({ role: true }));
    if (!input) return;
    create.mutate(
      { ...input, role },
      {
        onSuccess: ({ user }) => {
          notifications.show({ color: 'teal', message: `${user.name}'s account was created. Share the temporary password with them safely.` });
          onClose();
          void navigate({ to: '/admin/users/$userId', params: { userId: user.id } });
        },
      },
    );
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      noValidate
    >
      <Stack gap="md">
        {form.generalError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />}>
            {form.generalError}
          </Alert>
        )}
        <TextInput label="Name" required autoComplete="off" maxLength={100} {...form.bind('name')} data-autofocus />
        <TextInput label="Email" type="email" required autoComplete="off" {...form.bind('email')} />
        <Select label="Role" data={ROLE_OPTIONS} value={role} onChange={(value) => value && setRole(value as Role)} allowDeselect={false} />
        <Stack gap={4}>
          <PasswordInput
            label="Temporary password"
            description={`At least ${TEMPORARY_PASSWORD_MIN} characters. The person can change it on their Account page.`}
            required
            autoComplete="new-password"
            {...form.bind('password')}
          />
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconWand size={14} />}
            onClick={() => form.set('password', generatePassword())}
            w="fit-content"
          >
            Generate a password
          </Button>
        </Stack>
        <Text size="xs" c="dimmed">
          No email is sent: give the person their email and temporary password yourself.
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={create.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create user
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
