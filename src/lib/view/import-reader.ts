// Reading an import in a Web Worker: a 10,000-node GraphML took about 1.5 s of XML parsing and checking, one task
// that held the page (a click then waited 1.8 s); the worker also keeps the dataset in IndexedDB. Where there is no
// Worker (Node: the unit tests) it is read and kept in place.
import type { BlobLike } from '$lib/io/read';
import type { ImportedStore } from '$lib/state/imported-store';
import type { KeptImport } from '$lib/state/keep-import';
import type { ImportJob, ImportReply } from '$lib/workers/import-protocol';
import { notLoaded } from './not-loaded';

/**
 * The dataset the files make (read as readDatasetBlobs reads them) and its entry once kept in this browser's
 * IndexedDB, or the problems that make none. The worker opens the database itself; `store` keeps it where there is no
 * Worker. Rejects with a message in words if the worker cannot run or the dataset cannot be kept.
 */
export function readImport(files: readonly BlobLike[], store: ImportedStore): Promise<KeptImport> {
	if (typeof Worker === 'undefined') return import('$lib/state/keep-import').then(({ readAndKeep }) => readAndKeep(files, store));
	return new Promise((resolve, reject) => {
		const worker = new Worker(new URL('../workers/import.worker.ts', import.meta.url), { type: 'module' });
		const fail = (message: string) => {
			worker.terminate();
			reject(new Error(message));
		};
		worker.onmessage = (event: MessageEvent<ImportReply>) => {
			worker.terminate();
			if (event.data.type === 'result') resolve(event.data.kept);
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
