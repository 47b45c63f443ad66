import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { readDatasetFile } from '$lib/io';
import type { Dataset } from '$lib/model';
import { entryLabel, isLocalId, localId, openImportedStore } from '$lib/state/imported-store';
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

	it('mark edited copies, which the picker and the title call edited copies of their origin', async () => {
		const store = openImportedStore(new IDBFactory());
		const typed = imported('typed.graphml');
		const copy = await store.add(typed, [], { editedFrom: { id: 'typed', title: typed.meta.title } });
		expect(copy.id).toBe('local:typed-edited');
		expect(entryLabel(copy)).toBe(`Edited copy of ${typed.meta.title}`);
		const renamed = await store.rename(copy.id, 'Cities, with my changes');
		expect(entryLabel(renamed)).toBe(`Cities, with my changes (edited copy of ${typed.meta.title})`);
		expect(entryLabel(await store.add(typed, ['typed.graphml']))).toBe(typed.meta.title);
		const smaller = { ...typed, nodes: typed.nodes.slice(1), edges: [] };
		expect(await store.put(copy.id, smaller)).toMatchObject({ id: copy.id, nodes: typed.nodes.length - 1, edges: 0, title: 'Cities, with my changes' });
		expect(await store.get(copy.id)).toEqual(smaller);
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
