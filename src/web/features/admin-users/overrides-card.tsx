import { Alert, Button, Divider, Group, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAdjustmentsHorizontal, IconAlertCircle } from '@tabler/icons-react';
import type { AdminUserDetails } from '../../../contracts/admin-users';
import { isApiError } from '../../app/api-client';
import { LimitOverrideFields } from './limit-override-fields';
import { PageOverrideFields } from './page-override-fields';
import { RequestTypeField } from './request-type-field';
import { SectionCard } from './section-card';
import { ALL_SECTIONS, useOverridesForm } from './use-overrides-form';
import { useSaveOverrides } from './user-mutations';

/** Per-user overrides (spec 004 §3), stored on the subscription; the plan itself is never touched. */
export function OverridesCard({ details }: { details: AdminUserDetails }) {
  const form = useOverridesForm(details);
  const save = useSaveOverrides();
  const dirty = ALL_SECTIONS.some((section) => form.changed(section));
  const fieldErrors = isApiError(save.error) ? save.error.fields : {};

  const submit = () =>
    save.mutate(
      { id: details.user.id, body: form.body(ALL_SECTIONS) },
      { onSuccess: () => notifications.show({ color: 'teal', message: `Overrides for ${details.user.name} saved. They apply at once.` }) },
    );

  return (
    <SectionCard
      id="overrides-title"
      icon={<IconAdjustmentsHorizontal size={20} />}
      color="orange"
      title="Overrides"
      description="For this user only. A value that differs from the plan is marked Overridden; Reset to plan removes it."
      testId="overrides-card"
    >
      {form.values && (
        <Stack gap="lg">
          {!details.plan && (
            <Text size="sm" c="dimmed">
              No plan yet: these settings take effect once the user subscribes.
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl" style={{ alignItems: 'start' }}>
            <Stack gap="lg">
              <Stack gap="sm">
                <Text fw={600}>Limits</Text>
                <LimitOverrideFields form={form} errors={fieldErrors} />
              </Stack>
              <Divider />
              <RequestTypeField form={form} />
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
            </Stack>
            <Stack gap="sm">
              <Text fw={600}>Page access</Text>
              <Text size="xs" c="dimmed">
                Pricing, Payments and Account are always open; admin pages are never granted to users.
              </Text>
              <PageOverrideFields form={form} />
            </Stack>
          </SimpleGrid>
          {save.error && !Object.keys(fieldErrors).length && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />}>
              {save.error.message}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={form.discard} disabled={!dirty || save.isPending}>
              Discard changes
            </Button>
            <Button onClick={submit} loading={save.isPending} disabled={!dirty}>
              Save overrides
            </Button>
          </Group>
        </Stack>
      )}
    </SectionCard>
  );
}
