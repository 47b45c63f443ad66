// Issue 11's hostile cases against the command-line tools, run as a user runs them: every failure is one line on
// stderr and exit code 1, never a stack trace; nothing hangs; an output never replaces an input; a failed write
// leaves nothing; a lossy format says what it leaves out; analyze and the API give the same JSON.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { GET as analysisRoute } from '../../src/routes/api/analysis/[id]/+server';
import { briefDataset, fixture, repoRoot } from './paths';

const TSX = join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');

function run(command: 'validate' | 'analyze' | 'convert', ...args: string[]) {
	const result = spawnSync(process.execPath, [TSX, join(repoRoot, 'src', 'cli', `${command}.ts`), ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
	return { code: result.status, out: result.stdout.trim(), err: result.stderr.trim() };
}

/** One line, no stack trace, exit 1. */
function expectOneLineFailure(result: { code: number | null; err: string }, message: string | RegExp) {
	expect(result.code).toBe(1);
	expect(result.err.split('\n')).toHaveLength(1);
	expect(result.err).not.toMatch(/^\s+at |Error:|node:internal/m);
	if (typeof message === 'string') expect(result.err).toBe(message);
	else expect(result.err).toMatch(message);
}

const dir = mkdtempSync(join(tmpdir(), 'hostile-cli-'));
const hostile = (name: string) => fixture('hostile', name);
const hasMkfifo = spawnSync('mkfifo', [join(dir, 'fifo.json')]).status === 0;
const nested = join(dir, 'nested.graphml');
writeFileSync(nested, `<?xml version="1.0"?>\n<graphml>\n<graph>\n${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</graph></graphml>\n`);
const brackets = join(dir, 'brackets.json');
writeFileSync(brackets, '['.repeat(100_000));
const previousDir = process.env.GRAPH_DATA_DIR;
afterAll(() => {
	if (previousDir === undefined) delete process.env.GRAPH_DATA_DIR;
	else process.env.GRAPH_DATA_DIR = previousDir;
});

describe('1 and 9. nesting and odd files: one line, exit 1, at once', () => {
	it('validate: 100 KB of "[" is one located line, not 15 s, 2 GB and a stack trace', () => {
		const started = Date.now();
		const result = run('validate', brackets);
		expect(result).toEqual({ code: 1, out: `${brackets}: line 1, column 101: arrays and objects nested deeper than 100 levels are refused (a dataset needs 6 at most)`, err: '' });
		expect(Date.now() - started).toBeLessThan(20_000);
	});

	it('convert and analyze: GraphML with 100,000 nested tags is one located line', () => {
		const message = `${nested}: line 4: XML elements nested deeper than 100 levels are refused (GraphML and GEXF need 6)`;
		expectOneLineFailure(run('convert', nested, join(dir, 'out.json')), message);
		expectOneLineFailure(run('analyze', nested), message);
		expect(existsSync(join(dir, 'out.json'))).toBe(false);
	});

	it.runIf(hasMkfifo)('validate, analyze and convert refuse a FIFO instead of waiting on it', () => {
		const fifo = join(dir, 'fifo.json');
		expect(run('validate', fifo)).toEqual({ code: 1, out: `${fifo}: is a named pipe (FIFO), not a regular file`, err: '' });
		expectOneLineFailure(run('analyze', fifo), `${fifo}: is a named pipe (FIFO), not a regular file`);
		expectOneLineFailure(run('convert', fifo, join(dir, 'x.json')), `${fifo}: is a named pipe (FIFO), not a regular file`);
	});

	it('validate names UTF-16 text and accepts a byte order mark', () => {
		expect(run('validate', hostile('utf16.json')).out).toBe(`${hostile('utf16.json')}: is UTF-16 text (it starts with a UTF-16 byte order mark): save it as UTF-8`);
		expect(run('validate', hostile('bom.json')).out).toBe(`OK ${hostile('bom.json')} (2 nodes, 1 edge, 1 quote)`);
	});
});

describe('3 and 11. brokers and ids named like prototype members; the default broker', () => {
	it('analyze takes a broker named toString or __proto__', () => {
		for (const broker of ['toString', '__proto__']) {
			const result = run('analyze', hostile('prototype-ids.json'), '--broker', broker, '--format', 'json');
			expect(result.code).toBe(0);
			const output = JSON.parse(result.out) as { nodes: Record<string, unknown>; broker: { broker: string } };
			expect(output.broker.broker).toBe(broker);
			expect(Object.keys(output.nodes)).toEqual(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'a|b', 'a', 'b|c', 'c']);
		}
		expectOneLineFailure(run('analyze', hostile('prototype-ids.json'), '--broker', 'prototype'), `${hostile('prototype-ids.json')}: --broker: no node with id "prototype"`);
	});

	it('analyze and GET /api/analysis/{id} print the same JSON for a dataset without united-states', async () => {
		const data = mkdtempSync(join(tmpdir(), 'no-us-'));
		copyFileSync(hostile('no-united-states.json'), join(data, 'no-united-states.json'));
		process.env.GRAPH_DATA_DIR = data;
		for (const query of ['', '?kind=all&weighted=true']) {
			const url = new URL(`http://localhost/api/analysis/no-united-states${query}`);
			const response = await analysisRoute({ params: { id: 'no-united-states' }, url, request: new Request(url) } as never);
			const cli = run('analyze', join(data, 'no-united-states.json'), '--format', 'json', ...(query ? ['--kind', 'all', '--weighted'] : []));
			expect(JSON.parse(cli.out)).toEqual(await response.json());
			expect((JSON.parse(cli.out) as { broker: { broker: string } }).broker.broker).toBe(query ? 'q' : 'r');
		}
	});
});

describe('5. analyze --format csv neutralises formula cells', () => {
	it('writes a node id that starts with = after a single quote, and metric values as numbers', () => {
		const lines = run('analyze', hostile('formula-cells.json'), '--format', 'csv').out.split('\n');
		expect(lines).toContainEqual(expect.stringMatching(/^'=id,\d/));
		expect(lines.slice(1).every((line) => /^('=|n\d)/.test(line))).toBe(true);
	});
});

describe('9 and 10. convert: writes that fail leave nothing, outputs never replace inputs, lossy formats say so', () => {
	it('refuses a missing output folder and an output that is a folder, in one line', () => {
		expectOneLineFailure(run('convert', hostile('bom.json'), join(dir, 'missing', 'x.json')), `${join(dir, 'missing')}: no such directory: create it first`);
		mkdirSync(join(dir, 'folder.json'));
		expectOneLineFailure(run('convert', hostile('bom.json'), join(dir, 'folder.json')), `${join(dir, 'folder.json')}: is a directory, not a file: write to another name`);
		expectOneLineFailure(run('convert', hostile('bom.json'), join(hostile('bom.json'), 'x.json')), `${hostile('bom.json')}: is a file, not a directory`);
	});

	it('writes both CSV tables or neither', () => {
		const out = mkdtempSync(join(tmpdir(), 'csv-pair-'));
		mkdirSync(join(out, 'ties.edges.csv'));
		expectOneLineFailure(run('convert', hostile('bom.json'), join(out, 'ties.csv')), `${join(out, 'ties.edges.csv')}: is a directory, not a file: write to another name`);
		expect(readdirSync(out)).toEqual(['ties.edges.csv']);
	});

	it('refuses to write x.csv from x.edges.csv, which would replace its own input', () => {
		const work = mkdtempSync(join(tmpdir(), 'overwrite-'));
		const input = join(work, 'spreadsheet.edges.csv');
		copyFileSync(hostile('spreadsheet.edges.csv'), input);
		const before = readFileSync(input, 'utf8');
		const result = run('convert', input, join(work, 'spreadsheet.csv'));
		expectOneLineFailure(result, `${input}: would overwrite the input ${input}: write to another name`);
		expect(readFileSync(input, 'utf8')).toBe(before);
		expect(readdirSync(work)).toEqual(['spreadsheet.edges.csv']);
		expectOneLineFailure(run('convert', hostile('bom.json'), hostile('bom.json')), `${hostile('bom.json')}: would overwrite the input ${hostile('bom.json')}: write to another name`);
	});

	it.runIf(existsSync(briefDataset))("says what CSV leaves out of the brief's dataset", () => {
		const result = run('convert', briefDataset, join(dir, 'brief.csv'));
		expect(result.code).toBe(0);
		expect(result.out.split('\n')).toHaveLength(2);
		expect(result.err).toMatch(/^note: CSV \(nodes\.csv and edges\.csv\) leaves out: the meta \(id, title, .*; 19 sources; 13 measures; "aliases" on \d+ nodes.*; the source, locator and other fields of \d+ evidence items \(each quote is kept as text\).*\.$/);
	});

	it('says nothing when the format keeps everything', () => {
		expect(run('convert', hostile('bom.json'), join(dir, 'bom.gexf')).err).toBe('');
	});
});

describe('the commands\' one way to fail', () => {
	/** A command whose main fails as given, run through runCli as the real ones are. */
	function script(body: string) {
		const file = join(mkdtempSync(join(tmpdir(), 'failing-')), 'command.ts');
		writeFileSync(file, `import { runCli } from ${JSON.stringify(pathToFileURL(join(repoRoot, 'src', 'cli', 'run.ts')).href)};\n${body}\n`);
		const result = spawnSync(process.execPath, [TSX, file], { cwd: repoRoot, encoding: 'utf8', timeout: 30_000 });
		return { code: result.status, err: result.stderr.trim() };
	}

	it('turns a throw, a rejection, a later uncaught error and a file-system error into one line and exit 1', () => {
		expectOneLineFailure(script("runCli('demo', () => { throw new Error('boom\\nmore detail'); });"), 'demo: failed: boom');
		expectOneLineFailure(script("runCli('demo', async () => { await Promise.reject(new RangeError('Maximum call stack size exceeded')); return 0; });"), 'demo: failed: Maximum call stack size exceeded');
		expectOneLineFailure(script("runCli('demo', () => { setTimeout(() => { throw new TypeError('later'); }, 10); return 0; });"), 'demo: failed: later');
		expectOneLineFailure(script("import { readFileSync } from 'node:fs';\nrunCli('demo', () => readFileSync('/nonexistent/x.json').length);"), '/nonexistent/x.json: no such file');
	});

	it('stops quietly when the reader of its output goes away (| head)', () => {
		const result = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${TSX}" src/cli/analyze.ts "${fixture('explorer-data', 'synthetic-ba-1200.json')}" --format csv | head -1`], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
		expect(result.stdout).toBe('id,degree,weightedDegree,betweenness,closeness,harmonic,eigenvector,pagerank,constraint,effectiveSize\n');
		expect(result.stderr).toBe('');
	});
});
