import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	timeout: 60_000,
	expect: { timeout: 10_000 },
	fullyParallel: false,
	workers: 1,
	retries: 0,
	reporter: [['list'], ['json']],
	outputDir: '.test-output/e2e-artifacts',
	use: {
		baseURL: `http://localhost:${port}`,
		viewport: { width: 1400, height: 900 },
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
			args: [
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
	webServer: {
		command: 'node tests/e2e/serve.mjs',
		env: { PORT: String(port) },
		url: `http://localhost:${port}`,
		timeout: 240_000,
		reuseExistingServer: false
	}
});
