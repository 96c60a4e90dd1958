import type { Icon } from '@tabler/icons-react';
import {
  IconAddressBook,
  IconBrandWhatsapp,
  IconCash,
  IconGauge,
  IconHistory,
  IconInbox,
  IconLayoutDashboard,
  IconSettings,
  IconPackages,
  IconReceipt,
  IconScale,
  IconSend,
  IconTags,
  IconUserCircle,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { LinkProps } from '@tanstack/react-router';
import type { Me } from '../../contracts/auth';
import type { Page } from '../../domain/pages';

export interface NavItem {
  page: Page;
  label: string;
  to: NonNullable<LinkProps['to']>;
  icon: Icon;
  /** Active only on this exact path (the admin dashboard at /admin is the parent of every admin page). */
  exact?: boolean;
}

// The pages that exist in the SPA today, in menu order. The server decides which of them a person may
// open (`me.pages`); a page appears here only once its screen is built, so the menu never has dead links.
// Adding a page later is one line in the matching list (plus its route).
const USER_NAV: readonly NavItem[] = [
  { page: 'dashboard', label: 'Dashboard', to: '/dashboard', icon: IconLayoutDashboard },
  { page: 'channels', label: 'Channels', to: '/channels', icon: IconBrandWhatsapp },
  { page: 'send', label: 'Send', to: '/send', icon: IconSend },
  { page: 'bulk', label: 'Bulk', to: '/bulk', icon: IconUsersGroup },
  { page: 'outbox', label: 'Outbox', to: '/outbox', icon: IconInbox },
  { page: 'pricing', label: 'Pricing', to: '/pricing', icon: IconTags },
  { page: 'payments', label: 'Payments', to: '/payments', icon: IconReceipt },
  { page: 'account', label: 'Account', to: '/account', icon: IconUserCircle },
];

// Admin console order follows DOMAIN.md "Pages": … Payments, … Billing & Balances, Settings (WHAPI and the rest), Leads, Audit log.
const ADMIN_NAV: readonly NavItem[] = [
  { page: 'admin.dashboard', label: 'Dashboard', to: '/admin', icon: IconGauge, exact: true },
  { page: 'admin.users', label: 'Users', to: '/admin/users', icon: IconUsers },
  { page: 'admin.plans', label: 'Plans', to: '/admin/plans', icon: IconPackages },
  { page: 'admin.payments', label: 'Payments', to: '/admin/payments', icon: IconCash },
  { page: 'admin.channels', label: 'Channels', to: '/admin/channels', icon: IconBrandWhatsapp },
  { page: 'admin.balances', label: 'Billing & Balances', to: '/admin/balances', icon: IconScale },
  // One entry for every settings tab: /admin/settings opens the WHAPI tab, and the link stays active on all of them.
  { page: 'admin.settings', label: 'Settings', to: '/admin/settings', icon: IconSettings },
  { page: 'admin.leads', label: 'Leads', to: '/admin/leads', icon: IconAddressBook },
  { page: 'admin.audit', label: 'Audit log', to: '/admin/audit', icon: IconHistory },
];

export function userNavigation(me: Me): NavItem[] {
  return USER_NAV.filter((item) => me.pages.includes(item.page));
}

export function adminNavigation(me: Me): NavItem[] {
  if (me.user.role !== 'admin') return [];
  return ADMIN_NAV.filter((item) => me.pages.includes(item.page));
}

/**
 * Where a signed-in person lands: an admin on the admin dashboard, a user on the first page they may open (an
 * expired plan may hide the dashboard).
 */
export function homePath(me: Me): NavItem['to'] {
  if (me.user.role === 'admin' && me.pages.includes('admin.dashboard')) return '/admin';
  return userNavigation(me)[0]?.to ?? '/account';
}
