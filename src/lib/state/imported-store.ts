// Datasets imported in this browser, kept in IndexedDB across reloads: a small entry per dataset (what the dataset
// picker lists) in one store, the dataset itself in another, so listing never reads a large graph.
import type { Dataset } from '$lib/model';

/** Imported datasets' ids start with this, so a URL can name one and the page knows to look in the browser. */
export const LOCAL_PREFIX = 'local:';

export interface ImportedEntry {
	/** `local:` and a slug of the dataset's own id */
	id: string;
	title: string;
	nodes: number;
	edges: number;
	/** the names of the files it was read from */
	files: string[];
	/** ISO timestamp */
	importedAt: string;
	/** set on the copy the first edit of a bundled dataset makes: the dataset it was copied from */
	editedFrom?: { id: string; title: string };
}

export interface ImportedStore {
	/** every entry, oldest import first */
	list(): Promise<ImportedEntry[]>;
	get(id: string): Promise<Dataset | undefined>;
	add(dataset: Dataset, files: string[], origin?: { editedFrom: { id: string; title: string } }): Promise<ImportedEntry>;
	/** replaces the dataset kept under this id (an edit), its entry's counts following */
	put(id: string, dataset: Dataset): Promise<ImportedEntry>;
	/** changes the entry's title and the dataset's meta.title */
	rename(id: string, title: string): Promise<ImportedEntry>;
	remove(id: string): Promise<void>;
}

export function isLocalId(id: string | null | undefined): id is string {
	return typeof id === 'string' && id.startsWith(LOCAL_PREFIX);
}

/** What the dataset picker and the page title call an entry: an edited copy says what it is a copy of. */
export function entryLabel(entry: ImportedEntry): string {
	if (!entry.editedFrom) return entry.title;
	return entry.title === entry.editedFrom.title ? `Edited copy of ${entry.title}` : `${entry.title} (edited copy of ${entry.editedFrom.title})`;
}

/** A new id from the dataset's own: `local:typed`, then `local:typed-2`, … so no import replaces another; `suffix` marks edited copies. */
export function localId(dataset: Dataset, taken: Iterable<string>, suffix = ''): string {
	const used = new Set(taken);
	const slug =
		`${dataset.meta.id}${suffix}`
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '') || 'dataset';
	let id = `${LOCAL_PREFIX}${slug}`;
	for (let n = 2; used.has(id); n++) id = `${LOCAL_PREFIX}${slug}-${n}`;
	return id;
}

const DATABASE = 'alliance-explorer';
const ENTRIES = 'imported-entries';
const DATASETS = 'imported-datasets';

function settled<T>(request: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
	});
}

function committed(transaction: IDBTransaction): Promise<void> {
	return new Promise((resolve, reject) => {
		transaction.oncomplete = () => resolve();
		transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
		transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
	});
}

function openDatabase(factory: IDBFactory): Promise<IDBDatabase> {
	const request = factory.open(DATABASE, 1);
	request.onupgradeneeded = () => {
		request.result.createObjectStore(ENTRIES, { keyPath: 'id' });
		request.result.createObjectStore(DATASETS);
	};
	return settled(request);
}

/** The store in this browser's IndexedDB; the database opens on first use. */
export function openImportedStore(factory: IDBFactory = indexedDB): ImportedStore {
	let database: Promise<IDBDatabase> | undefined;
	const db = () => (database ??= openDatabase(factory));

	async function entry(id: string): Promise<ImportedEntry> {
		const found: ImportedEntry | undefined = await settled((await db()).transaction(ENTRIES).objectStore(ENTRIES).get(id));
		if (!found) throw new Error(`no imported dataset "${id}" in this browser`);
		return found;
	}

	return {
		async list() {
			const entries: ImportedEntry[] = await settled((await db()).transaction(ENTRIES).objectStore(ENTRIES).getAll());
			return entries.sort((a, b) => a.importedAt.localeCompare(b.importedAt));
		},
		async get(id) {
			return settled((await db()).transaction(DATASETS).objectStore(DATASETS).get(id));
		},
		async add(dataset, files, origin) {
			const database = await db();
			const taken: IDBValidKey[] = await settled(database.transaction(ENTRIES).objectStore(ENTRIES).getAllKeys());
			const id = localId(dataset, taken.map(String), origin ? '-edited' : '');
			const added: ImportedEntry = { id, title: dataset.meta.title, nodes: dataset.nodes.length, edges: dataset.edges.length, files, importedAt: new Date().toISOString(), ...origin };
			const transaction = database.transaction([ENTRIES, DATASETS], 'readwrite');
			transaction.objectStore(ENTRIES).add(added);
			transaction.objectStore(DATASETS).add(dataset, id);
			await committed(transaction);
			return added;
		},
		async put(id, dataset) {
			const updated = { ...(await entry(id)), nodes: dataset.nodes.length, edges: dataset.edges.length };
			const transaction = (await db()).transaction([ENTRIES, DATASETS], 'readwrite');
			transaction.objectStore(ENTRIES).put(updated);
			transaction.objectStore(DATASETS).put(dataset, id);
			await committed(transaction);
			return updated;
		},
		async rename(id, title) {
			const renamed = { ...(await entry(id)), title };
			const database = await db();
			const dataset: Dataset | undefined = await settled(database.transaction(DATASETS).objectStore(DATASETS).get(id));
			const transaction = database.transaction([ENTRIES, DATASETS], 'readwrite');
			transaction.objectStore(ENTRIES).put(renamed);
			if (dataset) transaction.objectStore(DATASETS).put({ ...dataset, meta: { ...dataset.meta, title } }, id);
			await committed(transaction);
			return renamed;
		},
		async remove(id) {
			const transaction = (await db()).transaction([ENTRIES, DATASETS], 'readwrite');
			transaction.objectStore(ENTRIES).delete(id);
			transaction.objectStore(DATASETS).delete(id);
			await committed(transaction);
		}
	};
}
