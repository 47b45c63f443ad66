import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { readDatasetFile } from '$lib/io';
import type { Dataset } from '$lib/model';
import { isLocalId, localId, openImportedStore } from '$lib/state/imported-store';
import { fixture } from './paths';

function imported(file: string): Dataset {
	const result = readDatasetFile(file, readFileSync(fixture('io', file), 'utf8'));
	if (!result.ok) throw new Error(`${file} must import`);
	return result.dataset;
}

describe('local ids', () => {
	const typed = imported('typed.graphml');

	it('are the dataset id as a slug behind local:, numbered when taken', () => {
		expect(localId({ ...typed, meta: { ...typed.meta, id: 'My Graph (v2)' } }, [])).toBe('local:my-graph-v2');
		expect(localId(typed, ['local:typed', 'local:typed-2'])).toBe('local:typed-3');
	});

	it('tell imported datasets from bundled ones', () => {
		expect(isLocalId('local:typed')).toBe(true);
		expect(isLocalId('japan-korea-2014')).toBe(false);
		expect(isLocalId(null)).toBe(false);
	});
});

describe('the IndexedDB store', () => {
	it('keeps datasets across openings, each import under its own id', async () => {
		const factory = new IDBFactory();
		const first = openImportedStore(factory);
		const typed = imported('typed.graphml');
		const a = await first.add(typed, ['typed.graphml']);
		const b = await first.add(typed, ['typed.graphml']);
		expect([a.id, b.id]).toEqual(['local:typed', 'local:typed-2']);
		expect(a).toMatchObject({ title: typed.meta.title, nodes: 4, edges: 3, files: ['typed.graphml'] });

		const reopened = openImportedStore(factory);
		expect((await reopened.list()).map((entry) => entry.id)).toEqual(['local:typed', 'local:typed-2']);
		expect(await reopened.get('local:typed')).toEqual(typed);
	});

	it('renames the entry and the dataset title together, and deletes both', async () => {
		const store = openImportedStore(new IDBFactory());
		const { id } = await store.add(imported('multigraph.gexf'), ['multigraph.gexf']);
		await store.rename(id, 'Alliances, parallel ties');
		expect((await store.list())[0]!.title).toBe('Alliances, parallel ties');
		expect((await store.get(id))!.meta.title).toBe('Alliances, parallel ties');

		await store.remove(id);
		expect(await store.list()).toEqual([]);
		expect(await store.get(id)).toBeUndefined();
	});

	it('refuses to rename a dataset it does not hold', async () => {
		await expect(openImportedStore(new IDBFactory()).rename('local:nothing', 'x')).rejects.toThrow('no imported dataset "local:nothing"');
	});
});
