// Messages between the page and the import worker: the chosen or dropped files in; out, what reading them gave and,
// when they made a dataset, its entry once the worker has kept it in this browser's IndexedDB.
import type { KeptImport } from '$lib/state/keep-import';

export interface ImportJob {
	files: File[];
}

export type ImportReply = { type: 'result'; kept: KeptImport } | { type: 'error'; message: string };
