import { Box, Button, Card, Container, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCalendarEvent, IconMessageCircle } from '@tabler/icons-react';
import { useState } from 'react';
import type { LeadKind } from '../../../contracts/leads';
import { LeadFormModal } from '../leads/lead-form-modal';
import classes from './landing.module.css';

const STEPS = [
  {
    title: 'Create your account',
    text: 'Sign up with your name and email. It takes less than a minute and needs no card.',
  },
  {
    title: 'Choose a plan and pay',
    text: 'Pick the plan that fits your volume, then subscribe with PayPal or send a bank transfer and upload the receipt.',
  },
  {
    title: 'Link your WhatsApp number',
    text: 'Add a channel and scan its QR code with WhatsApp on your phone. No new SIM card or app is needed.',
  },
  {
    title: 'Start messaging',
    text: 'Send your first message, import a list for a bulk send, or switch on a chatbot — and follow every delivery in the logs.',
  },
] as const;

/** For teams that want to talk before choosing a plan: a quote or demo request, no account needed. */
function TalkToSales() {
  const [kind, setKind] = useState<LeadKind | null>(null);
  // Keep the last kind while the modal closes, so its title doesn't change during the transition.
  const [shown, setShown] = useState<LeadKind>('quote');
  const open = (next: LeadKind) => {
    setShown(next);
    setKind(next);
  };
  return (
    <Card mt={56} padding="xl" radius="lg" withBorder component="aside" aria-labelledby="sales-title">
      <Group justify="space-between" gap="lg">
        <Stack gap={4} maw={560}>
          <Title id="sales-title" order={3} fz="xl">
            Need a larger setup or want a walkthrough first?
          </Title>
          <Text c="dimmed" size="sm">
            Tell us about your team and volume and we&apos;ll prepare a quote, or book a live demo at a time that suits you.
          </Text>
        </Stack>
        <Group gap="sm">
          <Button variant="default" leftSection={<IconCalendarEvent size={18} />} onClick={() => open('demo')}>
            Book a demo
          </Button>
          <Button leftSection={<IconMessageCircle size={18} />} onClick={() => open('quote')}>
            Talk to sales
          </Button>
        </Group>
      </Group>
      <LeadFormModal opened={kind !== null} onClose={() => setKind(null)} kind={shown} plan={null} />
    </Card>
  );
}

export function LandingSteps() {
  return (
    <Box component="section" className={classes.muted} id="how-it-works" aria-labelledby="steps-title">
      <Container size="lg" className={classes.section}>
        <Stack gap={6} align="center" ta="center" mb={48}>
          <Text c="teal" fw={700} tt="uppercase" size="sm" style={{ letterSpacing: '0.08em' }}>
            How it works
          </Text>
          <Title id="steps-title" order={2} fz={{ base: 28, sm: 36 }}>
            From sign-up to first message in four steps
          </Title>
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="xl" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {STEPS.map((step, index) => (
            <Stack key={step.title} gap="sm" component="li">
              <ThemeIcon size={44} radius="xl" variant="filled" fz="lg" fw={700}>
                {index + 1}
              </ThemeIcon>
              <Title order={3} fz="lg">
                {step.title}
              </Title>
              <Text size="sm" c="dimmed" lh={1.6}>
                {step.text}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
        <TalkToSales />
      </Container>
    </Box>
  );
}
