import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDataset, type Dataset } from '$lib/model';
import { DatasetEditor } from '$lib/state/editor.svelte';
import { entryLabel, openImportedStore } from '$lib/state/imported-store';
import { ImportedDatasets } from '$lib/state/imported.svelte';
import { fixture } from './paths';

function minimal(): Dataset {
	const result = parseDataset(readFileSync(fixture('datasets', 'minimal.json'), 'utf8'));
	if (!result.ok) throw new Error('minimal.json must parse');
	return result.dataset;
}

/** Lets the store's queued writes finish. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('DatasetEditor', () => {
	it('copies a bundled dataset on its first edit, keeps later edits in the copy, and undoes and redoes them', async () => {
		const kept = new ImportedDatasets();
		const editor = new DatasetEditor(kept);
		const bundled = minimal();
		const original = structuredClone(bundled);

		const first = await editor.edit('minimal', bundled, [{ op: 'addNode', node: { id: 'c', label: 'State C' } }]);
		expect(first).toEqual({ ok: true, datasetId: 'local:minimal-edited' });
		expect(bundled).toEqual(original);
		expect(kept.current?.nodes.map((node) => node.id)).toEqual(['a', 'b', 'forum', 'c']);
		expect(kept.entries.map(entryLabel)).toEqual(['Edited copy of Minimal valid dataset']);
		expect(editor.messageFor('local:minimal-edited')).toBe('Added node “State C”.');
		expect(editor.messageFor('minimal')).toBeNull();

		const copy = kept.current!;
		const second = await editor.edit('local:minimal-edited', copy, [{ op: 'removeEdge', id: 'a--b--history' }]);
		expect(second).toEqual({ ok: true, datasetId: 'local:minimal-edited' });
		expect(editor.steps('local:minimal-edited', kept.current)).toEqual({ undo: 'Deleted tie “dispute” (State A — State B)', redo: null });
		await settle();
		expect((await openImportedStore().get('local:minimal-edited'))?.edges).toHaveLength(2);

		expect(editor.undo('local:minimal-edited')).toBe(true);
		expect(editor.undo('local:minimal-edited')).toBe(true);
		expect(editor.undo('local:minimal-edited')).toBe(false);
		expect(editor.messageFor('local:minimal-edited')).toBe('Undone: Added node “State C”.');
		expect(kept.current).toEqual(original);
		expect(editor.redo('local:minimal-edited')).toBe(true);
		await settle();
		const stored = await openImportedStore().get('local:minimal-edited');
		expect(stored?.nodes.map((node) => node.id)).toEqual(['a', 'b', 'forum', 'c']);
		expect(stored?.meta.changes?.map((change) => change.summary)).toEqual(['Added node “State C”']);
		expect((await openImportedStore().list())[0]).toMatchObject({ nodes: 4, edges: 3, editedFrom: { id: 'minimal', title: 'Minimal valid dataset' } });
	});

	it('returns the problems of a refused edit and keeps nothing', async () => {
		const kept = new ImportedDatasets();
		const editor = new DatasetEditor(kept);
		const outcome = await editor.edit('minimal', minimal(), [{ op: 'addNode', node: { id: 'a', label: '' } }]);
		expect(outcome.ok).toBe(false);
		expect(kept.current).toBeNull();
		expect(editor.steps('minimal', minimal())).toEqual({ undo: null, redo: null });
	});
});
