// runPathCentrality: betweenness, closeness and harmonic split across workers by contiguous ranges of sources,
// with summed progress and cancel through an AbortSignal (which terminates every worker at once).
import type { Csr } from '../analysis/csr';
import { finishPathCentrality, mergePathPartials, splitSources, type PathCentrality, type PathPartial } from '../analysis/path-centrality';
import type { AnalysisWorker } from './protocol';

export interface PoolOptions {
	/** makes one worker (a Web Worker in the page, a worker thread in Node) */
	spawn: () => AnalysisWorker;
	workers: number;
	/** sources done so far out of all n */
	onProgress?: (done: number, total: number) => void;
	signal?: AbortSignal;
}

export function runPathCentrality(csr: Csr, { spawn, workers, onProgress, signal }: PoolOptions): Promise<PathCentrality> {
	const ranges = splitSources(csr.n, workers);
	return new Promise((resolve, reject) => {
		if (signal?.aborted) return reject(signal.reason);
		const running = ranges.map(() => spawn());
		const done = ranges.map(() => 0);
		const partials: Array<PathPartial | undefined> = ranges.map(() => undefined);
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
					onProgress?.(done.reduce((sum, value) => sum + value, 0), csr.n);
				} else if (reply.type === 'error') stop(new Error(`path centrality worker: ${reply.message}`));
				else {
					partials[i] = reply;
					if (partials.every((partial) => partial !== undefined)) {
						stop();
						resolve(finishPathCentrality(csr.n, mergePathPartials(partials as PathPartial[])));
					}
				}
			});
			worker.post({ type: 'paths', csr, start: ranges[i]![0], end: ranges[i]![1] });
		});
	});
}
