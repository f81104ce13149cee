import { defineConfig, devices } from '@playwright/test';

import { admin, origin, port } from './tests/e2e/e2e-env';

// Per port, so that two runs on different E2E_PORTs do not share a database.
const dataDir = `test-results/e2e-data-${port}`;

export default defineConfig({
	testDir: 'tests/e2e',
	// Per port, so that runs on different E2E_PORTs do not clear each other's artifacts.
	outputDir: `test-results/e2e-${port}`,
	fullyParallel: false,
	workers: 2,
	// Two browsers and the server share two cores: the longer walks through the UI need more
	// than the default 30 s when both workers are busy.
	timeout: 60_000,
	retries: 0,
	reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
	use: {
		baseURL: origin,
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	projects: [
		{ name: 'chromium', use: { ...devices['Desktop Chrome'] } },
		// Faults and load: each test starts, kills and restarts servers of its own from the build
		// (tests/harness), on databases of its own.
		{
			name: 'faults',
			testDir: 'tests',
			testMatch: ['faults/**/*.spec.ts', 'load/**/*.spec.ts'],
			use: { ...devices['Desktop Chrome'] }
		}
	],
	webServer: {
		// A fresh embedded database for every run, bootstrapped with an admin only; the tests
		// make the other people they need through the API.
		command: `rm -rf ${dataDir} && node server.js`,
		url: `${origin}/readyz`,
		reuseExistingServer: false,
		timeout: 60_000,
		stdout: 'ignore',
		stderr: 'pipe',
		env: {
			PORT: String(port),
			DATA_DIR: dataDir,
			SEED_DEMO: 'false',
			ADMIN_EMAIL: admin.email,
			ADMIN_PASSWORD: admin.password,
			LOG_LEVEL: 'warn',
			// Every test's client is 127.0.0.1: its sign-ins would share one anonymous count.
			// tests/integration/rate-limit.test.ts covers the limits themselves.
			API_RATE_LIMIT_ANONYMOUS: '5000'
		}
	}
});
