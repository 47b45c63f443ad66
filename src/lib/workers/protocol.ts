// The messages between the page or the CLI and an analysis worker, and the jobs a worker runs on receiving one.
// Shared by the Web Worker (analysis.worker.ts) and the Node worker (path-worker.node.ts): one kernel, two hosts.
import { structuralBalance, type BalanceReport } from '../analysis/balance';
import { BrokerAccumulator, brokerRange, type BrokerPartial } from '../analysis/broker';
import type { Csr } from '../analysis/csr';
import type { LayerSpec } from '../analysis/layer';
import { localMetricArrays, type MetricId } from '../analysis/metrics';
import { accumulatePathCentrality, type PathPartial } from '../analysis/path-centrality';
import type { Dataset } from '../model';

/** Betweenness, closeness and harmonic sums for sources start..end-1 of a layer; with a broker, its report's sums too. */
export interface PathJob {
	type: 'paths';
	csr: Csr;
	start: number;
	end: number;
	/** the sums of the sources just before start, to add on to: a range run in two jobs sums in the same order as in one */
	into?: PathPartial;
	/** `from`: the broker's sums of those sources, likewise */
	broker?: { node: number; limit: number; from?: BrokerPartial };
}

/** The broker report's sums for sources start..end-1. */
export interface BrokerJob {
	type: 'broker';
	csr: Csr;
	broker: number;
	start: number;
	end: number;
	limit: number;
}

/** The metrics of a layer that need no shortest paths (localMetricArrays), in one worker beside the path jobs. */
export interface LocalMetricsJob {
	type: 'local';
	csr: Csr;
}

/** Structural balance of a whole dataset's layer, in one worker. */
export interface BalanceJob {
	type: 'balance';
	dataset: Dataset;
	layer: LayerSpec;
	limit: number;
}

export type AnalysisJob = PathJob | BrokerJob | LocalMetricsJob | BalanceJob;

export interface JobResults {
	paths: PathPartial & { broker?: BrokerPartial };
	broker: BrokerPartial;
	local: Partial<Record<MetricId, Float64Array>>;
	balance: BalanceReport;
}

export type WorkerReply = { type: 'progress'; done: number } | { type: 'result'; result: JobResults[AnalysisJob['type']] } | { type: 'error'; message: string };

/** What a host needs of a worker: Web Workers and worker_threads both fit behind this. */
export interface AnalysisWorker {
	post(job: AnalysisJob): void;
	/** sets the handler of its replies from now on, in place of the last one */
	onReply(handler: (reply: WorkerReply) => void): void;
	terminate(): void;
}

/**
 * Runs a job inside a worker, posting progress about 100 times and then the result. The search jobs' sums are copied,
 * not moved: a worker that moves (detaches) a buffer runs its typed-array loops about 25% slower from then on (V8 then
 * checks every access for a detached buffer), and a pool may give it another job (runJobsOn); a copy of n numbers costs
 * next to nothing beside the searches. The local metrics, one job on its own worker, are moved.
 */
export function runJob(job: AnalysisJob, post: (reply: WorkerReply, transfer?: ArrayBuffer[]) => void): void {
	const progress = (done: number) => post({ type: 'progress', done });
	try {
		if (job.type === 'paths') {
			const broker = job.broker && new BrokerAccumulator(job.csr, job.broker.node, job.broker.limit, job.broker.from);
			const partial = accumulatePathCentrality(job.csr, job.start, job.end, job.into, progress, broker);
			post({ type: 'result', result: { ...partial, broker: broker?.result() } });
		} else if (job.type === 'broker') {
			const partial = brokerRange(job.csr, job.broker, job.start, job.end, job.limit, progress);
			post({ type: 'result', result: partial });
		} else if (job.type === 'local') {
			const arrays = localMetricArrays(job.csr);
			post({ type: 'result', result: arrays }, Object.values(arrays).map((array) => array.buffer) as ArrayBuffer[]);
		} else post({ type: 'result', result: structuralBalance(job.dataset, job.layer, { limit: job.limit }) });
	} catch (error) {
		post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
	}
}
