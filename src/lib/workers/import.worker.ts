// Web Worker entry for imports: the files are read, checked and kept in IndexedDB here, off the page's thread (see
// view/import-reader.ts).
import { z } from 'zod';
import { readAndKeep } from '$lib/state/keep-import';
import { openImportedStore } from '$lib/state/imported-store';
import type { ImportJob, ImportReply } from './import-protocol';

// As in the page (state/checks.ts): zod checks without eval, which a Content-Security-Policy may forbid here too.
z.config({ jitless: true });

const scope = self as unknown as { onmessage: ((event: MessageEvent<ImportJob>) => void) | null; postMessage(reply: ImportReply): void };

scope.onmessage = (event) => {
	readAndKeep(event.data.files, openImportedStore(indexedDB))
		.then((kept) => scope.postMessage({ type: 'result', kept }))
		.catch((error: unknown) => scope.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) }));
};
