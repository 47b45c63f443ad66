// The page's imported datasets: one kept in this browser that is not a dataset (an older version stored a network
// whose graph-level __proto__ had replaced its nodes) gets a message instead of breaking the page on every reload.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '$lib/model';
import { openImportedStore } from '$lib/state/imported-store';
import { ImportedDatasets } from '$lib/state/imported.svelte';

describe('ImportedDatasets.show', () => {
	it('names a damaged imported dataset and how to be rid of it, and shows a sound one', async () => {
		const store = openImportedStore();
		// What the old import made: nodes and edges only on the prototype, which IndexedDB does not keep.
		const ghost = Object.assign(Object.create({ nodes: [{ id: 'ghost', label: 'Ghost' }], edges: [] }) as object, { format: 'alliance-explorer/1', meta: { id: 'ghost', title: 'Ghost' } });
		const damaged = await store.add(ghost as Dataset, ['ghost.graphml']);
		const sound = await store.add({ format: 'alliance-explorer/1', meta: { id: 'two', title: 'Two' }, nodes: [{ id: 'a', label: 'A' }], edges: [] }, ['two.json']);
		const imported = new ImportedDatasets();
		await imported.show(damaged.id);
		expect(imported.current).toBeNull();
		expect(imported.problem).toBe(
			`The imported dataset “${damaged.id}” kept in this browser is damaged (edges: is required): choose another dataset, delete this one in the Import panel and import its file again.`
		);
		await imported.show(sound.id);
		expect([imported.current?.nodes.length, imported.problem]).toEqual([1, null]);
	});

	it('reads a dataset once when asked for it twice at once, so the graph gets one copy, not a second that looks like an edit', async () => {
		const store = openImportedStore();
		const entry = await store.add({ format: 'alliance-explorer/1', meta: { id: 'three', title: 'Three' }, nodes: [{ id: 'a', label: 'A' }], edges: [] }, ['three.json']);
		const imported = new ImportedDatasets();
		const first = imported.show(entry.id).then(() => imported.current);
		const second = imported.show(entry.id).then(() => imported.current);
		const [a, b] = await Promise.all([first, second]);
		expect(a?.meta.id).toBe('three');
		expect(b).toBe(a);
		expect(imported.current).toBe(a);
		// once shown, asking again keeps it
		await imported.show(entry.id);
		expect(imported.current).toBe(a);
	});

	it('shows a dataset just imported as read and checked, without reading it back from the browser and checking it again', async () => {
		const text = JSON.stringify({ format: 'alliance-explorer/1', meta: { id: 'four', title: 'Four' }, nodes: [{ id: 'a', label: 'A' }], edges: [] });
		const bytes = new TextEncoder().encode(text);
		const file = { name: 'four.json', size: bytes.length, arrayBuffer: async () => bytes.buffer as ArrayBuffer };
		const imported = new ImportedDatasets();
		const entry = (await imported.importFiles([file]))!;
		const held = imported.current;
		expect(held?.meta.title).toBe('Four');
		// Gone from the store behind its back: showing it must not go back there.
		await openImportedStore().remove(entry.id);
		await imported.show(entry.id);
		expect(imported.current).toBe(held);
		expect(imported.problem).toBeNull();
	});
});
