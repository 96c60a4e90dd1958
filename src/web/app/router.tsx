import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, Outlet, redirect } from '@tanstack/react-router';
import { parseAuditSearch } from '../features/admin-audit/audit-search';
import { parseBalancesSearch } from '../features/admin-balances/balances-search';
import { parseLeadsSearch } from '../features/admin-leads/leads-search';
import { parseAdminChannelsSearch } from '../features/admin-channels/admin-channels-search';
import { parsePlansSearch } from '../features/admin-plans/plans-search';
import { parseUsersSearch } from '../features/admin-users/users-search';
import { parsePayPalReturnSearch, parsePricingSearch } from '../features/paypal/paypal-search';
import { parseCheckoutSearch } from '../features/checkout/checkout-search';
import { parseOutboxSearch } from '../features/messaging/outbox-search';
import { NotFoundPage } from './not-found-page';
import { FullPageLoader } from '../components/full-page-loader';
import { RouteError } from './route-error';
import { redirectIfSignedIn, requireAdmin, requirePage, requireSession } from './route-guards';
import { safeRedirect } from './safe-redirect';
import type { SessionEndReason } from './end-session';

export interface RouterContext {
  queryClient: QueryClient;
}

interface SignInSearch {
  redirect?: string;
  reason?: SessionEndReason;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({ component: Outlet });

const landingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  component: lazyRouteComponent(() => import('../features/landing/landing-page'), 'LandingPage'),
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'sign-in',
  validateSearch: (search: Record<string, unknown>): SignInSearch => ({
    redirect: safeRedirect(search.redirect),
    reason: search.reason === 'suspended' || search.reason === 'session-ended' ? search.reason : undefined,
  }),
  beforeLoad: ({ context, search }) => redirectIfSignedIn(context.queryClient, search.redirect),
  component: lazyRouteComponent(() => import('../features/auth/sign-in-page'), 'SignInPage'),
});

const signUpRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'sign-up',
  validateSearch: (search: Record<string, unknown>): Pick<SignInSearch, 'redirect'> => ({
    redirect: safeRedirect(search.redirect),
  }),
  beforeLoad: ({ context, search }) => redirectIfSignedIn(context.queryClient, search.redirect),
  component: lazyRouteComponent(() => import('../features/auth/sign-up-page'), 'SignUpPage'),
});

// Every signed-in screen lives under this pathless route: one session check, one app shell.
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => ({ me: await requireSession(context.queryClient, location.href) }),
  component: lazyRouteComponent(() => import('./layout/app-layout'), 'AppLayout'),
});

const dashboardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'dashboard',
  beforeLoad: ({ context, preload }) => requirePage(context.me, 'dashboard', preload),
  component: lazyRouteComponent(() => import('../features/dashboard/dashboard-page'), 'DashboardPage'),
});

const accountRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'account',
  beforeLoad: ({ context, preload }) => requirePage(context.me, 'account', preload),
  component: lazyRouteComponent(() => import('../features/account/account-page'), 'AccountPage'),
});

const pricingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'pricing',
  validateSearch: parsePricingSearch,
  beforeLoad: ({ context, preload }) => requirePage(context.me, 'pricing', preload),
  component: lazyRouteComponent(() => import('../features/pricing/pricing-page'), 'PricingPage'),
});

// Checkout belongs with pricing: always open to a signed-in person, whatever their plan (DOMAIN.md "Pages").
const checkoutRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'checkout/$planId',
  validateSearch: parseCheckoutSearch,
  beforeLoad: ({ context, preload }) => requirePage(context.me, 'pricing', preload),
  component: lazyRouteComponent(() => import('../features/checkout/checkout-page'), 'CheckoutPage'),
});

const channelsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'channels',
  beforeLoad: ({ context, preload }) => requirePage(context.me, 'channels', preload),
  component: lazyRouteComponent(() => import('../features/channels/channels-page'), 'ChannelsPage'),
});

// Messaging (DOMAIN.md "Messaging"): each page is switched on per plan and per user, like Channels.
const sendRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'send',
  beforeLoad: ({ context, preload }) => requirePage(context.me, 'send', preload),
  component: lazyRouteComponent(() => import('../features/messaging/send-page'), 'SendPage'),
});

const bulkRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'bulk',
  beforeLoad: ({ context, preload }) => requirePage(context.me, 'bulk', preload),
  component: lazyRouteComponent(() => import('../features/messaging/bulk-page'), 'BulkPage'),
});

const outboxRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'outbox',
  validateSearch: parseOutboxSearch,
  beforeLoad: ({ context, preload }) => requirePage(context.me, 'outbox', preload),
  component: lazyRouteComponent(() => import('../features/messaging/outbox-page'), 'OutboxPage'),
});

const adminChannelsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'channels',
  validateSearch: parseAdminChannelsSearch,
  beforeLoad: ({ context, preload }) => requirePage(context.me, 'admin.channels', preload),
  component: lazyRouteComponent(() => import('../features/admin-channels/admin-channels-page'), 'AdminChannelsPage'),
});

const paymentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'payments',
  beforeLoad: ({ context, preload }) => requirePage(context.me, 'payments', preload),
  component: lazyRouteComponent(() => import('../features/payments/payments-page'), 'PaymentsPage'),
});

// PayPal's return and cancel URLs (features/paypal): the server checks with PayPal before anything is granted.
const paypalReturnRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'payments/paypal/return',
  validateSearch: parsePayPalReturnSearch,
  beforeLoad: ({ context, preload }) => requirePage(context.me, 'payments', preload),
  component: lazyRouteComponent(() => import('../features/paypal/paypal-return-page'), 'PayPalReturnPage'),
});

const paypalCancelRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'payments/paypal/cancel',
  validateSearch: parsePayPalReturnSearch,
  beforeLoad: ({ context, preload }) => requirePage(context.me, 'payments', preload),
  component: lazyRouteComponent(() => import('../features/paypal/paypal-cancel-page'), 'PayPalCancelPage'),
});

const adminPaymentsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'payments',
  beforeLoad: ({ context, preload }) => requirePage(context.me, 'admin.payments', preload),
  component: lazyRouteComponent(() => import('../features/admin-payments/admin-payments-page'), 'AdminPaymentsPage'),
});

const adminRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'admin',
  beforeLoad: ({ context, preload }) => requireAdmin(context.me, preload),
});

// The admin's landing page (spec 004 §7).
const adminIndexRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/',
  beforeLoad: ({ context, preload }) => requirePage(context.me, 'admin.dashboard', preload),
  component: lazyRouteComponent(() => import('../features/admin-dashboard/admin-dashboard-page'), 'AdminDashboardPage'),
});

const usersRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'users',
  validateSearch: parseUsersSearch,
  beforeLoad: ({ context, preload }) => requirePage(context.me, 'admin.users', preload),
  component: lazyRouteComponent(() => import('../features/admin-users/users-page'), 'UsersPage'),
});

const userDetailsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'users/$userId',
  beforeLoad: ({ context, preload }) => requirePage(context.me, 'admin.users', preload),
  component: lazyRouteComponent(() => import('../features/admin-users/user-details-page'), 'UserDetailsPage'),
});

const plansRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'plans',
  validateSearch: parsePlansSearch,
  beforeLoad: ({ context, preload }) => requirePage(context.me, 'admin.plans', preload),
  component: lazyRouteComponent(() => import('../features/admin-plans/plans-page'), 'PlansPage'),
});

const newPlanRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'plans/new',
  beforeLoad: ({ context, preload }) => requirePage(context.me, 'admin.plans', preload),
  component: lazyRouteComponent(() => import('../features/admin-plans/plan-editor-page'), 'NewPlanPage'),
});

const editPlanRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'plans/$planId',
  beforeLoad: ({ context, preload }) => requirePage(context.me, 'admin.plans', preload),
  component: lazyRouteComponent(() => import('../features/admin-plans/plan-editor-page'), 'EditPlanPage'),
});

const auditRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'audit',
  validateSearch: parseAuditSearch,
  beforeLoad: ({ context, preload }) => requirePage(context.me, 'admin.audit', preload),
  component: lazyRouteComponent(() => import('../features/admin-audit/audit-page'), 'AuditPage'),
});

const balancesRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'balances',
  validateSearch: parseBalancesSearch,
  beforeLoad: ({ context, preload }) => requirePage(context.me, 'admin.balances', preload),
  component: lazyRouteComponent(() => import('../features/admin-balances/balances-page'), 'BalancesPage'),
});

const leadsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'leads',
  validateSearch: parseLeadsSearch,
  beforeLoad: ({ context, preload }) => requirePage(context.me, 'admin.leads', preload),
  component: lazyRouteComponent(() => import('../features/admin-leads/leads-page'), 'LeadsPage'),
});

// Admin → Settings: one layout with a tab per section (WHAPI | PayPal | Email | Platform); /admin/settings opens WHAPI.
const settingsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'settings',
  beforeLoad: ({ context, preload }) => requirePage(context.me, 'admin.settings', preload),
  component: lazyRouteComponent(() => import('../features/admin-settings/settings-layout'), 'SettingsLayout'),
});

const settingsIndexRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/admin/settings/whapi', replace: true });
  },
});

const emailSettingsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: 'email',
  component: lazyRouteComponent(() => import('../features/admin-settings/email-settings-page'), 'EmailSettingsPage'),
});

const platformSettingsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: 'platform',
  component: lazyRouteComponent(() => import('../features/admin-settings/platform-settings-page'), 'PlatformSettingsPage'),
});

const webhookSettingsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: 'webhooks',
  component: lazyRouteComponent(() => import('../features/admin-settings/webhook-events-page'), 'WebhookEventsPage'),
});

const paypalSettingsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: 'paypal',
  component: lazyRouteComponent(() => import('../features/admin-paypal/paypal-settings-page'), 'PayPalSettingsPage'),
});

const whapiSettingsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: 'whapi',
  beforeLoad: ({ context, preload }) => requirePage(context.me, 'admin.whapi', preload),
  component: lazyRouteComponent(() => import('../features/admin-whapi/whapi-settings-page'), 'WhapiSettingsPage'),
});

const routeTree = rootRoute.addChildren([
  landingRoute,
  signInRoute,
  signUpRoute,
  appRoute.addChildren([
    dashboardRoute,
    channelsRoute,
    sendRoute,
    bulkRoute,
    outboxRoute,
    pricingRoute,
    checkoutRoute,
    paymentsRoute,
    paypalReturnRoute,
    paypalCancelRoute,
    accountRoute,
    adminRoute.addChildren([
      adminIndexRoute,
      usersRoute,
      userDetailsRoute,
      plansRoute,
      newPlanRoute,
      editPlanRoute,
      balancesRoute,
      adminPaymentsRoute,
      adminChannelsRoute,
      settingsRoute.addChildren([settingsIndexRoute, whapiSettingsRoute, paypalSettingsRoute, emailSettingsRoute, platformSettingsRoute, webhookSettingsRoute]),
      leadsRoute,
      auditRoute,
    ]),
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    // Route data lives in TanStack Query; the router should not keep its own stale copy.
    defaultPreloadStaleTime: 0,
    defaultPendingComponent: FullPageLoader,
    defaultPendingMs: 150,
    defaultErrorComponent: RouteError,
    defaultNotFoundComponent: NotFoundPage,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
