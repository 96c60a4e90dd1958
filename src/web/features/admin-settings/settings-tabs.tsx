import { Box } from '@mantine/core';
import { IconAdjustmentsHorizontal, IconBrandPaypal, IconMail, IconPlugConnected, IconWebhook, type Icon } from '@tabler/icons-react';
import { Link, type LinkProps } from '@tanstack/react-router';
import classes from './settings-tabs.module.css';

interface SettingsTab {
  label: string;
  to: NonNullable<LinkProps['to']>;
  icon: Icon;
}

const TABS: readonly SettingsTab[] = [
  { label: 'WHAPI', to: '/admin/settings/whapi', icon: IconPlugConnected },
  { label: 'PayPal', to: '/admin/settings/paypal', icon: IconBrandPaypal },
  { label: 'Email', to: '/admin/settings/email', icon: IconMail },
  { label: 'Platform', to: '/admin/settings/platform', icon: IconAdjustmentsHorizontal },
  { label: 'Webhooks', to: '/admin/settings/webhooks', icon: IconWebhook },
];

/**
 * The sections of Admin → Settings as real links rather than ARIA tabs: each has its own URL (deep links, new
 * browser tabs, the back button), the keyboard reaches them like any link, and the current one says so.
 */
export function SettingsTabs() {
  return (
    <Box component="nav" aria-label="Settings sections" className={classes.bar} mb="xl">
      {TABS.map(({ label, to, icon: TabIcon }) => (
        <Link key={to} to={to} preload="intent" className={classes.tab} activeProps={{ 'aria-current': 'page' }}>
          <TabIcon size={17} stroke={1.8} className={classes.icon} aria-hidden />
          {label}
        </Link>
      ))}
    </Box>
  );
}
