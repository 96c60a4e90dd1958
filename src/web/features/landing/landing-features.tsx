import { Card, Container, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import {
  IconCreditCard,
  IconGauge,
  IconListCheck,
  IconMessages,
  IconQrcode,
  IconRobot,
  type Icon,
} from '@tabler/icons-react';
import classes from './landing.module.css';

interface Feature {
  icon: Icon;
  title: string;
  text: string;
}

const FEATURES: readonly Feature[] = [
  {
    icon: IconQrcode,
    title: 'Link numbers by QR',
    text: 'Add a channel, open WhatsApp on your phone and scan the code under Linked devices. The dashboard confirms the link the moment it happens.',
  },
  {
    icon: IconMessages,
    title: 'Single, bulk and template messages',
    text: 'Answer one customer, reach a whole list from a CSV file, or reuse saved wording with templates — all from your own numbers.',
  },
  {
    icon: IconRobot,
    title: 'Chatbots and workflows',
    text: 'Reply to common questions automatically and trigger follow-ups from keywords, so customers get an answer even after hours.',
  },
  {
    icon: IconListCheck,
    title: 'Outbox and delivery logs',
    text: 'Every message is queued first and tracked as it moves from sent to delivered to read, with the reason shown when one fails.',
  },
  {
    icon: IconGauge,
    title: 'Plans with clear limits',
    text: 'Each plan states its daily messages, bulk sends, channels and chatbots up front, and your dashboard shows the days left on your service.',
  },
  {
    icon: IconCreditCard,
    title: 'PayPal or bank transfer',
    text: 'Subscribe with PayPal, or pay by bank transfer and upload the receipt. Your plan starts as soon as the payment is confirmed.',
  },
];

export function LandingFeatures() {
  return (
    <Container size="lg" className={classes.section} component="section" id="features" aria-labelledby="features-title">
      <Stack gap={6} align="center" ta="center" mb={48}>
        <Text c="teal" fw={700} tt="uppercase" size="sm" style={{ letterSpacing: '0.08em' }}>
          Features
        </Text>
        <Title id="features-title" order={2} fz={{ base: 28, sm: 36 }}>
          Everything a business needs on WhatsApp
        </Title>
        <Text c="dimmed" maw={620}>
          One place to connect your numbers, talk to customers and keep track of every message you send.
        </Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="lg">
        {FEATURES.map(({ icon: FeatureIcon, title, text }) => (
          <Card key={title} className={classes.featureCard} shadow="xs">
            <ThemeIcon size={46} radius="md" variant="light" mb="md">
              <FeatureIcon size={26} stroke={1.6} />
            </ThemeIcon>
            <Title order={3} fz="lg" mb={6}>
              {title}
            </Title>
            <Text size="sm" c="dimmed" lh={1.6}>
              {text}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </Container>
  );
}
