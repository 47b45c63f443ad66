// Analysis in Node: worker threads, one per core by default, running the TypeScript worker through tsx.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { Csr } from '../analysis/csr';
import type { BrokerPartial } from '../analysis/broker';
import type { PathCentrality } from '../analysis/path-centrality';
import { runPathCentrality, runPathCentralityPickingBroker } from './pool';
import type { AnalysisWorker, WorkerReply } from './protocol';

/**
 * A worker thread running a module: built JavaScript directly, as is a TypeScript entry's built twin beside it (the
 * CLI's bundle, which scripts/cli.mjs writes beside its worker's); other TypeScript (tests, the dev server) through a
 * bootstrap, because Node 20 does not apply --import hooks to a worker's own entry file: it registers tsx's ESM
 * hooks first (through the import entry of tsx's "./esm/api" export) and then imports the TypeScript entry.
 */
export function startWorker(entry: URL, options: WorkerOptions = {}): Worker {
	if (!entry.pathname.endsWith('.ts')) return new Worker(entry, options);
	const twin = new URL(`${entry.href.slice(0, -'.ts'.length)}.js`);
	if (existsSync(twin)) return new Worker(twin, options);
	const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
	const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
	const api = pathToFileURL(join(dirname(manifest), exports['./esm/api']!.import.default)).href;
	const bootstrap = `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`;
	return new Worker(bootstrap, { ...options, eval: true });
}

export function spawnNodeWorker(): AnalysisWorker {
	const worker = startWorker(new URL('./path-worker.node.ts', import.meta.url));
	// One listener each from the start, so that a worker running job after job has one handler, the last one set.
	let handler: (reply: WorkerReply) => void = () => {};
	worker.on('message', (reply: WorkerReply) => handler(reply));
	worker.on('error', (error) => handler({ type: 'error', message: error.message }));
	return {
		post: (job) => worker.postMessage(job),
		onReply: (next) => void (handler = next),
		terminate: () => void worker.terminate()
	};
}

export interface NodePoolOptions {
	workers?: number;
	onProgress?: (done: number, total: number) => void;
	signal?: AbortSignal;
}

/** Path centrality on worker threads; with a broker, its report's sums from the same searches (`broker` in the result). */
export function pathCentralityInNode(csr: Csr, options: NodePoolOptions & { broker?: { node: number; limit: number } } = {}): Promise<PathCentrality & { broker?: BrokerPartial }> {
	return runPathCentrality(csr, { spawn: spawnNodeWorker, workers: options.workers ?? availableParallelism(), ...options });
}

/** Path centrality on worker threads and the report sums of the broker `pick` names from it (runPathCentralityPickingBroker). */
export function pathCentralityPickingBrokerInNode(
	csr: Csr,
	options: NodePoolOptions & { guess: number; limit: number; pick: (betweenness: Float64Array) => number }
): Promise<{ paths: PathCentrality; broker: number; partial: BrokerPartial }> {
	return runPathCentralityPickingBroker(csr, { spawn: spawnNodeWorker, workers: options.workers ?? availableParallelism(), ...options });
}
