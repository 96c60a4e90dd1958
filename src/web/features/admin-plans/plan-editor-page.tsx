import { Center, Grid, Skeleton, Stack, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { AnchorLink, ButtonLink } from '../../components/router-links';
import { useAdminPlans } from './list-admin-plans';
import { PlanEditor } from './plan-editor';
import { newPlanValues, planValues } from './plan-form';
import { STATUS_LABELS } from './plan-labels';

const editRoute = getRouteApi('/app/admin/plans/$planId');

function BackToPlans() {
  return (
    <AnchorLink to="/admin/plans" size="sm" fw={500}>
      <Text span inherit style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
        <IconArrowLeft size={16} />
        All plans
      </Text>
    </AnchorLink>
  );
}

function EditorSkeleton() {
  return (
    <Grid gutter="xl" role="status" aria-label="Loading plan">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Stack gap="lg">
          <Skeleton height={320} radius="lg" />
          <Skeleton height={220} radius="lg" />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Skeleton height={420} radius="lg" />
      </Grid.Col>
    </Grid>
  );
}

export function NewPlanPage() {
  const list = useAdminPlans();
  const plans = list.data?.plans;
  // A new plan goes to the end of the pricing order unless the admin says otherwise.
  const nextSortOrder = plans && plans.length > 0 ? Math.max(...plans.map((plan) => plan.sortOrder)) + 1 : 1;
  return (
    <Stack gap={0} maw={1200}>
      <PageHeader title="Create plan" description="Saved as a draft; publish it when it is ready for customers." actions={<BackToPlans />} />
      {plans || list.isError ? <PlanEditor plan={null} initial={newPlanValues(nextSortOrder)} /> : <EditorSkeleton />}
    </Stack>
  );
}

export function EditPlanPage() {
  const { planId } = editRoute.useParams();
  const list = useAdminPlans();
  const plan = list.data?.plans.find((candidate) => candidate.id === planId);

  let body;
  if (plan) body = <PlanEditor key={plan.id} plan={plan} initial={planValues(plan)} />;
  else if (list.isError) body = <LoadError title="Couldn't load the plan" message={list.error.message} retrying={list.isFetching} onRetry={() => void list.refetch()} />;
  else if (list.data) {
    body = (
      <Center py={48}>
        <Stack align="center" gap="sm">
          <Text fw={600}>This plan doesn't exist.</Text>
          <ButtonLink to="/admin/plans" variant="light" leftSection={<IconArrowLeft size={16} />}>
            Back to plans
          </ButtonLink>
        </Stack>
      </Center>
    );
  } else body = <EditorSkeleton />;

  return (
    <Stack gap={0} maw={1200}>
      <PageHeader
        title={plan ? `Edit ${plan.name}` : 'Edit plan'}
        description={
          plan
            ? `${STATUS_LABELS[plan.status]} · ${plan.subscriberCount === 1 ? '1 subscriber' : `${plan.subscriberCount} subscribers`}. Changes never rewrite customers' own overrides.`
            : undefined
        }
        actions={<BackToPlans />}
      />
      {body}
    </Stack>
  );
}
