import { Anchor, Box, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { meQueryOptions } from '../../app/me-query';
import { homePath } from '../../app/navigation';
import { BrandLogo } from '../../components/brand-logo';
import { AnchorLink, ButtonLink } from '../../components/router-links';
import classes from './landing.module.css';

function CallToAction() {
  const { data: me } = useQuery(meQueryOptions);
  return (
    <Box component="section" className={classes.cta} aria-labelledby="cta-title">
      <Container size="md" py={{ base: 48, sm: 72 }}>
        <Stack align="center" ta="center" gap="md">
          <Title id="cta-title" order={2} fz={{ base: 26, sm: 34 }} c="white">
            Ready to reach your customers on WhatsApp?
          </Title>
          <Text size="lg" c="rgba(255,255,255,0.85)" maw={560}>
            Create your account, choose a plan and link your first number today.
          </Text>
          <Group justify="center" mt="xs">
            {me ? (
              <ButtonLink to={homePath(me)} size="md" variant="white" color="teal">
                Open dashboard
              </ButtonLink>
            ) : (
              <>
                <ButtonLink to="/sign-up" size="md" variant="white" color="teal">
                  Get started
                </ButtonLink>
                <ButtonLink to="/sign-in" size="md" variant="outline" color="white">
                  Sign in
                </ButtonLink>
              </>
            )}
          </Group>
        </Stack>
      </Container>
    </Box>
  );
}

export function LandingFooter() {
  return (
    <>
      <CallToAction />
      <Box component="footer" py="xl">
        <Container size="lg">
          <Group justify="space-between" gap="md">
            <Stack gap={4}>
              <BrandLogo />
              <Text size="xs" c="dimmed">
                © {new Date().getFullYear()} OmniPlus WA Tracker. WhatsApp channels for businesses.
              </Text>
            </Stack>
            <Group gap="lg" component="nav" aria-label="Footer">
              <Anchor href="#features" size="sm" c="dimmed">
                Features
              </Anchor>
              <Anchor href="#how-it-works" size="sm" c="dimmed">
                How it works
              </Anchor>
              <Anchor href="#pricing" size="sm" c="dimmed">
                Pricing
              </Anchor>
              <AnchorLink to="/sign-in" size="sm" c="dimmed">
                Sign in
              </AnchorLink>
              <AnchorLink to="/sign-up" size="sm" c="dimmed">
                Create account
              </AnchorLink>
            </Group>
          </Group>
        </Container>
      </Box>
    </>
  );
}
