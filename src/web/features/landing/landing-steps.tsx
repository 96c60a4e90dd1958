import { Box, Container, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
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
      </Container>
    </Box>
  );
}
