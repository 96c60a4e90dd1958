// The admin the e2e server is started with (ADMIN_EMAIL / ADMIN_PASSWORD), known to every journey.
export const E2E_ADMIN = { email: 'admin@e2e.omniplus.test', password: 'e2e-admin-password' };

// The WHAPI simulator the e2e server talks to (started by e2e-server.ts beside the app).
const simPort = Number(process.env.E2E_SIM_PORT ?? 3998);
export const E2E_WHAPI = {
  url: `http://127.0.0.1:${simPort}`,
  port: simPort,
  partnerToken: 'e2ePartnerTokenForTheWhapiSimulator2026',
  partnerName: 'omniplus',
};

// The PayPal simulator (also started by e2e-server.ts); its port follows the WHAPI simulator's so parallel runs
// with distinct E2E_SIM_PORT values never collide.
const paypalPort = Number(process.env.E2E_PAYPAL_PORT ?? simPort + 1000);
export const E2E_PAYPAL = {
  url: `http://127.0.0.1:${paypalPort}`,
  port: paypalPort,
  clientId: 'e2e-paypal-client-id',
  clientSecret: 'e2e-paypal-client-secret-2026',
};
