import { ActionIcon, Badge, Card, Grid, Group, Menu, Stack, Switch, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArchiveOff, IconArrowDown, IconArrowUp, IconCopy, IconDots, IconPencil } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import type { Plan } from '../../../contracts/plans';
import { isApiError } from '../../app/api-client';
import { AnchorLink, ButtonLink } from '../../components/router-links';
import { BILLING_PERIOD_LABELS, monthlyPrice, periodCharge, REQUEST_TYPE_LABELS, UNPRICED_LABELS } from '../pricing/plan-price';
import { usePlanAction, type PlanAction } from './plan-action';
import { INCOMPLETE_PLAN, STATUS_COLORS, STATUS_LABELS, VISIBILITY_LABELS } from './plan-labels';
import { PlanProblemsAlert } from './plan-problems-alert';

const count = new Intl.NumberFormat();

const DONE: Record<PlanAction, (name: string) => string> = {
  publish: (name) => `${name} is published.`,
  unpublish: (name) => `${name} is no longer published.`,
  duplicate: (name) => `${name} was duplicated as a draft.`,
  archive: (name) => `${name} is archived. Its subscribers keep it.`,
  unarchive: (name) => `${name} is back as a draft.`,
};

function PlanPrice({ plan }: { plan: Plan }) {
  if (plan.requestType !== 'paid') {
    return (
      <Text size="sm" fw={600}>
        {UNPRICED_LABELS[plan.requestType]}
      </Text>
    );
  }
  const monthly = monthlyPrice(plan);
  if (!monthly) {
    return (
      <Text size="sm" fw={600} c="orange">
        No price yet
      </Text>
    );
  }
  return (
    <Stack gap={0}>
      <Text size="sm" fw={700}>
        {monthly} / month
      </Text>
      <Text size="xs" c="dimmed">
        {periodCharge(plan)}
      </Text>
    </Stack>
  );
}

interface PlanRowProps {
  plan: Plan;
  canMoveUp: boolean;
  canMoveDown: boolean;
  isMoving: boolean;
  onMove: (direction: -1 | 1) => void;
}

export function PlanRow({ plan, canMoveUp, canMoveDown, isMoving, onMove }: PlanRowProps) {
  const navigate = useNavigate();
  const action = usePlanAction();
  const [problems, setProblems] = useState<Readonly<Record<string, string>> | null>(null);
  const titleId = `plan-row-${plan.id}`;
  const isArchived = plan.status === 'archived';

  const run = (next: PlanAction) => {
    setProblems(null);
    action.mutate(
      { id: plan.id, action: next },
      {
        onSuccess: ({ plan: saved }) => notifications.show({ color: 'teal', message: DONE[next](saved.name) }),
        onError: (error) => {
          // Publishing checks the plan is complete (spec 004 §1) and names what is missing.
          if (next === 'publish' && isApiError(error, 'VALIDATION_FAILED')) setProblems(error.fields);
          else notifications.show({ color: 'red', title: "Couldn't update the plan", message: error.message });
        },
      },
    );
  };

  const switchControl = (
    <Switch
      label="Published"
      checked={plan.status === 'published'}
      disabled={isArchived || action.isPending}
      onChange={(event) => run(event.currentTarget.checked ? 'publish' : 'unpublish')}
    />
  );

  return (
    <Card component="article" aria-labelledby={titleId} padding="md" data-plan-status={plan.status} data-plan-visibility={plan.visibility}>
      <Group wrap="nowrap" align="flex-start" gap="md">
        <Stack gap={4}>
          <Tooltip label="Move up">
            <ActionIcon variant="default" size="sm" aria-label={`Move ${plan.name} up`} disabled={!canMoveUp || isMoving} onClick={() => onMove(-1)}>
              <IconArrowUp size={14} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Move down">
            <ActionIcon variant="default" size="sm" aria-label={`Move ${plan.name} down`} disabled={!canMoveDown || isMoving} onClick={() => onMove(1)}>
              <IconArrowDown size={14} />
            </ActionIcon>
          </Tooltip>
        </Stack>
        <Grid gutter="sm" align="center" style={{ flex: 1, minWidth: 0 }}>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Group gap="xs" wrap="wrap">
              <Title id={titleId} order={3} fz="md" style={{ overflowWrap: 'anywhere' }}>
                <AnchorLink to="/admin/plans/$planId" params={{ planId: plan.id }} c="inherit" underline="hover" inherit>
                  {plan.name}
                </AnchorLink>
              </Title>
              <Badge variant="light" color={STATUS_COLORS[plan.status]} data-testid="plan-status">
                {STATUS_LABELS[plan.status]}
              </Badge>
            </Group>
            <Text size="xs" c="dimmed" mt={4}>
              {REQUEST_TYPE_LABELS[plan.requestType]} · {BILLING_PERIOD_LABELS[plan.billingPeriod]} ({plan.periodDays} days) · Shown on:{' '}
              {VISIBILITY_LABELS[plan.visibility]}
            </Text>
          </Grid.Col>
          <Grid.Col span={{ base: 7, md: 3 }}>
            <PlanPrice plan={plan} />
          </Grid.Col>
          <Grid.Col span={{ base: 5, md: 1.5 }}>
            <Text size="sm" fw={700}>
              {count.format(plan.subscriberCount)}
            </Text>
            <Text size="xs" c="dimmed">
              {plan.subscriberCount === 1 ? 'subscriber' : 'subscribers'}
            </Text>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 2.5 }}>
            <Group gap="sm" justify="flex-end" wrap="nowrap">
              {isArchived ? (
                <Tooltip label="Unarchive the plan to publish it.">
                  <div>{switchControl}</div>
                </Tooltip>
              ) : (
                switchControl
              )}
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${plan.name}`} loading={action.isPending}>
                    <IconDots size={18} />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => void navigate({ to: '/admin/plans/$planId', params: { planId: plan.id } })}>
                    Edit
                  </Menu.Item>
                  <Menu.Item leftSection={<IconCopy size={16} />} onClick={() => run('duplicate')}>
                    Duplicate
                  </Menu.Item>
                  {isArchived ? (
                    <Menu.Item leftSection={<IconArchiveOff size={16} />} onClick={() => run('unarchive')}>
                      Unarchive
                    </Menu.Item>
                  ) : (
                    <Menu.Item leftSection={<IconArchive size={16} />} color="orange" onClick={() => run('archive')}>
                      Archive
                    </Menu.Item>
                  )}
                </Menu.Dropdown>
              </Menu>
            </Group>
          </Grid.Col>
        </Grid>
      </Group>
      {problems && (
        <Stack mt="md">
          <PlanProblemsAlert
            title={INCOMPLETE_PLAN}
            fields={problems}
            onClose={() => setProblems(null)}
            action={
              <ButtonLink to="/admin/plans/$planId" params={{ planId: plan.id }} size="xs" variant="light" color="red" mt="sm">
                Edit plan
              </ButtonLink>
            }
          />
        </Stack>
      )}
    </Card>
  );
}
