import { Badge, Button, Card, CloseButton, Grid, Group, Select, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { CHANNEL_STATUSES, DISPLAY_STATUSES, type ChannelDisplayStatus, type ChannelStatus } from '../../../contracts/channels';
import { BILLING_STATUS_LABELS, DISPLAY_STATUS_LABELS } from '../channels/channel-labels';
import type { AdminChannelsSearch } from './admin-channels-search';

type Filters = Omit<AdminChannelsSearch, 'page'>;

const STATUS_OPTIONS = DISPLAY_STATUSES.map((status) => ({ value: status, label: DISPLAY_STATUS_LABELS[status] }));
const BILLING_OPTIONS = CHANNEL_STATUSES.map((status) => ({ value: status, label: BILLING_STATUS_LABELS[status] }));

interface AdminChannelFiltersProps {
  filters: Filters;
  /** The filtered user's email, when the rows on screen tell us. */
  userLabel: string | null;
  onChange: (next: Filters) => void;
}

export function AdminChannelFilters({ filters, userLabel, onChange }: AdminChannelFiltersProps) {
  const set = (patch: Filters) => onChange({ ...filters, ...patch });
  const [text, setText] = useState(filters.q ?? '');
  // Search applies after a short pause in typing; the selects apply at once.
  const commit = useDebouncedCallback((next: string) => set({ q: next.trim() || undefined }), 400);
  useEffect(() => {
    setText((current) => (current.trim() === (filters.q ?? '') ? current : (filters.q ?? '')));
  }, [filters.q]);
  const hasFilters = Object.values(filters).some((value) => value !== undefined);

  return (
    <Card mb="lg" padding="md" component="section" aria-label="Filters">
      <Grid gutter="sm">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <TextInput
            label="Search"
            placeholder="Name, phone, user or channel ID"
            leftSection={<IconSearch size={16} />}
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
              commit(event.currentTarget.value);
            }}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 3 }}>
          <Select
            label="Status"
            placeholder="All statuses"
            data={STATUS_OPTIONS}
            value={filters.status ?? null}
            onChange={(value) => set({ status: (value as ChannelDisplayStatus | null) ?? undefined })}
            clearable
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 3 }}>
          <Select
            label="Days"
            placeholder="Any"
            data={BILLING_OPTIONS}
            value={filters.billing ?? null}
            onChange={(value) => set({ billing: (value as ChannelStatus | null) ?? undefined })}
            clearable
          />
        </Grid.Col>
      </Grid>
      {(filters.userId || hasFilters) && (
        <Group gap="sm" mt="sm">
          {filters.userId && (
            <Badge
              size="lg"
              variant="light"
              tt="none"
              fw={500}
              rightSection={<CloseButton size="xs" aria-label="Show every user's channels" onClick={() => set({ userId: undefined })} />}
              data-testid="user-filter"
            >
              <Text span size="sm">
                User: {userLabel ?? 'selected user'}
              </Text>
            </Badge>
          )}
          {hasFilters && (
            <Button
              variant="subtle"
              color="gray"
              size="xs"
              leftSection={<IconFilterOff size={14} />}
              onClick={() => {
                commit.cancel();
                setText('');
                onChange({});
              }}
            >
              Clear filters
            </Button>
          )}
        </Group>
      )}
    </Card>
  );
}
