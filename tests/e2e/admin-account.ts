/** The admin the e2e server is started with (ADMIN_EMAIL, ADMIN_PASSWORD). */
export const admin = { email: 'e2e-admin@factmark.test', password: 'e2e admin passphrase 2026' };
