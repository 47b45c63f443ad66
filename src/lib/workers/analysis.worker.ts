// Web Worker entry for the page: runs analysis jobs (path centrality, the broker report, balance) off the main thread.
// Create it with new Worker(new URL('$lib/workers/analysis.worker.ts', import.meta.url), { type: 'module' }), or use browser.ts.
import { runJob, type AnalysisJob, type WorkerReply } from './protocol';

const scope = self as unknown as { onmessage: ((event: MessageEvent<AnalysisJob>) => void) | null; postMessage(reply: WorkerReply, transfer?: Transferable[]): void };

scope.onmessage = (event) => runJob(event.data, (reply, transfer) => scope.postMessage(reply, transfer ?? []));
