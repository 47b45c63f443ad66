// Reading an import in a Web Worker: a 10,000-node GraphML took about 1.5 s of XML parsing and checking, one task
// that held the page (a click then waited 1.8 s). Where there is no Worker (Node: the unit tests) it is read in place.
import type { BlobLike } from '$lib/io/read';
import type { ReadResult } from '$lib/io/types';
import type { ImportJob, ImportReply } from '$lib/workers/import-protocol';
import { notLoaded } from './not-loaded';

/** What reading the files gives, as readDatasetBlobs; rejects with a message in words if the worker cannot run. */
export function readImport(files: readonly BlobLike[]): Promise<ReadResult> {
	if (typeof Worker === 'undefined') return import('$lib/io/read').then(({ readDatasetBlobs }) => readDatasetBlobs(files));
	return new Promise((resolve, reject) => {
		const worker = new Worker(new URL('../workers/import.worker.ts', import.meta.url), { type: 'module' });
		const fail = (message: string) => {
			worker.terminate();
			reject(new Error(message));
		};
		worker.onmessage = (event: MessageEvent<ImportReply>) => {
			worker.terminate();
			if (event.data.type === 'result') resolve(event.data.result);
			else reject(new Error(event.data.message));
		};
		worker.onmessageerror = () => fail('the file was read, but what it holds could not be handed to the page');
		// The worker answers its own failures: an error event means its code did not load.
		worker.onerror = (event) => {
			event.preventDefault();
			fail(notLoaded('the importer'));
		};
		worker.postMessage({ files: [...files] as File[] } satisfies ImportJob);
	});
}
