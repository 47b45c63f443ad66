// Web Worker entry for the page's force-directed layouts, so a layout never blocks the page: fCoSE answers once,
// ForceAtlas2 streams its positions every few iterations. The page cancels a run by terminating the worker.
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { fcoseLayout, forceAtlas2Steps, separate } from '$lib/view/force-layout';
import type { LayoutJob, LayoutReply } from './layout-protocol';

cytoscape.use(fcose);

const scope = self as unknown as { onmessage: ((event: MessageEvent<LayoutJob>) => void) | null; postMessage(reply: LayoutReply, transfer?: Transferable[]): void };

/** Streams a picture at most this often, in milliseconds: enough to watch the layout settle, little to draw. */
const STREAM_EVERY = 250;

function post(reply: LayoutReply) {
	scope.postMessage(reply, reply.type === 'error' ? [] : [reply.positions.buffer]);
}

scope.onmessage = (event) => {
	const job = event.data;
	try {
		let positions: Float64Array;
		if (job.engine === 'fcose') positions = fcoseLayout(cytoscape, job);
		else {
			positions = job.positions;
			let streamed = performance.now();
			for (const step of forceAtlas2Steps(job)) {
				positions = step.positions;
				if (step.done < step.total && performance.now() - streamed >= STREAM_EVERY) {
					post({ type: 'progress', positions: positions.slice(), done: step.done, total: step.total });
					streamed = performance.now();
				}
			}
		}
		post({ type: 'done', positions: job.separate ? separate(positions, job.sizes) : positions });
	} catch (error) {
		post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
	}
};
