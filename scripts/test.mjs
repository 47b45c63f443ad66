// npm test: unit tests (Vitest), then browser tests (Playwright + Debian's Chromium), then one summary line.
// Without Chromium the browser tests are skipped with a notice, except under CI=true, where that fails.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, '.test-output');
mkdirSync(out, { recursive: true });
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (command, args, env = {}) => spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status;

const totals = { passed: 0, failed: 0, skipped: 0 };
let broken = false;

const unitStatus = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${join(out, 'unit.json')}`]);
if (existsSync(join(out, 'unit.json'))) {
	const unit = JSON.parse(readFileSync(join(out, 'unit.json'), 'utf8'));
	totals.passed += unit.numPassedTests;
	totals.failed += unit.numFailedTests;
	totals.skipped += unit.numPendingTests + unit.numTodoTests;
}
broken ||= unitStatus !== 0;

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(chromium)) {
	const notice = `browser tests: no Chromium at ${chromium} (apt-get install -y chromium, or set CHROMIUM_PATH)`;
	if (process.env.CI === 'true') {
		console.error(`FAIL ${notice}`);
		broken = true;
	} else console.warn(`SKIPPED ${notice}`);
} else {
	const report = join(out, 'e2e.json');
	const e2eStatus = run(bin('playwright'), ['test'], { CHROMIUM_PATH: chromium, PLAYWRIGHT_JSON_OUTPUT_NAME: report });
	if (existsSync(report)) {
		const { stats } = JSON.parse(readFileSync(report, 'utf8'));
		totals.passed += stats.expected + stats.flaky;
		totals.failed += stats.unexpected;
		totals.skipped += stats.skipped;
	}
	broken ||= e2eStatus !== 0;
}

console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(broken || totals.failed > 0 ? 1 : 0);
