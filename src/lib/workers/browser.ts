// Path centrality in the page: Web Workers, one per core (at least one, at most 4), so the page never freezes.
import type { Csr } from '../analysis/csr';
import type { PathCentrality } from '../analysis/path-centrality';
import { runPathCentrality } from './pool';
import type { AnalysisWorker, WorkerReply } from './protocol';

export function spawnBrowserWorker(): AnalysisWorker {
	const worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
	return {
		post: (job) => worker.postMessage(job),
		onReply: (handler) => {
			worker.onmessage = (event: MessageEvent<WorkerReply>) => handler(event.data);
			worker.onerror = (event) => handler({ type: 'error', message: event.message });
		},
		terminate: () => worker.terminate()
	};
}

export function pathCentralityInBrowser(csr: Csr, options: { onProgress?: (done: number, total: number) => void; signal?: AbortSignal } = {}): Promise<PathCentrality> {
	const workers = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));
	return runPathCentrality(csr, { spawn: spawnBrowserWorker, workers, ...options });
}
