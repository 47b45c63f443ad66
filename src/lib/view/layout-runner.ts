// Runs a force-directed layout in its own Web Worker and reports its pictures as they come: the page stays
// responsive, and Cancel terminates the worker at once, keeping the last picture.
import type { LayoutJob, LayoutReply } from '$lib/workers/layout-protocol';

export interface LayoutHandlers {
	onProgress(positions: Float64Array, done: number, total: number): void;
	onDone(positions: Float64Array): void;
	onError(message: string): void;
}

export interface LayoutRun {
	cancel(): void;
}

const spawn = () => new Worker(new URL('../workers/layout.worker.ts', import.meta.url), { type: 'module' });

/** A worker started ahead of need: it loads its code while the page loads the graph, so the first layout starts at once. */
let ready: Worker | null = null;

export function prepareLayoutWorker(): void {
	if (typeof Worker !== 'undefined') ready ??= spawn();
}

export function runInWorker(job: LayoutJob, handlers: LayoutHandlers): LayoutRun {
	const worker = ready ?? spawn();
	ready = null;
	let finished = false;
	const finish = () => {
		finished = true;
		worker.terminate();
	};
	worker.onmessage = (event: MessageEvent<LayoutReply>) => {
		if (finished) return;
		const reply = event.data;
		if (reply.type === 'progress') handlers.onProgress(reply.positions, reply.done, reply.total);
		else {
			finish();
			if (reply.type === 'done') handlers.onDone(reply.positions);
			else handlers.onError(reply.message);
		}
	};
	worker.onerror = (event) => {
		if (finished) return;
		finish();
		handlers.onError(event.message || 'the layout worker failed');
	};
	worker.postMessage(job, [job.positions.buffer, job.sizes.buffer, job.pairs.buffer]);
	return { cancel: finish };
}
