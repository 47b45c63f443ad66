// The server's heavy work on worker threads, never on the thread that answers requests: reading a large dataset
// file, the analysis, an export of a large dataset. This one module is both sides: loaded as a worker (workerData.role)
// it runs the jobs it is posted, one at a time; on the main thread a WorkerPool keeps a few such workers, queues jobs,
// stops a job past its time limit or when its caller cancels it (the worker is ended and replaced), and stops them
// all when the server is told to stop. It imports only relative modules and Node's, so a worker can load it as
// built JavaScript or through tsx (dev server, tests).
import { isMainThread, parentPort, workerData, type Worker } from 'node:worker_threads';
import { fullAnalysis } from '../analysis/full-analysis';
import type { LayerSpec } from '../analysis/layer';
import { exportDataset } from '../io/formats';
import { omissionNote } from '../io/omissions';
import type { ExportedFile, FormatId } from '../io/types';
import { startWorker } from '../workers/node';
import { readDatasetVersion, readKnownVersion, type DatasetEntry } from './dataset-file';

const ROLE = 'alliance-explorer/jobs';

export type Job =
	| { type: 'read'; id: string; file: string; path: string }
	| { type: 'analysis'; path: string; version: string; layer: LayerSpec; pairs: number; broker?: string }
	| { type: 'export'; path: string; version: string; format: FormatId; baseName: string; label: string };

export type JobResult =
	| { type: 'read'; entry: DatasetEntry; version: string }
	| { type: 'analysis'; body: string }
	| { type: 'export'; files: ExportedFile[]; note?: string }
	/** `message` reads after the job's name ("the analysis took longer than 60 s…"); `limit` when a limit stopped it */
	| { type: 'failed'; message: string; status: 400 | 409 | 499 | 500 | 503; limit?: 'time' | 'memory' };

async function runJob(job: Job): Promise<JobResult> {
	if (job.type === 'read') {
		const read = await readDatasetVersion(job.id, job.file, job.path);
		return { type: 'read', entry: read.entry, version: read.version };
	}
	const known = await readKnownVersion(job.path, job.version);
	if ('message' in known) return { type: 'failed', message: `could not read the file: ${known.message}`, status: 409 };
	if (job.type === 'export') return { type: 'export', files: exportDataset(known.dataset, job.format, job.baseName), note: omissionNote(known.dataset, job.format, job.label) };
	const result = fullAnalysis(known.dataset, job.layer, { broker: job.broker, pairs: job.pairs });
	if ('problem' in result) return { type: 'failed', message: result.problem, status: 400 };
	return { type: 'analysis', body: JSON.stringify(result) };
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === ROLE) {
	const port = parentPort!;
	port.on('message', (job: Job) => {
		runJob(job).then(
			(result) => port.postMessage(result),
			(error: unknown) => port.postMessage({ type: 'failed', status: 500, message: `failed: ${error instanceof Error ? error.message : String(error)}` } satisfies JobResult)
		);
	});
}

export interface PoolLimits {
	/** workers at once */
	workers: number;
	/** jobs waiting beyond this are refused as busy */
	queued: number;
	memoryMb: number;
}

interface Task {
	job: Job;
	timeMs: number;
	finish: (result: JobResult) => void;
	slot?: Slot;
	timer?: ReturnType<typeof setTimeout>;
}

interface Slot {
	worker?: Worker;
	task?: Task;
}

export interface JobHandle {
	result: Promise<JobResult>;
	/** ends the job at once (its worker is replaced) with this result */
	cancel: (result: JobResult) => void;
}

const pools = new Set<WorkerPool>();
let stopping = false;
const SHUTTING_DOWN: JobResult = { type: 'failed', status: 503, message: 'was stopped: the server is shutting down' };

