// worker_threads entry for the CLI, the bench and the server: the same path-centrality jobs as the Web Worker.
import { parentPort } from 'node:worker_threads';
import { runPathJob, type PathJob } from './protocol';

const port = parentPort;
if (!port) throw new Error('path-worker.node.ts runs as a worker thread, not as a script');
port.on('message', (job: PathJob) => runPathJob(job, (reply, transfer) => port.postMessage(reply, transfer ?? [])));
