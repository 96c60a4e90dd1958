import { Input, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { CURRENCIES, currencyDecimals, formatMoney } from '../../../domain/money';
import { BILLING_PERIODS, PERIOD_DAYS, PERIOD_MONTHS, REQUEST_TYPES, type BillingPeriod, type RequestType } from '../../../domain/plans';
import { BILLING_PERIOD_LABELS, periodCharge, REQUEST_TYPE_LABELS } from '../pricing/plan-price';
import { EditorSection } from './editor-section';
import { previewPlan, priceHint } from './plan-form';
import type { PlanForm } from './use-plan-form';

const REQUEST_TYPE_OPTIONS = REQUEST_TYPES.map((value) => ({ value, label: REQUEST_TYPE_LABELS[value] }));
const PERIOD_OPTIONS = BILLING_PERIODS.map((value) => ({
  value,
  label: (
    <Stack gap={0}>
      <Text size="sm" fw={600} inherit>
        {BILLING_PERIOD_LABELS[value]}
      </Text>
      <Text size="xs" c="dimmed">
        {PERIOD_DAYS[value]} days
      </Text>
    </Stack>
  ),
}));

function PeriodCharge({ form }: { form: PlanForm }) {
  const preview = previewPlan(form.values, 'preview');
  if (preview.requestType !== 'paid') return null;
  const charge = periodCharge(preview);
  if (!charge || preview.monthlyPriceMinor === null) {
    return (
      <Text size="sm" c="dimmed">
        Enter a monthly price to see what one billing period costs.
      </Text>
    );
  }
  const months = PERIOD_MONTHS[preview.billingPeriod];
  const sum = months > 1 ? ` (${formatMoney(preview.monthlyPriceMinor, preview.currency)} × ${months} months)` : '';
  return (
    <Text size="sm" fw={500} data-testid="editor-period-charge">
      Customers pay {charge}
      {sum} for {preview.periodDays} days of service.
    </Text>
  );
}

export function PlanBasicsSection({ form }: { form: PlanForm }) {
  const { values, errors } = form;
  const isPaid = values.requestType === 'paid';
  // A plan saved earlier in a currency no longer offered still shows (and keeps) its own.
  const currencies: string[] = CURRENCIES.includes(values.currency as (typeof CURRENCIES)[number]) ? [...CURRENCIES] : [...CURRENCIES, values.currency];

  return (
    <EditorSection id="plan-basics-title" title="Plan" description="The name, price and how customers get this plan.">
      <Stack gap="md">
        <TextInput
          label="Name"
          placeholder="e.g. Growth"
          withAsterisk
          maxLength={80}
          value={values.name}
          error={errors.name}
          onChange={(event) => form.set('name', event.currentTarget.value)}
        />
        <Input.Wrapper label="Request type" description="Which buttons customers see on the pricing card." error={errors.requestType}>
          <SegmentedControl
            mt={6}
            fullWidth
            aria-label="Request type"
            data={REQUEST_TYPE_OPTIONS}
            value={values.requestType}
            onChange={(value) => form.set('requestType', value as RequestType)}
          />
        </Input.Wrapper>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <Select
            label="Currency"
            data={currencies}
            value={values.currency}
            onChange={(value) => value && form.set('currency', value)}
            allowDeselect={false}
            searchable
            error={errors.currency}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            label="Monthly price"
            inputMode="decimal"
            placeholder={isPaid ? (0).toFixed(currencyDecimals(values.currency)) : undefined}
            description={isPaid ? priceHint(values.currency) : 'No price for quote and demo plans'}
            disabled={!isPaid}
            rightSection={
              <Text size="xs" c="dimmed" pr={6}>
                {values.currency}
              </Text>
            }
            rightSectionWidth={48}
            value={isPaid ? values.price : ''}
            error={errors.monthlyPriceMinor}
            onChange={(event) => form.set('price', event.currentTarget.value)}
          />
        </SimpleGrid>
        <Input.Wrapper label="Billing period" description="How much service one payment buys." error={errors.billingPeriod}>
          <SegmentedControl
            mt={6}
            fullWidth
            aria-label="Billing period"
            data={PERIOD_OPTIONS}
            value={values.billingPeriod}
            onChange={(value) => form.set('billingPeriod', value as BillingPeriod)}
          />
        </Input.Wrapper>
        <PeriodCharge form={form} />
      </Stack>
    </EditorSection>
  );
}
