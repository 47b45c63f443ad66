// An import read and kept in one step (the import worker's job): the dataset the files make goes into the store with
// its entry, files that make none leave the store as it was, and a store that cannot keep it fails the import.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openImportedStore } from '$lib/state/imported-store';
import { ImportedDatasets } from '$lib/state/imported.svelte';
import { readAndKeep } from '$lib/state/keep-import';
import { fixture } from './paths';

const file = (name: string, text: string) => {
	const bytes = new TextEncoder().encode(text);
	return { name, size: bytes.length, arrayBuffer: async () => bytes.buffer as ArrayBuffer };
};
const typed = () => file('typed.graphml', readFileSync(fixture('io', 'typed.graphml'), 'utf8'));

describe('readAndKeep', () => {
	afterEach(() => vi.restoreAllMocks());

	it('keeps the dataset the files make, under a new local id, with the files named in its entry', async () => {
		const store = openImportedStore(new IDBFactory());
		const kept = await readAndKeep([typed()], store);
		if (!kept.ok) throw new Error('typed.graphml must import');
		expect(kept.entry).toMatchObject({ id: 'local:typed', title: kept.dataset.meta.title, nodes: 4, edges: 3, files: ['typed.graphml'] });
		expect(await store.get('local:typed')).toEqual(kept.dataset);
		expect((await store.list()).map((entry) => entry.id)).toEqual(['local:typed']);
		// a second import of the same file is a second dataset, not a replacement
		const again = await readAndKeep([typed()], store);
		expect(again.ok && again.entry.id).toBe('local:typed-2');
	});

	it('keeps nothing when the files make no dataset, and says why', async () => {
		const store = openImportedStore(new IDBFactory());
		const kept = await readAndKeep([file('broken.json', '{"format": "alliance-explorer/1", "nodes": [')], store);
		expect(kept.ok).toBe(false);
		expect(!kept.ok && kept.problems[0]!.file).toBe('broken.json');
		expect(await store.list()).toEqual([]);
	});

	it('fails when the store cannot keep the dataset; the page then says nothing was imported and keeps what it showed', async () => {
		const imported = new ImportedDatasets();
		const first = await imported.importFiles([typed()]);
		const shown = imported.current;
		expect(shown?.nodes).toHaveLength(4);

		const full = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
			throw full;
		});
		await expect(readAndKeep([typed()], openImportedStore(new IDBFactory()))).rejects.toBe(full);
		expect(await imported.importFiles([typed()])).toBeNull();
		expect(imported.message).toBe('Nothing was imported.');
		expect(imported.problems).toEqual([{ file: 'typed.graphml', message: 'The quota has been exceeded.' }]);
		expect(imported.current).toBe(shown);
		expect(imported.entries.map((entry) => entry.id)).toEqual([first!.id]);
	});
});
