import type { AuditAction } from '../../../contracts/audit';

// A Record over every action: when an issue adds an action to the contract, this file stops compiling
// until the action has a readable label, so the filter never shows raw codes.
export const ACTION_LABELS: Record<AuditAction, string> = {
  'auth.sign_in_failed': 'Sign-in failed',
  'auth.sign_in_throttled': 'Sign-in throttled',
  'user.ban': 'User banned',
  'user.unban': 'User unbanned',
  'user.role_change': 'Role changed',
  'user.create': 'User created',
  'user.days_adjust': 'Service days adjusted',
  'admin.bootstrap': 'First admin created',
  'whapi.settings_update': 'WHAPI settings changed',
  'whapi.webhook_secret_rotate': 'Webhook secret rotated',
  'whapi.webhook_register': 'WHAPI webhook registered',
  'user.overrides_update': 'Overrides changed',
  'plan.create': 'Plan created',
  'plan.update': 'Plan edited',
  'plan.duplicate': 'Plan duplicated',
  'plan.archive': 'Plan archived',
  'plan.unarchive': 'Plan unarchived',
  'plan.publish': 'Plan published',
  'plan.unpublish': 'Plan unpublished',
  'plan.reorder': 'Plans reordered',
  'lead.update': 'Lead updated',
  'payment.offline_submit': 'Offline payment submitted',
  'payment.approve': 'Payment approved',
  'payment.reject': 'Payment rejected',
  'email.settings_update': 'Email settings changed',
  'email.test': 'Test email sent',
  'settings.platform_update': 'Platform settings changed',
  'balance.topup': 'Main balance topped up',
  'balance.sync': 'Main balance synced with partner',
  'payment.paypal_start': 'PayPal checkout started',
  'payment.paypal_activate': 'PayPal subscription activated',
  'payment.paypal_renew': 'PayPal renewal credited',
  'payment.paypal_status': 'PayPal subscription status changed',
  'payment.paypal_mismatch': 'PayPal subscription refused (mismatch)',
  'payment.paypal_checkout_cancel': 'PayPal checkout cancelled',
  'payment.paypal_unsubscribe': 'PayPal subscription cancelled by the user',
  'paypal.settings_update': 'PayPal settings changed',
  'paypal.connection_test': 'PayPal connection tested',
  'channel.create': 'Channel created',
  'channel.activate': 'Channel activated',
  'channel.extend': 'Channel days extended',
  'channel.delete': 'Channel deleted',
  'channel.reauthorize': 'Channel re-authorized',
  'channel.token_reveal': 'Channel token copied',
  'webhook.replay': 'Webhook event replayed',
};

const ACTION_COLORS: Partial<Record<AuditAction, string>> = {
  'auth.sign_in_failed': 'orange',
  'auth.sign_in_throttled': 'red',
  'user.ban': 'red',
  'user.unban': 'teal',
  'user.role_change': 'grape',
  'admin.bootstrap': 'blue',
  'whapi.settings_update': 'indigo',
  'whapi.webhook_secret_rotate': 'indigo',
  'whapi.webhook_register': 'indigo',
  'lead.update': 'cyan',
  'payment.offline_submit': 'teal',
  'payment.approve': 'green',
  'payment.reject': 'red',
  'email.settings_update': 'indigo',
  'email.test': 'indigo',
  'settings.platform_update': 'indigo',
  'balance.topup': 'green',
  'balance.sync': 'indigo',
  'payment.paypal_activate': 'green',
  'payment.paypal_renew': 'green',
  'payment.paypal_mismatch': 'red',
  'paypal.settings_update': 'indigo',
  'channel.create': 'teal',
  'channel.activate': 'green',
  'channel.extend': 'green',
  'channel.delete': 'red',
};

export function actionColor(action: AuditAction): string {
  return ACTION_COLORS[action] ?? 'gray';
}

/** Sign-in attempts come from people who are not signed in; other rows without an actor are system work. */
export function missingActorLabel(action: AuditAction): string {
  return action.startsWith('auth.') ? 'Anonymous' : 'System';
}
