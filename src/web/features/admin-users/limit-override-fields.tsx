import { Checkbox, Group, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { useRef } from 'react';
import { LIMIT_KEYS, UNLIMITED, type LimitKey } from '../../../domain/plans';
import { LIMIT_LABELS } from '../pricing/plan-price';
import { OverriddenMark } from './overridden-badge';
import { formatLimitValue } from './user-labels';
import type { LimitField, OverridesForm } from './use-overrides-form';

/** Custom limits (spec 004 §3): daily, bulk, channels, chatbots; "Unlimited" stands for -1. */
export function LimitOverrideFields({ form, errors = {} }: { form: OverridesForm; errors?: Readonly<Record<string, string>> }) {
  // Unticking "Unlimited" brings back the number that was there before, instead of an empty field.
  const lastFinite = useRef<Partial<Record<LimitKey, LimitField>>>({});
  if (!form.values) return null;
  const values = form.values;

  const setUnlimited = (key: LimitKey, unlimited: boolean) => {
    const current = values.limits[key];
    if (unlimited) {
      if (current !== UNLIMITED) lastFinite.current[key] = current;
      form.setLimit(key, UNLIMITED);
    } else {
      const planValue = form.planLimit(key);
      form.setLimit(key, lastFinite.current[key] ?? (planValue !== UNLIMITED ? planValue : ''));
    }
  };

  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="lg">
      {LIMIT_KEYS.map((key) => {
        const value = values.limits[key];
        const isUnlimited = value === UNLIMITED;
        const label = LIMIT_LABELS[key];
        const planValue = form.planLimit(key);
        return (
          <Stack key={key} gap={6} data-testid={`limit-${key}`}>
            <NumberInput
              label={label}
              description={planValue === '' ? 'No plan yet' : `Plan: ${formatLimitValue(planValue)}`}
              allowDecimal={false}
              min={0}
              max={10_000_000}
              thousandSeparator=","
              placeholder={isUnlimited ? 'Unlimited' : 'Plan value'}
              disabled={isUnlimited}
              value={isUnlimited ? '' : value}
              error={errors[`limits.${key}`]}
              onChange={(next) => form.setLimit(key, typeof next === 'number' ? next : '')}
            />
            <Group justify="space-between" gap="xs" wrap="wrap" mih={22}>
              <Checkbox
                label="Unlimited"
                aria-label={`Unlimited ${label.toLowerCase()}`}
                checked={isUnlimited}
                onChange={(event) => setUnlimited(key, event.currentTarget.checked)}
              />
              {form.isLimitOverridden(key) && (
                <OverriddenMark
                  label={label.toLowerCase()}
                  planValue={planValue === '' ? null : formatLimitValue(planValue)}
                  onReset={() => form.resetLimit(key)}
                />
              )}
            </Group>
          </Stack>
        );
      })}
      {!form.plan && (
        <Text size="xs" c="dimmed" style={{ gridColumn: '1 / -1' }}>
          Leave a limit empty to use the plan&apos;s value once the user subscribes.
        </Text>
      )}
    </SimpleGrid>
  );
}
