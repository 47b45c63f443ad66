// npm run load [-- --duration 10 --connections 10]: a bounded load test of the built server on loopback only.
// It serves a temporary graph-data/ holding the brief's dataset, a 3,000-node one and a generated 200,000-node one
// (made here, never committed), then reports requests/s and latency percentiles for the listing, a dataset, its
// analysis (cold and cached), the refusal of the 200k-node analysis, and the listing while an analysis runs.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const HOST = '127.0.0.1';

function option(name, fallback) {
	const index = process.argv.indexOf(`--${name}`);
	const value = index === -1 ? fallback : Number(process.argv[index + 1]);
	if (!Number.isFinite(value) || value <= 0 || value > 120) {
		console.error(`--${name} must be a number from 1 to 120`);
		process.exit(1);
	}
	return value;
}
const DURATION_S = option('duration', 10);
const CONNECTIONS = option('connections', 10);

/** A valid curated dataset: n nodes, each tied to the next and to one other by a seeded choice, every tie with a quote. */
function generated(id, n, ties) {
	let seed = 1;
	const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
	const parts = [`{"format":"alliance-explorer/1","meta":{"id":"${id}","title":"Generated network of ${n} nodes"},"sources":[{"id":"s","title":"Generated"}],"nodes":[`];
	for (let i = 0; i < n; i++) parts.push(`${i ? ',' : ''}{"id":"n${i}","label":"Node ${i}","type":"state"}`);
	parts.push('],"edges":[');
	for (let e = 0; e < ties; e++) {
		const source = e % n;
		const target = e < n ? (e + 1) % n : Math.floor(random() * n);
		parts.push(`${e ? ',' : ''}{"id":"e${e}","source":"n${source}","target":"n${target}","kind":"cooperation","domain":"defense","status":"active","evidence":[{"source":"s","quote":"q"}]}`);
	}
	parts.push(']}\n');
	return parts.join('');
}

async function freePort() {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, HOST, () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });

/** One GET on loopback: status, body size and time in ms. */
function get(port, path) {
	return new Promise((resolve, reject) => {
		const started = process.hrtime.bigint();
		const request = http.get({ host: HOST, port, path, agent }, (response) => {
			let bytes = 0;
			response.on('data', (chunk) => (bytes += chunk.length));
			response.on('end', () => resolve({ status: response.statusCode, bytes, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
		});
		request.on('error', reject);
	});
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** `connections` clients each sending requests one after another for `seconds`, or until `done` settles. */
async function hammer(port, path, seconds = DURATION_S, connections = CONNECTIONS, done = undefined) {
	const latencies = [];
	const statuses = new Map();
	const until = performance.now() + seconds * 1000;
	let finished = false;
	void done?.finally(() => (finished = true));
	const started = performance.now();
	await Promise.all(
		Array.from({ length: connections }, async () => {
			while (done ? !finished : performance.now() < until) {
				const { status, ms } = await get(port, path);
				latencies.push(ms);
				statuses.set(status, (statuses.get(status) ?? 0) + 1);
			}
		})
	);
	const elapsed = (performance.now() - started) / 1000;
	latencies.sort((a, b) => a - b);
	return { requests: latencies.length, perSecond: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies.at(-1), statuses };
}

const rows = [];
function report(name, result) {
	const statuses = [...result.statuses].map(([status, count]) => `${status}×${count}`).join(' ');
	rows.push([name, String(result.requests), result.perSecond.toFixed(0), result.p50.toFixed(1), result.p99.toFixed(1), result.max.toFixed(1), statuses]);
}

if (!existsSync(join(root, 'build', 'index.js'))) {
	console.log('Building the app first…');
	const build = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
	if (build.status !== 0) process.exit(build.status ?? 1);
}

const dir = mkdtempSync(join(tmpdir(), 'alliance-load-'));
let server;
const cleanUp = () => {
	server?.kill('SIGTERM');
	rmSync(dir, { recursive: true, force: true });
};
process.on('exit', cleanUp);
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

try {
	copyFileSync(join(root, 'graph-data', 'japan-korea-2014.json'), join(dir, 'japan-korea-2014.json'));
	writeFileSync(join(dir, 'generated-3000.json'), generated('generated-3000', 3_000, 9_000));
	writeFileSync(join(dir, 'generated-200k.json'), generated('generated-200k', 200_000, 200_000));
	const bigMb = statSync(join(dir, 'generated-200k.json')).size / 1024 / 1024;

	const port = await freePort();
	server = spawn(process.execPath, [join(root, 'build', 'index.js')], { env: { ...process.env, HOST, PORT: String(port), GRAPH_DATA_DIR: dir }, stdio: ['ignore', 'pipe', 'pipe'] });
	server.stderr.on('data', (chunk) => process.stderr.write(`server: ${chunk}`));
	await new Promise((resolve, reject) => {
		server.stdout.on('data', (chunk) => String(chunk).includes('Listening') && resolve());
		server.once('exit', (code) => reject(new Error(`the server stopped (exit code ${code})`)));
	});
	console.log(`Server on http://${HOST}:${port}, graph-data: the brief, 3,000 nodes, and 200,000 nodes (${bigMb.toFixed(1)} MB); ${CONNECTIONS} connections, ${DURATION_S} s per scenario\n`);

	// The first listing reads and validates the 39 MB file on a worker thread; meanwhile other requests are served.
	const firstListing = get(port, '/api/datasets');
	report('GET /api/datasets/japan-korea-2014 during the first listing', await hammer(port, '/api/datasets/japan-korea-2014', 0, CONNECTIONS, firstListing));
	const first = await firstListing;
	console.log(`first listing (reads and validates all three files): ${first.ms.toFixed(0)} ms`);
	report('GET /api/datasets (listing)', await hammer(port, '/api/datasets'));
	report('GET /api/datasets/japan-korea-2014', await hammer(port, '/api/datasets/japan-korea-2014'));
	const cold = await get(port, '/api/analysis/japan-korea-2014');
	console.log(`first analysis of the brief (worker thread, cold): ${cold.ms.toFixed(0)} ms, status ${cold.status}`);
	report('GET /api/analysis/japan-korea-2014 (cached)', await hammer(port, '/api/analysis/japan-korea-2014'));
	report('GET /api/analysis/generated-200k (refused: 413)', await hammer(port, '/api/analysis/generated-200k'));
	const big = await get(port, '/api/datasets/generated-200k');
	console.log(`GET /api/datasets/generated-200k: ${(big.bytes / 1024 / 1024).toFixed(1)} MB in ${big.ms.toFixed(0)} ms, status ${big.status}`);
	// The listing while a 3,000-node analysis runs on its worker thread: the request thread stays free.
	const running = get(port, '/api/analysis/generated-3000?layer=all&weighted=true');
	report('GET /api/datasets during a 3,000-node analysis', await hammer(port, '/api/datasets', Math.min(DURATION_S, 5)));
	const analysed = await running;
	console.log(`analysis of 3,000 nodes and 9,000 ties: ${analysed.ms.toFixed(0)} ms, status ${analysed.status}\n`);

	const header = ['scenario', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'statuses'];
	const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
	for (const row of [header, ...rows]) console.log(row.map((cell, column) => (column ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  '));

	const stopping = performance.now();
	server.kill('SIGTERM');
	await new Promise((resolve) => server.once('exit', resolve));
	console.log(`\nSIGTERM to exit: ${(performance.now() - stopping).toFixed(0)} ms`);
	server = undefined;
} catch (error) {
	console.error(`load test failed: ${error instanceof Error ? error.message : String(error)}`);
	process.exitCode = 1;
} finally {
	agent.destroy();
}
