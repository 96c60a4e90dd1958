import { AppShell, Burger, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Outlet, useRouterState } from '@tanstack/react-router';
import { useEffect } from 'react';
import { BrandLogo } from '../../components/brand-logo';
import { ColorSchemeToggle } from '../../components/color-scheme-toggle';
import { FullPageLoader } from '../../components/full-page-loader';
import { meQueryOptions } from '../me-query';
import { SessionContext } from '../session-context';
import { useRealtimeEvents } from '../use-realtime-events';
import { AppNavbar } from './app-navbar';
import { UserMenu } from './user-menu';

export function AppLayout() {
  const { data: me } = useQuery(meQueryOptions);
  const [navOpened, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  useRealtimeEvents();

  // On a phone the navbar covers the page; close it once the person has picked where to go.
  useEffect(() => closeNav(), [pathname, closeNav]);

  if (!me) return <FullPageLoader />;

  return (
    <SessionContext value={me}>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
        padding={{ base: 'md', sm: 'xl' }}
      >
        <AppShell.Header px="md">
          <Group h="100%" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={navOpened}
                onClick={toggleNav}
                hiddenFrom="sm"
                size="sm"
                aria-label={navOpened ? 'Close navigation' : 'Open navigation'}
              />
              <BrandLogo shortBelow="xs" />
            </Group>
            <Group gap="xs" wrap="nowrap">
              <ColorSchemeToggle />
              <UserMenu me={me} />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="md" aria-label="Main navigation">
          <AppNavbar me={me} />
        </AppShell.Navbar>
        <AppShell.Main>
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </SessionContext>
  );
}
