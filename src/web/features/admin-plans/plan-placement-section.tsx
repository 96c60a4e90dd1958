import { Input, NumberInput, SegmentedControl, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { PLAN_VISIBILITIES, type PlanVisibility } from '../../../domain/plans';
import { EditorSection } from './editor-section';
import { VISIBILITY_LABELS } from './plan-labels';
import type { PlanForm } from './use-plan-form';

const VISIBILITY_OPTIONS = PLAN_VISIBILITIES.map((value) => ({ value, label: VISIBILITY_LABELS[value] }));

export function PlanPlacementSection({ form }: { form: PlanForm }) {
  const { values, errors } = form;
  return (
    <EditorSection id="plan-placement-title" title="Where it appears" description="Published plans are listed on pricing pages in sort order, lowest first.">
      <Stack gap="md">
        <Input.Wrapper label="Visibility" description="Landing page for visitors, Dashboard for signed-in customers, or both." error={errors.visibility}>
          <SegmentedControl
            mt={6}
            fullWidth
            aria-label="Visibility"
            data={VISIBILITY_OPTIONS}
            value={values.visibility}
            onChange={(value) => form.set('visibility', value as PlanVisibility)}
          />
        </Input.Wrapper>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <NumberInput
            label="Sort order"
            allowDecimal={false}
            min={-10_000}
            max={10_000}
            value={values.sortOrder}
            error={errors.sortOrder}
            onChange={(value) => form.set('sortOrder', typeof value === 'number' ? value : '')}
          />
          <TextInput
            label="PayPal plan ID"
            description="Optional; needed for PayPal subscriptions."
            placeholder="P-0AB12345CD678901EFGHIJKL"
            autoComplete="off"
            spellCheck={false}
            maxLength={64}
            value={values.paypalPlanId}
            error={errors.paypalPlanId}
            onChange={(event) => form.set('paypalPlanId', event.currentTarget.value)}
          />
        </SimpleGrid>
      </Stack>
    </EditorSection>
  );
}
