// worker_threads entry for the CLI, the bench and the server: the same analysis jobs as the Web Worker.
import { parentPort } from 'node:worker_threads';
import { runJob, type AnalysisJob } from './protocol';

const port = parentPort;
if (!port) throw new Error('path-worker.node.ts runs as a worker thread, not as a script');
port.on('message', (job: AnalysisJob) => runJob(job, (reply, transfer) => port.postMessage(reply, transfer ?? [])));
