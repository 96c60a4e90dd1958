import { Card, Center, Skeleton, Stack, Tabs, Text, ThemeIcon } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTags } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import type { Plan } from '../../../contracts/plans';
import type { PlanStatus } from '../../../domain/plans';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { ButtonLink } from '../../components/router-links';
import { useAdminPlans } from './list-admin-plans';
import { PlanRow } from './plan-row';
import { useReorderPlans } from './reorder-plans';

const route = getRouteApi('/app/admin/plans');

const TABS: readonly { value: PlanStatus | 'all'; label: string; empty: string }[] = [
  { value: 'all', label: 'All', empty: 'No plans yet.' },
  { value: 'published', label: 'Published', empty: 'No published plans.' },
  { value: 'draft', label: 'Drafts', empty: 'No draft plans.' },
  { value: 'archived', label: 'Archived', empty: 'No archived plans.' },
];

function CreatePlanButton() {
  return (
    <ButtonLink to="/admin/plans/new" leftSection={<IconPlus size={18} />}>
      Create plan
    </ButtonLink>
  );
}

function EmptyState({ message, showCreate }: { message: string; showCreate: boolean }) {
  return (
    <Card>
      <Center py={40}>
        <Stack align="center" gap="xs" ta="center" maw={420}>
          <ThemeIcon size={52} radius="xl" variant="light" color="gray">
            <IconTags size={28} />
          </ThemeIcon>
          <Text fw={600}>{message}</Text>
          <Text size="sm" c="dimmed">
            {showCreate
              ? 'A plan sets the price, limits, pages and call to action your customers see. Create one, then publish it.'
              : 'Plans with this status will be listed here.'}
          </Text>
          {showCreate && <CreatePlanButton />}
        </Stack>
      </Center>
    </Card>
  );
}

/** Swaps two plans in the full order, so moving within a filtered tab still sends every plan's place. */
function swapped(plans: Plan[], a: string, b: string): string[] {
  return plans.map((plan) => (plan.id === a ? b : plan.id === b ? a : plan.id));
}

export function PlansPage() {
  const { status } = route.useSearch();
  const navigate = route.useNavigate();
  const list = useAdminPlans();
  const reorder = useReorderPlans();
  const plans = list.data?.plans;
  const active = status ?? 'all';
  const visible = plans?.filter((plan) => !status || plan.status === status) ?? [];

  const move = (index: number, direction: -1 | 1) => {
    const plan = visible[index];
    const neighbour = visible[index + direction];
    if (!plans || !plan || !neighbour) return;
    reorder.mutate(swapped(plans, plan.id, neighbour.id), {
      onError: (error) => notifications.show({ color: 'red', title: "Couldn't change the order", message: error.message }),
    });
  };

  let content;
  if (plans) {
    content =
      visible.length === 0 ? (
        <EmptyState message={TABS.find((tab) => tab.value === active)?.empty ?? ''} showCreate={plans.length === 0} />
      ) : (
        <Stack gap="sm" aria-label="Plans in sort order">
          {visible.map((plan, index) => (
            <PlanRow
              key={plan.id}
              plan={plan}
              canMoveUp={index > 0}
              canMoveDown={index < visible.length - 1}
              isMoving={reorder.isPending}
              onMove={(direction) => move(index, direction)}
            />
          ))}
        </Stack>
      );
  } else if (list.isError) {
    content = <LoadError title="Couldn't load the plans" message={list.error.message} retrying={list.isFetching} onRetry={() => void list.refetch()} />;
  } else {
    content = (
      <Stack gap="sm" role="status" aria-label="Loading plans">
        {[0, 1, 2].map((row) => (
          <Skeleton key={row} height={76} radius="lg" />
        ))}
      </Stack>
    );
  }

  return (
    <Stack gap={0} maw={1100}>
      <PageHeader
        title="Plans"
        description="What you sell: price, limits, pages and the call to action customers see. Published plans appear on pricing in this order."
        actions={<CreatePlanButton />}
      />
      <Tabs
        value={active}
        onChange={(value) => void navigate({ search: value && value !== 'all' ? { status: value as PlanStatus } : {}, replace: true })}
        mb="md"
        // Four tabs with counts fit one line on a 375 px phone with a little less padding.
        styles={{ tab: { paddingInline: 'var(--mantine-spacing-sm)' } }}
      >
        <Tabs.List>
          {TABS.map((tab) => {
            const total = plans && (tab.value === 'all' ? plans.length : plans.filter((plan) => plan.status === tab.value).length);
            return (
              <Tabs.Tab key={tab.value} value={tab.value}>
                {tab.label}
                {total !== undefined && (
                  <Text span c="dimmed" size="xs" ml={6}>
                    {total}
                  </Text>
                )}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
      </Tabs>
      {content}
    </Stack>
  );
}
