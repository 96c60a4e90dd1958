import { Badge, Button, Card, Divider, Group, List, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import {
  IconBrandPaypal,
  IconBrandWhatsapp,
  IconBuildingBank,
  IconCalendarEvent,
  IconCheck,
  IconMessage,
  IconMessageDots,
  IconRobot,
  IconSend,
  type Icon,
} from '@tabler/icons-react';
import type { LeadKind } from '../../../contracts/leads';
import type { PricingPlan } from '../../../contracts/plans';
import { LIMIT_KEYS, UNLIMITED, type LimitKey } from '../../../domain/plans';
import { ButtonLink } from '../../components/router-links';
import { formatLimit, monthlyPrice, periodCharge } from './plan-price';

/** Who looks at the card decides where its buttons lead: sign-up first, checkout, or nowhere (editor preview). */
export type PricingAudience = 'visitor' | 'member' | 'preview';
type PaymentMethod = 'paypal' | 'offline';

interface PricingCardProps {
  plan: PricingPlan;
  audience: PricingAudience;
  onRequest?: (kind: LeadKind) => void;
}

const LIMIT_PHRASES: Record<LimitKey, { icon: Icon; one: string; many: string }> = {
  daily: { icon: IconMessage, one: 'message a day', many: 'messages a day' },
  bulk: { icon: IconSend, one: 'bulk message per period', many: 'bulk messages per period' },
  channels: { icon: IconBrandWhatsapp, one: 'WhatsApp channel', many: 'WhatsApp channels' },
  chatbots: { icon: IconRobot, one: 'chatbot', many: 'chatbots' },
};

function limitSentence(key: LimitKey, value: number): string {
  const { one, many } = LIMIT_PHRASES[key];
  return `${formatLimit(value)} ${value === 1 ? one : many}`;
}

const UNPRICED_NOTES = {
  request_quote: "Tell us what you need and we'll send you a quote.",
  book_demo: 'See it working with your own numbers, then get a price.',
} as const;

function Price({ plan }: { plan: PricingPlan }) {
  const monthly = monthlyPrice(plan);
  if (plan.requestType !== 'paid') {
    return (
      <Stack gap={4}>
        <Text fz={28} fw={800} lh={1.2} style={{ letterSpacing: '-0.01em' }}>
          Custom pricing
        </Text>
        <Text size="sm" c="dimmed">
          {UNPRICED_NOTES[plan.requestType]}
        </Text>
      </Stack>
    );
  }
  if (!monthly) {
    return (
      <Text fz={30} fw={800} lh={1.2} c="dimmed">
        Price not set
      </Text>
    );
  }
  return (
    <Stack gap={4}>
      <Group gap={6} align="baseline" wrap="wrap" style={{ rowGap: 0 }}>
        <Text fz={monthly.length > 9 ? 28 : 36} fw={800} lh={1.1} style={{ letterSpacing: '-0.02em' }} data-testid="plan-monthly-price">
          {monthly}
        </Text>
        <Text c="dimmed" fw={500}>
          / month
        </Text>
      </Group>
      <Text size="sm" c="dimmed" data-testid="plan-period-charge">
        Billed {periodCharge(plan)} · {plan.periodDays} days of service
      </Text>
    </Stack>
  );
}

function checkoutHref(planId: string, method: PaymentMethod): string {
  return `/checkout/${encodeURIComponent(planId)}?method=${method}`;
}

function PaidButton({ plan, audience, method }: { plan: PricingPlan; audience: PricingAudience; method: PaymentMethod }) {
  const isPayPal = method === 'paypal';
  const look = {
    fullWidth: true,
    variant: isPayPal ? 'filled' : 'default',
    leftSection: isPayPal ? <IconBrandPaypal size={18} /> : <IconBuildingBank size={18} />,
    children: isPayPal ? 'Subscribe with PayPal' : 'Offline Payment',
  } as const;
  // DOMAIN.md: a visitor signs up (or in) first and then comes back to the same plan.
  if (audience === 'visitor') return <ButtonLink to="/sign-up" search={{ redirect: checkoutHref(plan.id, method) }} {...look} />;
  if (audience === 'member') return <ButtonLink to="/checkout/$planId" params={{ planId: plan.id }} search={{ method }} {...look} />;
  return <Button {...look} />;
}

function CallToAction({ plan, audience, onRequest }: PricingCardProps) {
  if (plan.requestType === 'paid') {
    return (
      <>
        <PaidButton plan={plan} audience={audience} method="paypal" />
        <PaidButton plan={plan} audience={audience} method="offline" />
      </>
    );
  }
  const isQuote = plan.requestType === 'request_quote';
  return (
    <Button
      fullWidth
      variant="light"
      leftSection={isQuote ? <IconMessageDots size={18} /> : <IconCalendarEvent size={18} />}
      onClick={() => onRequest?.(isQuote ? 'quote' : 'demo')}
    >
      {isQuote ? 'Request Quote' : 'Book Demo'}
    </Button>
  );
}

/** One plan as customers see it: the same card on the landing page, in the app and in the plan editor's preview. */
export function PricingCard({ plan, audience, onRequest }: PricingCardProps) {
  const titleId = `plan-${plan.id}-name`;
  return (
    <Card
      component="article"
      aria-labelledby={titleId}
      padding="xl"
      h="100%"
      shadow={plan.isCurrent ? 'md' : 'xs'}
      style={{
        display: 'flex',
        flexDirection: 'column',
        borderColor: plan.isCurrent ? 'var(--mantine-primary-color-filled)' : undefined,
        borderWidth: plan.isCurrent ? 2 : undefined,
      }}
    >
      <Group justify="space-between" align="flex-start" gap="xs" mb="md" wrap="nowrap">
        <Title id={titleId} order={3} fz="xl" style={{ overflowWrap: 'anywhere' }}>
          {plan.name}
        </Title>
        {plan.isCurrent && (
          <Badge variant="filled" style={{ flexShrink: 0 }}>
            Your current plan
          </Badge>
        )}
      </Group>
      <Price plan={plan} />
      <Divider my="lg" />
      <List spacing={8} size="sm" center aria-label="Limits">
        {LIMIT_KEYS.map((key) => {
          const LimitIcon = LIMIT_PHRASES[key].icon;
          return (
            <List.Item key={key} lh={1.35} fw={plan.limits[key] === UNLIMITED ? 700 : 500} icon={<LimitIcon size={18} stroke={1.7} color="var(--mantine-color-dimmed)" />}>
              {limitSentence(key, plan.limits[key])}
            </List.Item>
          );
        })}
      </List>
      {plan.features.length > 0 && (
        <List
          mt="md"
          spacing={8}
          size="sm"
          aria-label="Features"
          icon={
            <ThemeIcon size={20} radius="xl" variant="light">
              <IconCheck size={13} stroke={2.5} />
            </ThemeIcon>
          }
        >
          {plan.features.map((feature, index) => (
            <List.Item key={`${index}-${feature}`} style={{ overflowWrap: 'anywhere' }}>
              {feature}
            </List.Item>
          ))}
        </List>
      )}
      {/* The editor's preview shows the real buttons, but nothing in it can be clicked or focused. */}
      <Stack gap="sm" mt="auto" pt="xl" inert={audience === 'preview'}>
        <CallToAction plan={plan} audience={audience} onRequest={onRequest} />
      </Stack>
    </Card>
  );
}
