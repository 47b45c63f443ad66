// scripts/cli.mjs, behind npm run analyze / validate / convert: the commands bundled as JavaScript, their worker
// threads too, giving what the TypeScript sources give.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startWorker } from '../../src/lib/workers/node';
import { barabasiAlbert } from '../../bench/barabasi-albert';
import { fixture, repoRoot } from './paths';

const dir = mkdtempSync(join(tmpdir(), 'cli-runner-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[]) => spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const bundled = (...args: string[]) => run([join(repoRoot, 'scripts', 'cli.mjs'), ...args]);
const fromSource = (command: string, ...args: string[]) => run([join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(repoRoot, 'src', 'cli', `${command}.ts`), ...args]);

describe('npm run analyze, validate and convert through scripts/cli.mjs', () => {
	it('gives the same JSON as the TypeScript source on 2,000 nodes, where the paths run on worker threads', () => {
		const file = join(dir, 'ba-2000.csv');
		writeFileSync(file, `source,target\n${barabasiAlbert(2000, 2, 5).edges.map(([a, b]) => `n${a},n${b}`).join('\n')}\n`);
		const built = bundled('analyze', file, '--format', 'json');
		expect(built.stderr).toBe('');
		expect(built.status).toBe(0);
		const source = fromSource('analyze', file, '--format', 'json');
		expect(source.status).toBe(0);
		expect(JSON.parse(built.stdout)).toEqual(JSON.parse(source.stdout));
	}, 120_000);

	it('runs validate and convert with their own arguments, and refuses an unknown command in one line', () => {
		const valid = bundled('validate', join(repoRoot, 'graph-data', 'japan-korea-2014.json'));
		expect(valid.status).toBe(0);
		const broken = bundled('validate', fixture('datasets', 'invalid', 'syntax-error.json'));
		expect(broken.status).toBe(1);
		expect(broken.stderr.trim().split('\n')).toHaveLength(1);
		const graphml = join(dir, 'brief.graphml');
		const back = join(dir, 'brief.json');
		expect(bundled('convert', join(repoRoot, 'graph-data', 'japan-korea-2014.json'), graphml).stdout).toMatch(/^wrote .*brief\.graphml \(\d+ nodes, \d+ edges\)/);
		expect(bundled('convert', graphml, back).status).toBe(0);
		expect(bundled('validate', back).status).toBe(0);
		const unknown = bundled('serve');
		expect(unknown.status).toBe(1);
		expect(unknown.stderr.trim()).toBe('usage: node scripts/cli.mjs analyze|validate|convert ARGS…');
	}, 60_000);
});

describe('startWorker', () => {
	it('runs a TypeScript entry’s built twin beside it, not the TypeScript', async () => {
		writeFileSync(join(dir, 'twin.ts'), 'throw new Error("the TypeScript ran");\n');
		writeFileSync(join(dir, 'twin.js'), 'import { parentPort } from "node:worker_threads";\nparentPort.postMessage("the twin ran");\n');
		const worker = startWorker(pathToFileURL(join(dir, 'twin.ts')));
		const message = await new Promise((resolve, reject) => {
			worker.once('message', resolve);
			worker.once('error', reject);
		});
		await worker.terminate();
		expect(message).toBe('the twin ran');
	});
});
