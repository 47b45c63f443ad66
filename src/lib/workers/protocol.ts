// The messages between the page or the CLI and an analysis worker, and the job a worker runs on receiving one.
// Shared by the Web Worker (analysis.worker.ts) and the Node worker (path-worker.node.ts): one kernel, two hosts.
import type { Csr } from '../analysis/csr';
import { accumulatePathCentrality, type PathPartial } from '../analysis/path-centrality';

/** Betweenness, closeness and harmonic sums for sources start..end-1 of a layer. */
export interface PathJob {
	type: 'paths';
	csr: Csr;
	start: number;
	end: number;
}

export type WorkerReply = { type: 'progress'; done: number } | ({ type: 'result' } & PathPartial) | { type: 'error'; message: string };

/** What a host needs of a worker: Web Workers and worker_threads both fit behind this. */
export interface AnalysisWorker {
	post(job: PathJob): void;
	onReply(handler: (reply: WorkerReply) => void): void;
	terminate(): void;
}

/** Runs a job inside a worker, posting progress about 100 times and then the partial sums (their buffers moved, not copied). */
export function runPathJob(job: PathJob, post: (reply: WorkerReply, transfer?: ArrayBuffer[]) => void): void {
	try {
		const partial = accumulatePathCentrality(job.csr, job.start, job.end, undefined, (done) => post({ type: 'progress', done }));
		post({ type: 'result', ...partial }, [partial.betweenness.buffer, partial.closeness.buffer, partial.harmonic.buffer] as ArrayBuffer[]);
	} catch (error) {
		post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
	}
}
