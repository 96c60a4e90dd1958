import { Alert, Button, Center, Group, Loader, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { Role } from '../../../domain/access';
import { isApiError } from '../../app/api-client';
import { useSession } from '../../app/session-context';
import { LoadError } from '../../components/load-error';
import { useUserDetails } from './admin-users-api';
import { LimitOverrideFields } from './limit-override-fields';
import { PageOverrideFields } from './page-override-fields';
import { RequestTypeField } from './request-type-field';
import { useOverridesForm, type OverridesSection } from './use-overrides-form';
import { useSaveOverrides, useSetRole } from './user-mutations';

/** The list's row actions that edit a user in place: Adjust Limits, Page Access Override and Edit. */
export type OverridesDialog = 'limits' | 'pages' | 'edit';

const DIALOGS: Record<OverridesDialog, { title: string; sections: OverridesSection[] }> = {
  limits: { title: 'Adjust limits', sections: ['limits'] },
  pages: { title: 'Page access override', sections: ['pages'] },
  edit: { title: 'Edit user', sections: ['requestType', 'notes'] },
};

const ROLE_OPTIONS = [
  { value: 'user', label: 'User' },
  { value: 'admin', label: 'Admin' },
];

interface OverridesModalProps {
  userId: string | null;
  dialog: OverridesDialog;
  onClose: () => void;
}

export function OverridesModal({ userId, dialog, onClose }: OverridesModalProps) {
  const me = useSession();
  const details = useUserDetails(userId);
  const form = useOverridesForm(details.data);
  const save = useSaveOverrides();
  const setRole = useSetRole();
  const [role, setRoleValue] = useState<Role>('user');
  const { sections, title } = DIALOGS[dialog];
  const data = details.data;
  const resetSave = save.reset;
  const resetRole = setRole.reset;
  useEffect(() => {
    resetSave();
    resetRole();
  }, [userId, dialog, resetSave, resetRole]);
  useEffect(() => {
    if (data) setRoleValue(data.user.role);
  }, [data]);

  const isSelf = data?.user.id === me.user.id;
  const roleChanged = dialog === 'edit' && data !== undefined && role !== data.user.role;
  const overridesChanged = sections.some((section) => form.changed(section));
  const error = save.error ?? setRole.error;
  const fieldErrors = isApiError(save.error) ? save.error.fields : {};

  const submit = async () => {
    if (!data) return;
    try {
      if (overridesChanged) await save.mutateAsync({ id: data.user.id, body: form.body(sections) });
      if (roleChanged) await setRole.mutateAsync({ id: data.user.id, role });
      notifications.show({ color: 'teal', message: `${data.user.name} was updated.` });
      onClose();
    } catch {
      // The error is shown in the dialog; nothing else to do.
    }
  };

  return (
    <Modal opened={userId !== null} onClose={onClose} title={data ? `${title} · ${data.user.name}` : title} size="lg" centered>
      {details.isError ? (
        <LoadError title="Couldn't load this user" message={details.error.message} retrying={details.isFetching} onRetry={() => void details.refetch()} />
      ) : !data || !form.values ? (
        <Center py="xl">
          <Loader type="dots" />
        </Center>
      ) : (
        <Stack gap="md">
          {!data.plan && (
            <Text size="sm" c="dimmed">
              {data.user.name} has no plan yet. These settings take effect once they subscribe.
            </Text>
          )}
          {error && !Object.keys(fieldErrors).length && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />}>
              {error.message}
            </Alert>
          )}
          {sections.includes('limits') && <LimitOverrideFields form={form} errors={fieldErrors} />}
          {sections.includes('pages') && <PageOverrideFields form={form} />}
          {sections.includes('requestType') && <RequestTypeField form={form} />}
          {sections.includes('notes') && (
            <Textarea
              label="Internal notes"
              description="Only admins see these."
              autosize
              minRows={3}
              maxRows={10}
              maxLength={4000}
              value={form.values.notes}
              onChange={(event) => form.setNotes(event.currentTarget.value)}
              error={fieldErrors.notes}
            />
          )}
          {dialog === 'edit' && (
            <Select
              label="Role"
              description={isSelf ? "You can't change your own role." : 'Admins get the whole admin console.'}
              data={ROLE_OPTIONS}
              value={role}
              onChange={(value) => value && setRoleValue(value as Role)}
              disabled={isSelf}
              allowDeselect={false}
            />
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={save.isPending || setRole.isPending}>
              Cancel
            </Button>
            <Button onClick={() => void submit()} loading={save.isPending || setRole.isPending} disabled={!overridesChanged && !roleChanged}>
              Save
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
