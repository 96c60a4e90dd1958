import { Badge, Card, Group, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Plan } from '../../../contracts/plans';
import { isApiError } from '../../app/api-client';
import { CompactTable } from '../../components/compact-table';
import { LoadError } from '../../components/load-error';
import { AnchorLink } from '../../components/router-links';
import { useAdminPlans } from '../admin-plans/list-admin-plans';
import { usePlanAction } from '../admin-plans/plan-action';
import { REQUEST_TYPE_LABELS } from '../pricing/plan-price';

const count = new Intl.NumberFormat();
const COLUMNS = ['Plan', 'Subscribers', 'Published'] as const;

function PublishSwitch({ plan }: { plan: Plan }) {
  const action = usePlanAction();
  const toggle = (publish: boolean) =>
    action.mutate(
      { id: plan.id, action: publish ? 'publish' : 'unpublish' },
      {
        onSuccess: ({ plan: saved }) =>
          notifications.show({ color: 'teal', message: publish ? `${saved.name} is published.` : `${saved.name} is no longer published.` }),
        onError: (error) =>
          notifications.show({
            color: 'red',
            title: "Couldn't change the plan",
            // Publishing checks the plan is complete (spec 004 §1); the editor shows exactly what is missing.
            message: isApiError(error, 'VALIDATION_FAILED') ? 'Complete the plan before publishing it: open it in Plans.' : error.message,
          }),
      },
    );
  return (
    <Switch
      checked={plan.status === 'published'}
      disabled={action.isPending}
      onChange={(event) => toggle(event.currentTarget.checked)}
      aria-label={`Published: ${plan.name}`}
    />
  );
}

/** The plans grid in short (spec 004 §7): who is on each plan and the publish toggle; the rest lives in Plans. */
export function PlansSummaryCard() {
  const plans = useAdminPlans();
  const list = plans.data?.plans.filter((plan) => plan.status !== 'archived');
  return (
    <Card component="section" aria-labelledby="plans-summary-title" data-testid="plans-summary">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="lg" id="plans-summary-title">
          Plans
        </Title>
        <AnchorLink to="/admin/plans" size="sm">
          Manage plans
        </AnchorLink>
      </Group>
      {plans.isError ? (
        <LoadError title="Couldn't load the plans" message={plans.error.message} retrying={plans.isFetching} onRetry={() => void plans.refetch()} />
      ) : list && list.length === 0 ? (
        <Text size="sm" c="dimmed">
          No plans yet. Create one in Plans.
        </Text>
      ) : (
        <CompactTable
          label="Plans"
          columns={COLUMNS}
          items={list}
          verticalSpacing={6}
          skeletonRows={3}
          minWidth={280}
          renderRow={(plan) => (
            <Table.Tr key={plan.id}>
              <Table.Td>
                <Stack gap={0}>
                  <AnchorLink to="/admin/plans/$planId" params={{ planId: plan.id }} size="sm" fw={600}>
                    {plan.name}
                  </AnchorLink>
                  <Group gap={4}>
                    <Text size="xs" c="dimmed">
                      {REQUEST_TYPE_LABELS[plan.requestType]}
                    </Text>
                    {plan.status === 'draft' && (
                      <Badge size="xs" variant="light" color="gray">
                        Draft
                      </Badge>
                    )}
                  </Group>
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{count.format(plan.subscriberCount)}</Text>
              </Table.Td>
              <Table.Td>
                <PublishSwitch plan={plan} />
              </Table.Td>
            </Table.Tr>
          )}
        />
      )}
    </Card>
  );
}
