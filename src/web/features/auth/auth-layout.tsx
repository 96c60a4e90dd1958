import { Box, Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { BrandLogo } from '../../components/brand-logo';
import { AnchorLink } from '../../components/router-links';

interface AuthLayoutProps {
  title: string;
  subtitle: string;
  children: ReactNode;
  footer: ReactNode;
}

export function AuthLayout({ title, subtitle, children, footer }: AuthLayoutProps) {
  return (
    <Box
      mih="100vh"
      style={{
        background:
          'radial-gradient(1200px 500px at 50% -10%, light-dark(var(--mantine-color-teal-1), rgba(12, 166, 120, 0.18)), transparent 70%)',
      }}
    >
      <Center mih="100vh" px="md" py="xl">
        <Stack w="100%" maw={440} gap="lg">
          <Center>
            <AnchorLink to="/" underline="never" c="inherit" aria-label="OmniPlus WA Tracker home">
              <BrandLogo />
            </AnchorLink>
          </Center>
          <Paper component="main" withBorder shadow="md" p={{ base: 'lg', xs: 32 }}>
            <Stack gap={4} mb="lg">
              <Title order={1} fz={26}>
                {title}
              </Title>
              <Text c="dimmed" size="sm">
                {subtitle}
              </Text>
            </Stack>
            {children}
          </Paper>
          <Text ta="center" size="sm" c="dimmed">
            {footer}
          </Text>
        </Stack>
      </Center>
    </Box>
  );
}
