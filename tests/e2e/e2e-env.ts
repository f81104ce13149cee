/** Where the e2e server listens. */
export const port = Number(process.env.E2E_PORT ?? 4173);
export const origin = `http://localhost:${port}`;

/** The admin the e2e server is started with (ADMIN_EMAIL, ADMIN_PASSWORD). */
export const admin = { email: 'e2e-admin@factmark.test', password: 'e2e admin passphrase 2026' };
