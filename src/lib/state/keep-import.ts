// An import read and kept in one step, where the files are read (the import worker, or the page where there is no
// Worker): the page then gets the dataset and its entry, without writing the dataset to IndexedDB itself (at 10,000
// nodes and 40,000 ties that write was a task of about 0.2 s on the page, as the new graph arrived).
import { readDatasetBlobs, type BlobLike } from '$lib/io/read';
import type { ImportProblem } from '$lib/io/types';
import type { Dataset } from '$lib/model';
import type { ImportedEntry, ImportedStore } from './imported-store';

/** The dataset the files make and its entry in the store, or why they make none. */
export type KeptImport = { ok: true; dataset: Dataset; entry: ImportedEntry } | { ok: false; problems: ImportProblem[] };

/** Reads the files as one dataset and, if they make one, adds it to the store; rejects if the store cannot keep it. */
export async function readAndKeep(files: readonly BlobLike[], store: ImportedStore): Promise<KeptImport> {
	const result = await readDatasetBlobs(files);
	if (!result.ok) return result;
	return { ok: true, dataset: result.dataset, entry: await store.add(result.dataset, files.map((file) => file.name)) };
}
