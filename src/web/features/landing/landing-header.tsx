import { Anchor, Box, Container, Group } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { meQueryOptions } from '../../app/me-query';
import { homePath } from '../../app/navigation';
import { BrandLogo } from '../../components/brand-logo';
import { ColorSchemeToggle } from '../../components/color-scheme-toggle';
import { AnchorLink, ButtonLink } from '../../components/router-links';
import classes from './landing.module.css';

export function LandingHeader() {
  const { data: me } = useQuery(meQueryOptions);
  return (
    <Box component="header" className={classes.header}>
      <Container size="lg" h={64}>
        <Group h="100%" justify="space-between" wrap="nowrap">
          <AnchorLink to="/" underline="never" c="inherit" aria-label="OmniPlus WA Tracker home">
            <BrandLogo shortBelow="xs" />
          </AnchorLink>
          <Group gap="lg" visibleFrom="md" component="nav" aria-label="Sections">
            <Anchor href="#features" c="dimmed" fw={500} size="sm">
              Features
            </Anchor>
            <Anchor href="#how-it-works" c="dimmed" fw={500} size="sm">
              How it works
            </Anchor>
            <Anchor href="#pricing" c="dimmed" fw={500} size="sm">
              Pricing
            </Anchor>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <ColorSchemeToggle />
            {me ? (
              <ButtonLink to={homePath(me)}>Open dashboard</ButtonLink>
            ) : (
              <>
                <ButtonLink to="/sign-in" variant="default" visibleFrom="xs">
                  Sign in
                </ButtonLink>
                <ButtonLink to="/sign-up">Get started</ButtonLink>
              </>
            )}
          </Group>
        </Group>
      </Container>
    </Box>
  );
}
