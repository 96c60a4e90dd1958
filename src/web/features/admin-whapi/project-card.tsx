import { Alert, Button, Group, Loader, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconBuildingStore } from '@tabler/icons-react';
import type { FormEvent } from 'react';
import { z } from 'zod';
import { partnerName, type WhapiSettings } from '../../../contracts/whapi-settings';
import { useFormFields } from '../../app/use-form-fields';
import { LoadError } from '../../components/load-error';
import { useWhapiProjects } from './list-whapi-projects';
import { SettingsCard } from '../../components/settings-card';
import { useUpdateWhapiSettings } from './update-whapi-settings';

const projectForm = z.object({ partnerName });

export function ProjectCard({ settings }: { settings: WhapiSettings }) {
  const projects = useWhapiProjects(settings.tokenConfigured);
  const save = useUpdateWhapiSettings();
  const form = useFormFields({ projectId: settings.projectId ?? '', partnerName: settings.partnerName ?? '' }, save.error);

  const list = projects.data?.projects ?? [];
  // No project chosen yet: new channels go to WHAPI's default project, so that is what the list starts on.
  const selected = form.values.projectId || list.find((project) => project.isDefault)?.id || '';
  const options = list.map((project) => {
    const name = project.name || project.id;
    return { value: project.id, label: project.isDefault ? `${name} (default)` : name };
  });
  if (selected && !list.some((project) => project.id === selected) && projects.isSuccess) {
    options.push({ value: selected, label: `Unknown project (${selected})` });
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = form.validate(projectForm);
    if (!values) return;
    const body = { partnerName: values.partnerName || null, ...(selected ? { projectId: selected } : {}) };
    save.mutate(body, {
      onSuccess: (saved) => {
        form.reset({ projectId: saved.projectId ?? '', partnerName: saved.partnerName ?? '' });
        save.reset();
        notifications.show({ color: 'teal', message: 'Project and partner name saved.' });
      },
    });
  };

  const projectError = form.errors.projectId;
  return (
    <SettingsCard
      id="project-title"
      icon={<IconBuildingStore size={22} />}
      color="blue"
      title="Project & partner"
      description="Where new channels are created, and who you are at WHAPI."
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {form.generalError && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />}>
              {form.generalError}
            </Alert>
          )}
          {projects.isError ? (
            <LoadError
              title="Couldn't load your WHAPI projects"
              message={projects.error.message}
              retrying={projects.isFetching}
              onRetry={() => void projects.refetch()}
            />
          ) : (
            <Select
              label="Project"
              description={settings.tokenConfigured ? 'New channels are created in this WHAPI project.' : 'Save a partner token to load your WHAPI projects.'}
              placeholder={projects.isLoading ? 'Loading projects…' : 'Choose a project'}
              data={options}
              value={selected || null}
              onChange={(value) => form.set('projectId', value ?? '')}
              disabled={!settings.tokenConfigured || projects.isLoading}
              rightSection={projects.isLoading ? <Loader size={16} /> : undefined}
              error={projectError}
              allowDeselect={false}
              nothingFoundMessage="No projects in this WHAPI account."
              checkIconPosition="right"
              comboboxProps={{ withinPortal: true }}
            />
          )}
          <TextInput
            label="Partner name"
            description="Your partner name at WHAPI, used for partner settings (e.g. the days webhook)."
            placeholder="e.g. omniplus"
            autoComplete="off"
            spellCheck={false}
            maxLength={64}
            {...form.bind('partnerName')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </SettingsCard>
  );
}
