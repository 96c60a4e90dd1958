import { Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { REQUEST_TYPES, type RequestType } from '../../../domain/plans';
import { OverriddenMark } from './overridden-badge';
import { REQUEST_TYPE_SHORT } from './user-labels';
import type { OverridesForm } from './use-overrides-form';

const OPTIONS = REQUEST_TYPES.map((type) => ({ value: type, label: REQUEST_TYPE_SHORT[type] }));

/** The call to action this user sees on pricing (spec 004 §3 "Request Type: Paid / Quote / Demo (per-user)"). */
export function RequestTypeField({ form }: { form: OverridesForm }) {
  if (!form.values) return null;
  const planValue = form.planRequestType;
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500} id="request-type-label">
        Request type
      </Text>
      <Text size="xs" c="dimmed">
        {planValue ? `Plan: ${REQUEST_TYPE_SHORT[planValue]}. ` : ''}Decides whether this user sees Subscribe, Request Quote or
        Book Demo on pricing.
      </Text>
      <Group gap="sm" wrap="wrap">
        <SegmentedControl
          aria-labelledby="request-type-label"
          data={OPTIONS}
          value={form.values.requestType || ''}
          onChange={(value) => form.setRequestType(value as RequestType)}
        />
        {form.isRequestTypeOverridden() && (
          <OverriddenMark
            label="request type"
            planValue={planValue ? REQUEST_TYPE_SHORT[planValue] : null}
            onReset={() => form.resetRequestType()}
          />
        )}
      </Group>
    </Stack>
  );
}