const seconds = (ms: number) => (ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`);

export class WorkerPool {
	#slots: Slot[] = [];
	#queue: Task[] = [];

	constructor(private readonly limits: () => PoolLimits) {
		pools.add(this);
	}

	/** Jobs running or waiting. */
	get size(): number {
		return this.#queue.length + this.#slots.filter((slot) => slot.task).length;
	}

	run(job: Job, timeMs: number): JobHandle {
		let finish!: (result: JobResult) => void;
		const result = new Promise<JobResult>((resolve) => (finish = resolve));
		const task: Task = { job, timeMs, finish };
		if (stopping) finish(SHUTTING_DOWN);
		else if (this.#queue.length >= this.limits().queued) finish({ type: 'failed', status: 503, message: 'waits behind too many others: try again in a minute' });
		else {
			this.#queue.push(task);
			this.#next();
		}
		return { result, cancel: (outcome) => this.#end(task, outcome) };
	}

	/** Ends every job with this result (the server is stopping). */
	stopAll(result: JobResult): void {
		for (const task of [...this.#queue, ...this.#slots.flatMap((slot) => (slot.task ? [slot.task] : []))]) this.#end(task, result);
	}

	#end(task: Task, result: JobResult, fromWorker = false): void {
		const queued = this.#queue.indexOf(task);
		if (queued !== -1) this.#queue.splice(queued, 1);
		const { slot } = task;
		if (slot && slot.task === task) {
			slot.task = undefined;
			// A worker stopped mid-job cannot be trusted with the next one: end it; a new one starts when needed.
			if (!fromWorker && slot.worker) {
				void slot.worker.terminate();
				slot.worker = undefined;
			}
		}
		if (task.timer) clearTimeout(task.timer);
		task.finish(result);
		this.#next();
	}

	#spawn(slot: Slot): Worker {
		const worker = startWorker(new URL(import.meta.url), { workerData: { role: ROLE }, resourceLimits: { maxOldGenerationSizeMb: this.limits().memoryMb } });
		const lost = (result: JobResult) => {
			if (slot.worker !== worker) return;
			slot.worker = undefined;
			if (slot.task) this.#end(slot.task, result, true);
		};
		worker.on('message', (result: JobResult) => {
			if (slot.worker === worker && slot.task) this.#end(slot.task, result, true);
		});
		worker.on('error', (error: Error & { code?: string }) =>
			lost(
				error.code === 'ERR_WORKER_OUT_OF_MEMORY'
					? { type: 'failed', status: 503, limit: 'memory', message: `needed more than the ${this.limits().memoryMb} MB the server gives one job` }
					: { type: 'failed', status: 500, message: `failed: ${error.message}` }
			)
		);
		worker.on('exit', (code) => lost({ type: 'failed', status: 500, message: `stopped unexpectedly (exit code ${code})` }));
		// A worker does not keep a stopping server alive; after the listeners, which would take a reference again.
		worker.unref();
		return worker;
	}

	#next(): void {
		const { workers } = this.limits();
		while (this.#queue.length) {
			let slot = this.#slots.find((candidate) => !candidate.task);
			if (!slot && this.#slots.length < workers) this.#slots.push((slot = {}));
			if (!slot) return;
			const task = this.#queue.shift()!;
			slot.task = task;
			task.slot = slot;
			slot.worker ??= this.#spawn(slot);
			task.timer = setTimeout(() => this.#end(task, { type: 'failed', status: 503, limit: 'time', message: `took longer than ${seconds(task.timeMs)} and was stopped` }), task.timeMs);
			task.timer.unref();
			slot.worker.postMessage(task.job);
		}
	}
}

/** Ends every job in every pool (the server is going down): each waiting request is answered at once. */
export function stopAllJobs(): void {
	stopping = true;
	for (const pool of pools) pool.stopAll(SHUTTING_DOWN);
}

if (isMainThread) {
	// Only beside a server's own handlers (adapter-node's): a lone listener would keep the process from exiting on the signal.
	for (const signal of ['SIGTERM', 'SIGINT'] as const) if (process.listenerCount(signal) > 0) process.once(signal, stopAllJobs);
}
