// GET /api/analysis/{id}'s engine: fullAnalysis on a worker thread (jobs.ts), never on the request thread.
// A dataset past the size limit is refused before any work; a run past the time limit is stopped; results are kept
// per file version and options; identical requests share one run; a run every waiting client has left is stopped.
import { availableParallelism } from 'node:os';
import type { LayerSpec } from '../analysis/layer';
import { WorkerPool, type JobHandle, type JobResult } from './jobs';

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
		/** runs at once; more wait their turn, and past `queued` waiting the server answers busy */
		workers: number('ANALYSIS_WORKERS', Math.max(1, availableParallelism() - 1)),
		queued: number('ANALYSIS_QUEUE', 16),
		memoryMb: number('ANALYSIS_MEMORY_MB', 1024)
	};
}

const pool = new WorkerPool(analysisLimits);

export interface AnalysisRequest {
	/** the dataset file and the version of it that was validated */
	path: string;
	version: string;
	nodes: number;
	edges: number;
	layer: LayerSpec;
	/** how many pairs and triangles the reports list */
	pairs: number;
	broker?: string;
}

export type AnalysisOutcome = { status: 200; body: string } | { status: 400 | 409 | 413 | 499 | 500 | 503; message: string };

interface Run {
	key: string;
	handle: JobHandle;
	waiting: number;
	outcome: Promise<AnalysisOutcome>;
}

const RESULTS_KEPT = 64;
/** Finished results by key (file version and options), least recently used first. */
const results = new Map<string, string>();
const runs = new Map<string, Run>();
const GONE = { type: 'failed', status: 499, message: 'was stopped: every client asking for it went away' } as const satisfies JobResult;

function keep(key: string, body: string): void {
	results.delete(key);
	results.set(key, body);
	while (results.size > RESULTS_KEPT) results.delete(results.keys().next().value!);
}

/** Runs under way or waiting for a worker. */
export function activeAnalyses(): number {
	return runs.size;
}

/**
 * The summary of a dataset version (the same version and options give the cached result), or why not. `signal` is
 * the client's: when every client waiting for a run has gone, the run is stopped.
 */
export function runAnalysis(request: AnalysisRequest, signal?: AbortSignal): Promise<AnalysisOutcome> {
	const limits = analysisLimits();
	if (request.nodes > limits.nodes || request.edges > limits.edges)
		return Promise.resolve({
			status: 413,
			message: `the dataset has ${request.nodes.toLocaleString('en')} nodes and ${request.edges.toLocaleString('en')} ties; the server analyses up to ${limits.nodes.toLocaleString('en')} nodes and ${limits.edges.toLocaleString('en')} ties: run npm run analyze -- FILE for it`
		});
	const key = JSON.stringify([request.path, request.version, request.layer, request.pairs, request.broker ?? null]);
	const cached = results.get(key);
	if (cached !== undefined) {
		keep(key, cached);
		return Promise.resolve({ status: 200, body: cached });
	}
	let run = runs.get(key);
	if (!run) {
		const { path, version, layer, pairs, broker } = request;
		const handle = pool.run({ type: 'analysis', path, version, layer, pairs, broker }, limits.timeMs);
		const outcome = handle.result.then((result): AnalysisOutcome => {
			runs.delete(key);
			if (result.type === 'analysis') {
				keep(key, result.body);
				return { status: 200, body: result.body };
			}
			if (result.type !== 'failed') return { status: 500, message: `the analysis gave an unexpected ${result.type} result` };
			if (result.status === 400) return { status: 400, message: result.message };
			return { status: result.status, message: `the analysis ${result.message}${result.limit ? ': run npm run analyze -- FILE for it' : ''}` };
		});
		run = { key, handle, waiting: 0, outcome };
		runs.set(key, run);
	}
	const joined = run;
	joined.waiting++;
	if (!signal) return joined.outcome;
	return new Promise((resolve) => {
		const leave = () => {
			joined.waiting--;
			if (joined.waiting === 0) joined.handle.cancel(GONE);
			resolve({ status: GONE.status, message: GONE.message });
		};
		if (signal.aborted) return leave();
		signal.addEventListener('abort', leave, { once: true });
		void joined.outcome.then((outcome) => {
			signal.removeEventListener('abort', leave);
			resolve(outcome);
		});
	});
}
