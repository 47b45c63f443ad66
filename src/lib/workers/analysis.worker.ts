// Web Worker entry for the page: runs path-centrality jobs off the main thread. Create it from a component with
// new Worker(new URL('$lib/workers/analysis.worker.ts', import.meta.url), { type: 'module' }), or use browser.ts.
import { runPathJob, type PathJob, type WorkerReply } from './protocol';

const scope = self as unknown as { onmessage: ((event: MessageEvent<PathJob>) => void) | null; postMessage(reply: WorkerReply, transfer?: Transferable[]): void };

scope.onmessage = (event) => runPathJob(event.data, (reply, transfer) => scope.postMessage(reply, transfer ?? []));
