// The worker pool: a job split across workers by contiguous ranges of sources (path centrality, the broker report),
// or one whole job on one worker (balance), with summed progress and cancel through an AbortSignal (which terminates
// every worker at once).
import { mergeBrokerPartials, type BrokerPartial } from '../analysis/broker';
import type { Csr } from '../analysis/csr';
import { finishPathCentrality, mergePathPartials, splitSources, type PathCentrality, type PathPartial } from '../analysis/path-centrality';
import type { AnalysisJob, AnalysisWorker, JobResults } from './protocol';

export interface PoolOptions {
	/** makes one worker (a Web Worker in the page, a worker thread in Node) */
	spawn: () => AnalysisWorker;
	workers: number;
	/** units done so far out of all (sources, for split jobs) */
	onProgress?: (done: number, total: number) => void;
	signal?: AbortSignal;
}

/** Runs jobs, one per worker, and resolves with their results in the order of the jobs. */
export function runJobs<T extends AnalysisJob['type']>(jobs: Array<AnalysisJob & { type: T }>, total: number, { spawn, onProgress, signal }: PoolOptions): Promise<Array<JobResults[T]>> {
	return new Promise((resolve, reject) => {
		if (signal?.aborted) return reject(signal.reason);
		const running = jobs.map(() => spawn());
		const done = jobs.map(() => 0);
		const results: Array<JobResults[T] | undefined> = jobs.map(() => undefined);
		let settled = false;
		const stop = (error?: unknown) => {
			if (settled) return;
			settled = true;
			for (const worker of running) worker.terminate();
			signal?.removeEventListener('abort', abort);
			if (error !== undefined) reject(error);
		};
		const abort = () => stop(signal!.reason);
		signal?.addEventListener('abort', abort);
		running.forEach((worker, i) => {
			worker.onReply((reply) => {
				if (settled) return;
				if (reply.type === 'progress') {
					done[i] = reply.done;
					onProgress?.(done.reduce((sum, value) => sum + value, 0), total);
				} else if (reply.type === 'error') stop(new Error(`${jobs[i]!.type} worker: ${reply.message}`));
				else {
					results[i] = reply.result as JobResults[T];
					if (results.every((result) => result !== undefined)) {
						stop();
						resolve(results as Array<JobResults[T]>);
					}
				}
			});
			worker.post(jobs[i]!);
		});
	});
}

/** Path centrality split across workers; with a broker, that broker's report sums from the same searches. */
export function runPathCentrality(csr: Csr, options: PoolOptions & { broker?: { node: number; limit: number } }): Promise<PathCentrality & { broker?: BrokerPartial }> {
	const { broker } = options;
	const jobs = splitSources(csr.n, options.workers).map(([start, end]) => ({ type: 'paths' as const, csr, start, end, broker }));
	return runJobs(jobs, csr.n, options).then((partials: Array<PathPartial & { broker?: BrokerPartial }>) => ({
		...finishPathCentrality(csr.n, mergePathPartials(partials)),
		broker: broker && mergeBrokerPartials(partials.map((partial) => partial.broker!), broker.limit)
	}));
}

/** The broker report's sums over every source, split across workers. */
export function runBrokerRanges(csr: Csr, broker: number, limit: number, options: PoolOptions): Promise<BrokerPartial> {
	const jobs = splitSources(csr.n, options.workers).map(([start, end]) => ({ type: 'broker' as const, csr, broker, start, end, limit }));
	return runJobs(jobs, csr.n, options).then((partials: BrokerPartial[]) => mergeBrokerPartials(partials, limit));
}
