import { Checkbox, NumberInput, SimpleGrid, Stack } from '@mantine/core';
import { useRef } from 'react';
import { LIMIT_KEYS, UNLIMITED, type LimitKey } from '../../../domain/plans';
import { LIMIT_LABELS } from '../pricing/plan-price';
import { EditorSection } from './editor-section';
import type { LimitValue } from './plan-form';
import type { PlanForm } from './use-plan-form';

const HINTS: Record<LimitKey, string> = {
  daily: 'Outgoing messages per calendar day.',
  bulk: 'Bulk messages per billing period.',
  channels: 'WhatsApp numbers a customer can link.',
  chatbots: 'Chatbots switched on at the same time.',
};

export function PlanLimitsSection({ form }: { form: PlanForm }) {
  // Unticking "Unlimited" brings back the number that was there before, instead of an empty field.
  const lastFinite = useRef<Partial<Record<LimitKey, LimitValue>>>({});

  const setUnlimited = (key: LimitKey, unlimited: boolean) => {
    const current = form.values.limits[key];
    if (unlimited) {
      if (current !== UNLIMITED) lastFinite.current[key] = current;
      form.setLimit(key, UNLIMITED);
    } else {
      form.setLimit(key, lastFinite.current[key] ?? '');
    }
  };

  return (
    <EditorSection id="plan-limits-title" title="Limits" description="Whole numbers; Unlimited removes the limit.">
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="lg">
        {LIMIT_KEYS.map((key) => {
          const value = form.values.limits[key];
          const isUnlimited = value === UNLIMITED;
          const label = LIMIT_LABELS[key];
          return (
            <Stack key={key} gap={6}>
              <NumberInput
                label={label}
                description={HINTS[key]}
                allowDecimal={false}
                min={UNLIMITED}
                max={10_000_000}
                thousandSeparator=","
                placeholder={isUnlimited ? 'Unlimited' : 'e.g. 1000'}
                disabled={isUnlimited}
                value={isUnlimited ? '' : value}
                error={form.errors[`limits.${key}`]}
                onChange={(next) => form.setLimit(key, typeof next === 'number' ? next : '')}
              />
              <Checkbox
                label="Unlimited"
                aria-label={`Unlimited ${label.toLowerCase()}`}
                checked={isUnlimited}
                onChange={(event) => setUnlimited(key, event.currentTarget.checked)}
              />
            </Stack>
          );
        })}
      </SimpleGrid>
    </EditorSection>
  );
}
