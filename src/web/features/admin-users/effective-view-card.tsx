import { Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import type { AdminUserDetails } from '../../../contracts/admin-users';
import { USER_PAGES, type AlwaysPage, type Page } from '../../../domain/pages';
import { LIMIT_KEYS } from '../../../domain/plans';
import { LIMIT_LABELS } from '../pricing/plan-price';
import { SectionCard } from './section-card';
import { formatLimitValue, REQUEST_TYPE_SHORT, USER_PAGE_LABELS } from './user-labels';

const ALWAYS_LABELS: Record<AlwaysPage, string> = { pricing: 'Pricing', payments: 'Payments', account: 'Account' };

function pageLabel(page: Page): string {
  return (USER_PAGE_LABELS as Record<string, string>)[page] ?? (ALWAYS_LABELS as Record<string, string>)[page] ?? page;
}

/** Plan ⊕ overrides as the server enforces them right now (spec 004 §3 "Effective View"). */
export function EffectiveViewCard({ details }: { details: AdminUserDetails }) {
  const { effective, user } = details;
  const userPages = effective.pages.filter((page) => (USER_PAGES as readonly string[]).includes(page));
  const note =
    user.userStatus === 'banned'
      ? 'Banned: no page is open until the user is unbanned.'
      : user.userStatus === 'expired'
        ? 'Expired: only Pricing, Payments and Account are open until days are added.'
        : user.userStatus === 'no_plan'
          ? 'No plan yet: the dashboard and the always-open pages only.'
          : null;
  return (
    <SectionCard
      id="effective-title"
      icon={<IconEye size={20} />}
      color="grape"
      title="Effective view"
      description="What this user gets now: overrides over the plan, expiry and bans applied."
      testId="effective-view"
    >
      <Stack gap="md">
        {note && (
          <Text size="sm" c="orange" fw={500}>
            {note}
          </Text>
        )}
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
          {LIMIT_KEYS.map((key) => (
            <Stack key={key} gap={0} data-testid={`effective-${key}`}>
              <Text size="xs" c="dimmed">
                {LIMIT_LABELS[key]}
              </Text>
              <Text size="sm" fw={700}>
                {formatLimitValue(effective.limits[key])}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
        {effective.requestType && (
          <Text size="sm">
            Request type: <b>{REQUEST_TYPE_SHORT[effective.requestType]}</b>
          </Text>
        )}
        <Stack gap={6}>
          <Text size="xs" c="dimmed">
            Allowed pages
          </Text>
          <Group gap={6} data-testid="effective-pages">
            {effective.pages.length === 0 ? (
              <Text size="sm" c="dimmed">
                None
              </Text>
            ) : (
              [...userPages, ...effective.pages.filter((page) => !userPages.includes(page) && !page.startsWith('admin.'))].map((page) => (
                <Badge key={page} size="sm" variant="light" color="grape" tt="none" data-page={page}>
                  {pageLabel(page)}
                </Badge>
              ))
            )}
            {user.role === 'admin' && (
              <Badge size="sm" variant="filled" color="grape" tt="none">
                Admin console
              </Badge>
            )}
          </Group>
        </Stack>
      </Stack>
    </SectionCard>
  );
}
