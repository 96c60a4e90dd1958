import { Box, NavLink, ScrollArea, Stack, Text, type NavLinkProps } from '@mantine/core';
import { createLink, type LinkComponent } from '@tanstack/react-router';
import type { AnchorHTMLAttributes, Ref } from 'react';
import type { Me } from '../../../contracts/auth';
import { adminNavigation, userNavigation, type NavItem } from '../navigation';

type NavAnchorProps = NavLinkProps & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'color' | 'style'> & { ref?: Ref<HTMLAnchorElement> };

function NavAnchor(props: NavAnchorProps) {
  return <NavLink component="a" {...props} />;
}

const CreatedNavLink = createLink(NavAnchor);
const RouterNavLink: LinkComponent<typeof NavAnchor> = (props) => <CreatedNavLink preload="intent" {...props} />;

function NavSection({ title, items }: { title: string; items: NavItem[] }) {
  if (items.length === 0) return null;
  return (
    <Box component="section" aria-label={title}>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={6} style={{ letterSpacing: '0.06em' }}>
        {title}
      </Text>
      <Stack gap={4}>
        {items.map(({ to, label, icon: Icon, exact }) => (
          <RouterNavLink
            key={to}
            to={to}
            label={label}
            leftSection={<Icon size={19} stroke={1.7} />}
            activeOptions={{ includeSearch: false, exact: exact ?? false }}
            // The router marks the current page with data-status="active"; Mantine highlights `active`.
            activeProps={{ active: true, 'aria-current': 'page' }}
            variant="light"
            style={{ borderRadius: 'var(--mantine-radius-md)' }}
          />
        ))}
      </Stack>
    </Box>
  );
}

export function AppNavbar({ me }: { me: Me }) {
  return (
    <ScrollArea style={{ flex: 1 }}>
      <Stack gap="xl">
        <NavSection title="Workspace" items={userNavigation(me)} />
        <NavSection title="Admin console" items={adminNavigation(me)} />
      </Stack>
    </ScrollArea>
  );
}
