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

/** Runs jobs, one per worker spawned for it, and resolves with their results in the order of the jobs; the workers end with it. */
export function runJobs<T extends AnalysisJob['type']>(jobs: Array<AnalysisJob & { type: T }>, total: number, options: PoolOptions): Promise<Array<JobResults[T]>> {
	if (options.signal?.aborted) return Promise.reject(options.signal.reason);
	const running = jobs.map(() => options.spawn());
	return runJobsOn<T>(running, jobs, total, options).finally(() => running.forEach((worker) => worker.terminate()));
}

/** Runs jobs on running workers, job i on worker i; the workers stay (warm) for more jobs, and whoever spawned them ends them. */
export function runJobsOn<T extends AnalysisJob['type']>(
	running: AnalysisWorker[],
	jobs: Array<AnalysisJob & { type: T }>,
	total: number,
	{ onProgress, signal }: Pick<PoolOptions, 'onProgress' | 'signal'>
): Promise<Array<JobResults[T]>> {
	return new Promise((resolve, reject) => {
		if (signal?.aborted) return reject(signal.reason);
		const done = jobs.map(() => 0);
		const results: Array<JobResults[T] | undefined> = jobs.map(() => undefined);
		let settled = false;
		const stop = (error?: unknown) => {
			if (settled) return;
			settled = true;
			signal?.removeEventListener('abort', abort);
			if (error !== undefined) reject(error);
		};
		const abort = () => stop(signal!.reason);
		signal?.addEventListener('abort', abort);
		jobs.forEach((job, i) => {
			running[i]!.onReply((reply) => {
				if (settled) return;
				if (reply.type === 'progress') {
					done[i] = reply.done;
					onProgress?.(done.reduce((sum, value) => sum + value, 0), total);
				} else if (reply.type === 'error') stop(new Error(`${job.type} worker: ${reply.message}`));
				else {
					results[i] = reply.result as JobResults[T];
					if (results.every((result) => result !== undefined)) {
						stop();
						resolve(results as Array<JobResults[T]>);
					}
				}
			});
			running[i]!.post(job);
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

/** Sources, in all, whose betweenness picks the second guess at a broker (50 found the top node on a random geometric and a Barabási-Albert graph of 10,000 nodes). */
const SAMPLE_SOURCES = 200;

/** Sources start..end-1 and the broker whose report sums were gathered on their searches. */
export interface BrokerPiece {
	start: number;
	end: number;
	node: number;
	partial: BrokerPartial;
}

/**
 * Path centrality with the report sums of a broker `pick` names from its betweenness (the default broker: the node of
 * highest betweenness), which only the whole pass tells. The first sources of each range (SAMPLE_SOURCES in all, at
 * most a twentieth of the nodes) are searched with `guess` along; the betweenness of that sample picks a second guess,
 * which the rest of each range carries. Only the sources searched without the broker picked at the end are searched
 * again: none when the guesses hold, the sample when the second does, all when neither does (as a pass of their own
 * would be). The node of highest degree, the usual guess, is the top broker on a Barabási-Albert graph, but ranked
 * 2,441st on a random geometric graph of 10,000 nodes, where that second pass took a third of the run (4.2 of 12.1 s).
 * Each range goes on from its sample's sums (into, from), so every sum adds in the same order as in runPathCentrality;
 * the same workers run every step, so their compiled code stays warm.
 */
export async function runPathCentralityPickingBroker(
	csr: Csr,
	options: PoolOptions & { guess: number; limit: number; pick: (betweenness: Float64Array) => number }
): Promise<{ paths: PathCentrality; broker: number; partial: BrokerPartial }> {
	if (options.signal?.aborted) throw options.signal.reason;
	const { guess, limit, pick, onProgress } = options;
	const ranges = splitSources(csr.n, options.workers);
	const running = ranges.map(() => options.spawn());
	try {
		const size = Math.ceil(Math.min(SAMPLE_SOURCES, csr.n / 20) / ranges.length);
		const cuts = ranges.map(([start, end]) => Math.min(end, start + size));
		const sample = await runJobsOn(
			running,
			ranges.map(([start], i) => ({ type: 'paths' as const, csr, start, end: cuts[i]!, broker: { node: guess, limit } })),
			csr.n,
			options
		);
		const estimate = new Float64Array(csr.n);
		for (const part of sample) part.betweenness.forEach((value, v) => (estimate[v]! += value));
		const second = pick(estimate);
		const sampled = cuts.reduce((sum, cut, i) => sum + cut - ranges[i]![0], 0);
		const rest = await runJobsOn(
			running,
			ranges.map(([, end], i) => {
				const { betweenness, closeness, harmonic, broker: from } = sample[i]!;
				const broker = { node: second, limit, from: second === guess ? from : undefined };
				return { type: 'paths' as const, csr, start: cuts[i]!, end, into: { betweenness, closeness, harmonic }, broker };
			}),
			csr.n,
			{ ...options, onProgress: onProgress && ((done, total) => onProgress(sampled + done, total)) }
		);
		const paths = finishPathCentrality(csr.n, mergePathPartials(rest.map(({ betweenness, closeness, harmonic }) => ({ betweenness, closeness, harmonic }))));
		const broker = pick(paths.betweenness);
		const pieces = ranges.map(([start, end], i): BrokerPiece[] =>
			second === guess
				? [{ start, end, node: second, partial: rest[i]!.broker! }]
				: [
						{ start, end: cuts[i]!, node: guess, partial: sample[i]!.broker! },
						{ start: cuts[i]!, end, node: second, partial: rest[i]!.broker! }
					]
		);
		const slots = pieces.flatMap((list) => brokerSlots(list, broker));
		const gaps = slots.filter((slot): slot is [number, number] => Array.isArray(slot));
		const redone = gaps.length ? await runJobsOn(running, gaps.map(([start, end]) => ({ type: 'broker' as const, csr, broker, start, end, limit })), csr.n, { signal: options.signal }) : [];
		const partials = slots.map((slot) => (Array.isArray(slot) ? redone[gaps.indexOf(slot)]! : slot));
		return { paths, broker, partial: mergeBrokerPartials(partials, limit) };
	} finally {
		running.forEach((worker) => worker.terminate());
	}
}

/**
 * One range's pieces in source order as the broker's sums where they were gathered for it, and the sources searched
 * without it as one gap [start, end) to search again (at most one: the range is two pieces, for two different nodes).
 */
export function brokerSlots(pieces: BrokerPiece[], broker: number): Array<BrokerPartial | [number, number]> {
	return pieces.reduce<Array<BrokerPartial | [number, number]>>((out, piece) => {
		const last = out.at(-1);
		if (piece.node === broker) out.push(piece.partial);
		else if (Array.isArray(last)) last[1] = piece.end;
		else out.push([piece.start, piece.end]);
		return out;
	}, []);
}

/** The broker report's sums over every source, split across workers. */
export function runBrokerRanges(csr: Csr, broker: number, limit: number, options: PoolOptions): Promise<BrokerPartial> {
	const jobs = splitSources(csr.n, options.workers).map(([start, end]) => ({ type: 'broker' as const, csr, broker, start, end, limit }));
	return runJobs(jobs, csr.n, options).then((partials: BrokerPartial[]) => mergeBrokerPartials(partials, limit));
}
