// The admin the e2e server is started with (ADMIN_EMAIL / ADMIN_PASSWORD), known to every journey.
export const E2E_ADMIN = { email: 'admin@e2e.omniplus.test', password: 'e2e-admin-password' };
