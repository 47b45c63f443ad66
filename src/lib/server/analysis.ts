// GET /api/analysis/{id}'s engine: analysisSummary on a worker thread, never on the thread that answers requests.
// A dataset past the size limit is refused before any work; a run past the time limit is stopped; results are kept
// per file version and options; identical requests share one run; a run every waiting client has left is stopped,
// and so is every run when the server is told to stop (SIGTERM, SIGINT), so it stops at once.
// This one module is both sides: loaded as a worker (workerData.role) it runs the jobs the main side posts to it.
// It imports only relative modules and Node's, so a worker can load it as built JavaScript or through tsx.
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, workerData, type Worker } from 'node:worker_threads';
import type { Layer } from '../analysis/layer';
import { analysisSummary } from '../analysis/summary';
import type { Dataset } from '../model';
import { startWorker } from '../workers/node';

const ROLE = 'alliance-explorer/analysis';

export interface AnalysisJob {
	dataset: Dataset;
	layer: Layer;
	weighted: boolean;
	broker?: string;
}

type Reply = { type: 'summary'; body: string } | { type: 'failed'; message: string };

if (!isMainThread && (workerData as { role?: string } | null)?.role === ROLE) {
	const port = parentPort!;
	port.once('message', (job: AnalysisJob) => {
		let reply: Reply;
		try {
			const result = analysisSummary(job.dataset, { layer: job.layer, weighted: job.weighted, broker: job.broker });
			reply = 'summary' in result ? { type: 'summary', body: JSON.stringify(result.summary) } : { type: 'failed', message: `no node with id "${result.unknownBroker}"` };
		} catch (error) {
			reply = { type: 'failed', message: error instanceof Error ? error.message : String(error) };
		}
		port.postMessage(reply);
	});
}

/** The limits, read when a request comes (environment variables override them, for an operator or a test). */
export function analysisLimits() {
	const number = (name: string, fallback: number) => {
		const value = Number(process.env[name]);
		return Number.isFinite(value) && value > 0 ? value : fallback;
	};
	return {
		/** larger datasets are refused at once: their path metrics cost nodes × ties, minutes on the server */
		nodes: number('ANALYSIS_MAX_NODES', 10_000),
		edges: number('ANALYSIS_MAX_EDGES', 200_000),
		/** a run still going after this is stopped */
		timeMs: number('ANALYSIS_TIME_LIMIT_MS', 60_000),
		/** runs at once; more wait their turn */
		running: number('ANALYSIS_WORKERS', Math.max(1, availableParallelism() - 1)),
		/** runs waiting beyond this are refused with "busy" */
		queued: number('ANALYSIS_QUEUE', 16),
		memoryMb: number('ANALYSIS_MEMORY_MB', 1024)
	};
}

export type AnalysisOutcome = { status: 200; body: string } | { status: 400 | 413 | 499 | 500 | 503; message: string };

interface Run {
	key: string;
	job: AnalysisJob;
	waiting: number;
	outcome: Promise<AnalysisOutcome>;
	finish: (outcome: AnalysisOutcome) => void;
	worker?: Worker;
	timer?: ReturnType<typeof setTimeout>;
}

const RESULTS_KEPT = 64;
/** Finished results by key (file version and options), least recently used first. */
const results = new Map<string, string>();
const runs = new Map<string, Run>();
const queue: Run[] = [];
let running = 0;
let stopping = false;

function keep(key: string, body: string): void {
	results.delete(key);
	results.set(key, body);
	while (results.size > RESULTS_KEPT) results.delete(results.keys().next().value!);
}

function settle(run: Run, outcome: AnalysisOutcome): void {
	if (runs.get(run.key) !== run) return;
	runs.delete(run.key);
	const queued = queue.indexOf(run);
	if (queued !== -1) queue.splice(queued, 1);
	if (run.timer) clearTimeout(run.timer);
	if (run.worker) {
		void run.worker.terminate();
		running--;
	}
	if (outcome.status === 200) keep(run.key, outcome.body);
	run.finish(outcome);
	startQueued();
}

