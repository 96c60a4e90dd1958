import { Badge, Box, Container, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight, IconChecks, IconCircleCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { meQueryOptions } from '../../app/me-query';
import { homePath } from '../../app/navigation';
import { ButtonLink } from '../../components/router-links';
import classes from './landing.module.css';

const PROMISES = ['Link a number with one QR scan', 'Clear daily, bulk and channel limits', 'Pay with PayPal or bank transfer'];

// An example conversation (not customer data) that shows what a message sent through a channel looks like.
function ChatPreview() {
  return (
    <Box className={classes.phone} maw={360} mx="auto" w="100%" aria-hidden>
      <Group gap="sm" px="md" py="sm" bg="teal.8" c="white">
        <Box w={34} h={34} bg="rgba(255,255,255,0.25)" style={{ borderRadius: '50%' }} />
        <Stack gap={0}>
          <Text fw={600} size="sm">
            Bloom Flower Studio
          </Text>
          <Text size="xs" opacity={0.8}>
            Business account
          </Text>
        </Stack>
      </Group>
      <Stack gap={10} p="md" mih={280}>
        <div className={classes.bubbleIn}>Hi! Is my bouquet order on its way?</div>
        <div className={classes.bubbleOut}>
          Hello Sara! Your order left our studio this morning and will arrive between 2 and 4 pm.
          <Group gap={4} justify="flex-end" mt={2}>
            <Text size="xs" c="dimmed">
              10:42
            </Text>
            <IconChecks size={14} color="var(--mantine-color-blue-5)" />
          </Group>
        </div>
        <div className={classes.bubbleIn}>Perfect, thank you!</div>
        <div className={classes.bubbleOut}>
          You're welcome! Reply MENU any time to see this week's arrangements.
          <Group gap={4} justify="flex-end" mt={2}>
            <Text size="xs" c="dimmed">
              10:43
            </Text>
            <IconChecks size={14} color="var(--mantine-color-gray-6)" />
          </Group>
        </div>
      </Stack>
    </Box>
  );
}

export function LandingHero() {
  const { data: me } = useQuery(meQueryOptions);
  return (
    <Box component="section" className={classes.hero} aria-labelledby="hero-title">
      <Container size="lg" className={classes.section}>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing={56} style={{ alignItems: 'center' }}>
          <Stack gap="lg">
            <Badge variant="light" size="lg" radius="sm" w="fit-content">
              WhatsApp messaging for businesses
            </Badge>
            <Title id="hero-title" order={1} className={classes.heroTitle}>
              Talk to your customers on{' '}
              <Text span inherit c="teal">
                WhatsApp
              </Text>
              , from one dashboard
            </Title>
            <Text size="lg" c="dimmed" maw={540}>
              OmniPlus WA Tracker gives your business its own WhatsApp channels. Link your numbers by scanning a QR
              code, send single, bulk and template messages, and let chatbots and workflows reply for you — all on a
              plan whose limits you can see up front.
            </Text>
            <Stack gap={6}>
              {PROMISES.map((promise) => (
                <Group key={promise} gap={8} wrap="nowrap">
                  <IconCircleCheck size={20} color="var(--mantine-color-teal-6)" />
                  <Text size="sm" fw={500}>
                    {promise}
                  </Text>
                </Group>
              ))}
            </Stack>
            <Group gap="sm" mt="xs">
              {me ? (
                <ButtonLink to={homePath(me)} size="md" rightSection={<IconArrowRight size={18} />}>
                  Open dashboard
                </ButtonLink>
              ) : (
                <>
                  <ButtonLink to="/sign-up" size="md" rightSection={<IconArrowRight size={18} />}>
                    Create your account
                  </ButtonLink>
                  <ButtonLink to="/sign-in" size="md" variant="default">
                    Sign in
                  </ButtonLink>
                </>
              )}
            </Group>
          </Stack>
          <ChatPreview />
        </SimpleGrid>
      </Container>
    </Box>
  );
}
