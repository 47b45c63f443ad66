// The baseline's layout worker: the explorer's ForceAtlas2 steps, streamed every 250 ms like the explorer's worker.
import { forceAtlas2Steps, type ForceLayoutInput } from '../../src/lib/view/force-layout';

const scope = self as unknown as { onmessage: ((event: MessageEvent<ForceLayoutInput>) => void) | null; postMessage(message: unknown): void };

scope.onmessage = (event) => {
	let streamed = performance.now();
	for (const step of forceAtlas2Steps(event.data)) {
		const last = step.done === step.total;
		if (last || performance.now() - streamed >= 250) {
			scope.postMessage({ positions: step.positions, last });
			streamed = performance.now();
		}
	}
};
