import { AppShell, Burger, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Outlet, useRouterState } from '@tanstack/react-router';
import { useEffect } from 'react';
import { BrandLogo } from '../../components/brand-logo';
import { ColorSchemeToggle } from '../../components/color-scheme-toggle';
import { FullPageLoader } from '../../components/full-page-loader';
import { NotificationBell } from '../../features/notifications/notification-bell';
import { meQueryOptions } from '../me-query';
import { SessionContext } from '../session-context';
import { useRealtimeEvents } from '../use-realtime-events';
import { useWhapiStatus } from '../whapi-status-query';
import { AppNavbar } from './app-navbar';
import { HeaderPartnerBalance } from './header-partner-balance';
import { UserMenu } from './user-menu';
import { ExpiredBanner } from './expired-banner';
import { WhapiBanner } from './whapi-banner';

const WHAPI_SETTINGS_PATH = '/admin/settings/whapi';

/** The token banner belongs to the admin console and the admin's dashboard, not to personal pages. */
function showsWhapiBanner(pathname: string): boolean {
  return pathname === '/dashboard' || pathname === '/admin' || pathname.startsWith('/admin/');
}

export function AppLayout() {
  const { data: me } = useQuery(meQueryOptions);
  const [navOpened, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  useRealtimeEvents();
  const isAdmin = me?.user.role === 'admin';
  const whapi = useWhapiStatus(isAdmin).data;

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
            <Group gap="md" wrap="nowrap">
              {isAdmin && whapi?.partnerBalance && <HeaderPartnerBalance balance={whapi.partnerBalance} />}
              <Group gap="xs" wrap="nowrap">
                <NotificationBell />
                <ColorSchemeToggle />
                <UserMenu me={me} />
              </Group>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="md" aria-label="Main navigation">
          <AppNavbar me={me} />
        </AppShell.Navbar>
        <AppShell.Main>
          {isAdmin && whapi?.banner && showsWhapiBanner(pathname) && (
            <WhapiBanner message={whapi.banner} showLink={pathname !== WHAPI_SETTINGS_PATH} />
          )}
          {me.subscription?.state === 'expired' && <ExpiredBanner planName={me.subscription.planName} />}
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </SessionContext>
  );
}
