import { Alert, Box, Button, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import type { Plan, PlanInput } from '../../../contracts/plans';
import { publishProblems } from '../../../domain/plans';
import { isApiError } from '../../app/api-client';
import { ButtonLink } from '../../components/router-links';
import { PricingCard } from '../pricing/pricing-card';
import { FeaturesSection } from './features-section';
import { PageAccessSection } from './page-access-section';
import { PlanBasicsSection } from './plan-basics-section';
import { buildPlanInput, previewPlan, type PlanFormValues } from './plan-form';
import { INCOMPLETE_PLAN } from './plan-labels';
import { PlanLimitsSection } from './plan-limits-section';
import { PlanPlacementSection } from './plan-placement-section';
import { PlanProblemsAlert } from './plan-problems-alert';
import { usePlanAction } from './plan-action';
import { useSavePlan } from './save-plan';
import { usePlanForm } from './use-plan-form';

interface PlanEditorProps {
  plan: Plan | null;
  initial: PlanFormValues;
}

type Outcome = { kind: 'invalid'; message: string } | { kind: 'incomplete'; fields: Record<string, string> } | null;

export function PlanEditor({ plan, initial }: PlanEditorProps) {
  const navigate = useNavigate();
  const form = usePlanForm(initial);
  const save = useSavePlan();
  const publish = usePlanAction();
  // A new plan saved once (e.g. before a refused publish) is edited from then on, never created twice.
  const [savedId, setSavedId] = useState<string | null>(plan?.id ?? null);
  const [status, setStatus] = useState(plan?.status ?? 'draft');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const canPublish = status === 'draft';
  const busy = save.isPending || publish.isPending;

  const done = (message: string) => {
    notifications.show({ color: 'teal', message });
    void navigate({ to: '/admin/plans' });
  };

  const refused = (fields: Record<string, string>) => {
    form.showErrors(fields);
    setOutcome({ kind: 'incomplete', fields });
  };

  const publishSaved = (saved: Plan) =>
    publish.mutate(
      { id: saved.id, action: 'publish' },
      {
        onSuccess: () => done(`${saved.name} is published.`),
        onError: (error) => {
          if (isApiError(error, 'VALIDATION_FAILED')) refused(error.fields);
          else setOutcome({ kind: 'invalid', message: error.message });
        },
      },
    );

  const submit = (input: PlanInput, andPublish: boolean) =>
    save.mutate(
      { id: savedId, input },
      {
        onSuccess: ({ plan: saved }) => {
          setSavedId(saved.id);
          setStatus(saved.status);
          if (andPublish && saved.status !== 'published') publishSaved(saved);
          else done(`${saved.name} is saved.`);
        },
        onError: (error) => {
          if (isApiError(error, 'VALIDATION_FAILED')) form.showErrors(error.fields);
          setOutcome({ kind: 'invalid', message: error.message });
        },
      },
    );

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // The submitter tells "Save" from "Save and publish" while Enter in a field still means Save.
    const andPublish = (event.nativeEvent as SubmitEvent).submitter?.getAttribute('value') === 'publish';
    setOutcome(null);
    const built = buildPlanInput(form.values);
    if (!built.input) {
      form.showErrors(built.errors);
      setOutcome({ kind: 'invalid', message: 'Please correct the highlighted fields.' });
      return;
    }
    // The same completeness rules the server applies on publish, checked before anything is saved.
    const problems = andPublish ? publishProblems(built.input) : {};
    if (Object.keys(problems).length > 0) refused(problems);
    else submit(built.input, andPublish);
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Plan editor">
      <Grid gutter="xl">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            {outcome?.kind === 'incomplete' && <PlanProblemsAlert title={INCOMPLETE_PLAN} fields={outcome.fields} onClose={() => setOutcome(null)} />}
            {outcome?.kind === 'invalid' && (
              <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
                {outcome.message}
              </Alert>
            )}
            <PlanBasicsSection form={form} />
            <PlanLimitsSection form={form} />
            <PlanPlacementSection form={form} />
            <PageAccessSection form={form} />
            <FeaturesSection form={form} />
            <Group justify="flex-end" gap="sm">
              <ButtonLink to="/admin/plans" variant="default" disabled={busy}>
                Cancel
              </ButtonLink>
              <Button type="submit" name="intent" value="save" variant={canPublish ? 'default' : 'filled'} loading={save.isPending && !publish.isPending}>
                {savedId ? 'Save changes' : 'Save draft'}
              </Button>
              {canPublish && (
                <Button type="submit" name="intent" value="publish" loading={busy}>
                  Save and publish
                </Button>
              )}
            </Group>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Box pos="sticky" top={84} component="aside" aria-labelledby="plan-preview-title">
            <Title id="plan-preview-title" order={2} fz="sm" c="dimmed" tt="uppercase" mb="sm" style={{ letterSpacing: '0.06em' }}>
              Preview
            </Title>
            <PricingCard plan={previewPlan(form.values, savedId ?? 'new')} audience="preview" />
            <Text size="xs" c="dimmed" mt="sm">
              How customers see this plan on the pricing pages. The buttons work only on the real page.
            </Text>
          </Box>
        </Grid.Col>
      </Grid>
    </form>
  );
}