function start(run: Run): void {
	const limits = analysisLimits();
	running++;
	const worker = startWorker(new URL(import.meta.url), { workerData: { role: ROLE }, resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb } });
	run.worker = worker;
	// Neither the worker nor its timer keeps a stopping server alive.
	worker.unref();
	run.timer = setTimeout(
		() => settle(run, { status: 503, message: `the analysis took longer than ${limits.timeMs >= 1000 ? `${Math.round(limits.timeMs / 1000)} s` : `${limits.timeMs} ms`} and was stopped: run npm run analyze -- FILE for it` }),
		limits.timeMs
	);
	run.timer.unref();
	worker.once('message', (reply: Reply) =>
		settle(run, reply.type === 'summary' ? { status: 200, body: reply.body } : { status: 500, message: `the analysis failed: ${reply.message}` })
	);
	worker.once('error', (error: Error & { code?: string }) =>
		settle(
			run,
			error.code === 'ERR_WORKER_OUT_OF_MEMORY'
				? { status: 503, message: `the analysis needed more than the ${limits.memoryMb} MB the server gives one: run npm run analyze -- FILE for it` }
				: { status: 500, message: `the analysis failed: ${error.message}` }
		)
	);
	worker.once('exit', (code) => settle(run, { status: 500, message: `the analysis stopped (exit code ${code})` }));
	worker.postMessage(run.job);
}

function startQueued(): void {
	const limits = analysisLimits();
	while (!stopping && running < limits.running && queue.length) {
		start(queue.shift()!);
	}
}

/** Runs under way or waiting for a worker. */
export function activeAnalyses(): number {
	return runs.size;
}

/** Stops every run (the server is going down): each waiting client gets a 503 at once. */
export function stopAnalyses(): void {
	stopping = true;
	for (const run of [...runs.values()]) settle(run, { status: 503, message: 'the server is shutting down' });
}

if (isMainThread) {
	// Only beside a server's own handlers (adapter-node's): a lone listener would stop the process from exiting on the signal.
	for (const signal of ['SIGTERM', 'SIGINT'] as const) if (process.listenerCount(signal) > 0) process.once(signal, stopAnalyses);
}

/**
 * The summary of a dataset version (`version` names it: the same version and options give the cached result), or
 * why not. `signal` is the client's: when every client waiting for a run has gone, the run is stopped.
 */
export function runAnalysis(version: string, job: AnalysisJob, signal?: AbortSignal): Promise<AnalysisOutcome> {
	const limits = analysisLimits();
	const { nodes, edges } = job.dataset;
	if (nodes.length > limits.nodes || edges.length > limits.edges)
		return Promise.resolve({
			status: 413,
			message: `the dataset has ${nodes.length.toLocaleString('en')} nodes and ${edges.length.toLocaleString('en')} ties; the server analyses up to ${limits.nodes.toLocaleString('en')} nodes and ${limits.edges.toLocaleString('en')} ties: run npm run analyze -- FILE for it`
		});
	if (job.broker !== undefined && !nodes.some((node) => node.id === job.broker)) return Promise.resolve({ status: 400, message: `broker: no node with id "${job.broker}"` });
	if (stopping) return Promise.resolve({ status: 503, message: 'the server is shutting down' });
	const key = JSON.stringify([version, job.layer, job.weighted, job.broker ?? null]);
	const cached = results.get(key);
	if (cached !== undefined) {
		keep(key, cached);
		return Promise.resolve({ status: 200, body: cached });
	}
	let run = runs.get(key);
	if (!run) {
		if (queue.length >= limits.queued) return Promise.resolve({ status: 503, message: 'the server is busy with other analyses: try again in a minute' });
		let finish!: (outcome: AnalysisOutcome) => void;
		const outcome = new Promise<AnalysisOutcome>((resolve) => (finish = resolve));
		run = { key, job, waiting: 0, outcome, finish };
		runs.set(key, run);
		queue.push(run);
		startQueued();
	}
	const joined = run;
	joined.waiting++;
	if (!signal) return joined.outcome;
	return new Promise((resolve) => {
		const leave = () => {
			joined.waiting--;
			if (joined.waiting === 0) settle(joined, { status: 499, message: 'the client went away' });
			resolve({ status: 499, message: 'the client went away' });
		};
		if (signal.aborted) return leave();
		signal.addEventListener('abort', leave, { once: true });
		void joined.outcome.then((outcome) => {
			signal.removeEventListener('abort', leave);
			resolve(outcome);
		});
	});
}
