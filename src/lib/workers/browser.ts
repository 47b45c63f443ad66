// Analysis in the page: Web Workers, one per core (at least one, at most 4), so the page never freezes.
import type { BalanceReport } from '../analysis/balance';
import type { BrokerPartial } from '../analysis/broker';
import type { Csr } from '../analysis/csr';
import type { LayerSpec } from '../analysis/layer';
import type { MetricId } from '../analysis/metrics';
import type { PathCentrality } from '../analysis/path-centrality';
import type { Dataset } from '../model';
import { runBrokerRanges, runJobs, runPathCentrality } from './pool';
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

export interface BrowserPoolOptions {
	onProgress?: (done: number, total: number) => void;
	signal?: AbortSignal;
}

const workers = () => Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));

/** Path centrality in Web Workers; with a broker, its report's sums from the same searches (`broker` in the result). */
export function pathCentralityInBrowser(
	csr: Csr,
	options: BrowserPoolOptions & { broker?: { node: number; limit: number } } = {}
): Promise<PathCentrality & { broker?: BrokerPartial }> {
	return runPathCentrality(csr, { spawn: spawnBrowserWorker, workers: workers(), ...options });
}

export function brokerPartialInBrowser(csr: Csr, broker: number, limit: number, options: BrowserPoolOptions = {}): Promise<BrokerPartial> {
	return runBrokerRanges(csr, broker, limit, { spawn: spawnBrowserWorker, workers: workers(), ...options });
}

/** The metrics that need no shortest paths, in one Web Worker (run it beside pathCentralityInBrowser). */
export function localMetricsInBrowser(csr: Csr, options: Pick<BrowserPoolOptions, 'signal'> = {}): Promise<Partial<Record<MetricId, Float64Array>>> {
	return runJobs([{ type: 'local' as const, csr }], 1, { spawn: spawnBrowserWorker, workers: 1, ...options }).then(([arrays]) => arrays!);
}

export function balanceInBrowser(dataset: Dataset, layer: LayerSpec, limit: number, options: BrowserPoolOptions = {}): Promise<BalanceReport> {
	return runJobs([{ type: 'balance' as const, dataset, layer, limit }], 1, { spawn: spawnBrowserWorker, workers: 1, ...options }).then(([report]) => report!);
}
