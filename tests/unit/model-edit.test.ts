import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDatasetFile } from '$lib/io';
import { parseDataset, type Dataset, type DatasetEdge } from '$lib/model';
import { applyEdit, commit, nextSteps, redo, sourceCitations, startHistory, undo, type EditOperation } from '$lib/model/edit';
import { briefDataset, fixture } from './paths';

function minimal(): Dataset {
	const result = parseDataset(readFileSync(fixture('datasets', 'minimal.json'), 'utf8'));
	if (!result.ok) throw new Error('minimal.json must parse');
	return result.dataset;
}

const NOW = new Date('2026-11-30T09:15:00Z');
const curated = { curated: true, now: NOW };

function applied(dataset: Dataset, operations: EditOperation[], options = curated): Dataset {
	const result = applyEdit(dataset, operations, options);
	if (!result.ok) throw new Error(`edit refused: ${JSON.stringify(result.problems)}`);
	return result.dataset;
}

function refused(dataset: Dataset, operations: EditOperation[], options = curated) {
	const result = applyEdit(dataset, operations, options);
	if (result.ok) throw new Error('edit accepted');
	return result.problems.map(({ operation, field, path, message }) => ({ operation, field, path, message }));
}

const tie = (fields: Partial<DatasetEdge> = {}): DatasetEdge => ({
	id: 'a--forum--dialogue',
	source: 'a',
	target: 'forum',
	kind: 'cooperation',
	relation: 'dialogue',
	domain: 'diplomacy',
	status: 'active',
	evidence: [{ source: 'brief', quote: 'A talks at the forum.', locator: 'Introduction ¶3' }],
	...fields
});

describe('applyEdit', () => {
	it('adds a tie with its evidence, leaves the original untouched, and logs the change with its time', () => {
		const before = minimal();
		const frozen = structuredClone(before);
		const after = applied(before, [{ op: 'addEdge', edge: tie() }]);
		expect(before).toEqual(frozen);
		expect(after.edges.map((edge) => edge.id)).toEqual(['a--b--alliance', 'a--b--history', 'b--forum--membership', 'a--forum--dialogue']);
		expect(after.meta.changes).toEqual([{ at: '2026-11-30T09:15:00.000Z', summary: 'Added tie “dialogue” (State A — A Forum) with 1 evidence item' }]);
		// Untouched parts are shared, so a history of snapshots stays small.
		expect(after.nodes).toBe(before.nodes);
		expect(after.edges[0]).toBe(before.edges[0]);
	});

	it('refuses what breaks the contract, naming the operation and the field, and changes nothing', () => {
		const dataset = minimal();
		const problems = refused(dataset, [{ op: 'addEdge', edge: tie({ since: '2014-13', until: null, weight: 0, evidence: [{ source: 'brief', quote: '  ' }] }) }]);
		expect(problems).toEqual([
			{ operation: 0, field: 'evidence[0].quote', path: 'edges[3].evidence[0].quote', message: 'must not be empty' },
			{ operation: 0, field: 'since', path: 'edges[3].since', message: 'must be a date like 2014, 2014-06 or 2014-06-30' },
			{ operation: 0, field: 'weight', path: 'edges[3].weight', message: 'must be a positive number' }
		]);
		expect(refused(dataset, [{ op: 'addEdge', edge: tie({ evidence: [] }) }])).toEqual([
			{ operation: 0, field: 'evidence', path: 'edges[3].evidence', message: 'needs at least one evidence item' }
		]);
	});

	it('reports a duplicate id at the element being added, and a dangling end at its field', () => {
		const dataset = minimal();
		expect(refused(dataset, [{ op: 'addNode', node: { id: 'a', label: 'Another A' } }])).toEqual([
			{ operation: 0, field: 'id', path: 'nodes[3].id', message: 'duplicate id "a" (first used at nodes[0])' }
		]);
		expect(refused(dataset, [{ op: 'addEdge', edge: tie({ target: 'nowhere' }) }])).toEqual([
			{ operation: 0, field: 'target', path: 'edges[3].target', message: 'no node with id "nowhere" in nodes' }
		]);
	});

	it('lets a plain imported graph take a tie without domain or evidence, as its contract does', () => {
		const plain = readDatasetFile('typed.graphml', readFileSync(fixture('io', 'typed.graphml'), 'utf8'));
		if (!plain.ok) throw new Error('typed.graphml must import');
		const [first, second] = plain.dataset.nodes;
		const edge = { id: 'new', source: first!.id, target: second!.id, kind: 'friction', status: 'active', evidence: [] } as DatasetEdge;
		expect(applied(plain.dataset, [{ op: 'addEdge', edge }], { curated: false, now: NOW }).edges.at(-1)).toEqual(edge);
		expect(refused(plain.dataset, [{ op: 'addEdge', edge }])).toEqual(
			expect.arrayContaining([expect.objectContaining({ field: 'evidence', message: 'needs at least one evidence item' })])
		);
	});

	it('changes fields in place, removes a field set to undefined, and keeps unknown fields and key order', () => {
		const dataset = minimal();
		dataset.nodes[0] = { ...dataset.nodes[0]!, population: 51_000_000 };
		const after = applied(dataset, [{ op: 'updateNode', id: 'a', changes: { label: 'Republic of A', aliases: undefined } }]);
		expect(Object.entries(after.nodes[0]!)).toEqual([
			['id', 'a'],
			['label', 'Republic of A'],
			['type', 'state'],
			['group', 'bloc-1'],
			['population', 51_000_000]
		]);
		expect(after.meta.changes?.[0]?.summary).toBe('Changed node “State A”: label State A → Republic of A; aliases A-land → none');
	});

	it('treats "__proto__" from a user file as an ordinary field', () => {
		const dataset = minimal();
		const changes = Object.fromEntries([['__proto__', 'polluted']]);
		const after = applied(dataset, [{ op: 'updateNode', id: 'b', changes }]);
		expect(Object.hasOwn(after.nodes[1]!, '__proto__')).toBe(true);
		expect(Object.getPrototypeOf(after.nodes[1])).toBe(Object.prototype);
	});

	it('asks what to do with the ties of a node before deleting it, then deletes or moves them', () => {
		const dataset = minimal();
		expect(refused(dataset, [{ op: 'removeNode', id: 'b' }])).toEqual([
			{
				operation: 0,
				field: 'ties',
				path: 'nodes[1].ties',
				message: 'is an end of 3 ties: “Alliance” (State A — State B); “dispute” (State A — State B); “membership” (State B → A Forum). Delete them with it, or move them to another node.'
			}
		]);
		const without = applied(dataset, [{ op: 'removeNode', id: 'b', ties: 'remove' }]);
		expect(without.nodes.map((node) => node.id)).toEqual(['a', 'forum']);
		expect(without.edges).toEqual([]);
		expect(without.meta.changes?.[0]?.summary).toBe('Deleted node “State B” and its 3 ties');

		const forum = applied(dataset, [{ op: 'removeNode', id: 'forum', ties: { moveTo: 'a' } }]);
		expect(forum.edges.find((edge) => edge.id === 'b--forum--membership')).toMatchObject({ source: 'b', target: 'a', directed: true });
		expect(refused(dataset, [{ op: 'removeNode', id: 'b', ties: { moveTo: '' } }])[0]!.message).toBe('choose the node to move its ties to');
		expect(refused(dataset, [{ op: 'removeNode', id: 'b', ties: { moveTo: 'b' } }])[0]!.message).toBe('cannot move its ties to "b": choose another node of this dataset');
		expect(refused(dataset, [{ op: 'removeNode', id: 'b', ties: { moveTo: 'a' } }])[0]!.message).toMatch(/^2 of its ties are with “State A”: moving them there would tie it to itself/);
	});

	it('refuses to delete a source that evidence names, listing the places', () => {
		const dataset = minimal();
		expect(sourceCitations(dataset, 'statement')).toEqual(['tie “Alliance” (State A — State B), evidence 1 (cites it)']);
		expect(refused(dataset, [{ op: 'removeSource', id: 'statement' }])).toEqual([
			{
				operation: 0,
				field: '',
				path: 'sources[1]',
				message: 'is named by 1 evidence item, so it cannot be deleted: tie “Alliance” (State A — State B), evidence 1 (cites it). Change or delete those first.'
			}
		]);
		const brief = JSON.parse(readFileSync(briefDataset, 'utf8')) as Dataset;
		expect(refused(brief, [{ op: 'removeSource', id: 'brief' }])[0]!.message).toMatch(/^is named by \d+ evidence items, so it cannot be deleted: tie “U\.S\.–Japan alliance” \(United States — Japan\), evidence 1; .*; and \d+ more\. Change or delete those first\.$/);
		const unused = applied(dataset, [{ op: 'addSource', source: { id: 'unused', title: 'Unused' } }]);
		expect(applied(unused, [{ op: 'removeSource', id: 'unused' }]).sources?.map((source) => source.id)).toEqual(['brief', 'statement']);
	});

	it('adds a tie and the source its evidence comes from as one change, problems going to each operation', () => {
		const dataset = minimal();
		const operations: EditOperation[] = [
			{ op: 'addSource', source: { id: 'camp-david', title: '', year: 2023 } },
			{ op: 'addEdge', edge: tie({ evidence: [{ source: 'camp-david', quote: 'A and the forum meet.' }] }) }
		];
		expect(refused(dataset, operations)).toEqual([{ operation: 0, field: 'title', path: 'sources[2].title', message: 'must not be empty' }]);
		(operations[0] as { source: { title: string } }).source.title = 'Camp David joint statement';
		const after = applied(dataset, operations);
		expect(after.meta.changes?.[0]?.summary).toBe('Added source “Camp David joint statement”; added tie “dialogue” (State A — A Forum) with 1 evidence item');
	});

	it('adds, changes and deletes evidence, refusing to leave a curated tie without any', () => {
		const dataset = minimal();
		const more = applied(dataset, [{ op: 'addEvidence', edge: 'a--b--history', evidence: { source: 'statement', quote: 'A second quote.' } }]);
		expect(more.edges[1]!.evidence).toHaveLength(2);
		expect(refused(more, [{ op: 'updateEvidence', edge: 'a--b--history', index: 1, changes: { source: 'nobody' } }])).toEqual([
			{ operation: 0, field: 'source', path: 'edges[1].evidence[1].source', message: 'no source with id "nobody" in sources' }
		]);
		expect(applied(more, [{ op: 'removeEvidence', edge: 'a--b--history', index: 0 }]).edges[1]!.evidence).toEqual([{ source: 'statement', quote: 'A second quote.' }]);
		expect(refused(dataset, [{ op: 'removeEvidence', edge: 'a--b--history', index: 0 }])).toEqual([
			{ operation: 0, field: 'evidence', path: 'edges[1].evidence', message: 'needs at least one evidence item' }
		]);
		expect(refused(dataset, [{ op: 'removeEvidence', edge: 'a--b--history', index: 4 }])[0]!.message).toBe('tie "a--b--history" has no evidence item 5');
	});

	it('names a missing target and refuses an empty batch', () => {
		expect(refused(minimal(), [{ op: 'updateEdge', id: 'gone', changes: { weight: 2 } }])[0]!.message).toBe('there is no tie with id "gone"');
		expect(refused(minimal(), [])[0]!.message).toBe('nothing to change');
	});

	it('keeps an older change log and appends to it', () => {
		const once = applied(minimal(), [{ op: 'removeEdge', id: 'a--b--history' }]);
		const twice = applied(once, [{ op: 'updateEdge', id: 'a--b--alliance', changes: { status: 'stalled' } }], { curated: true, now: new Date('2026-12-01T10:00:00Z') });
		expect(twice.meta.changes).toEqual([
			{ at: '2026-11-30T09:15:00.000Z', summary: 'Deleted tie “dispute” (State A — State B)' },
			{ at: '2026-12-01T10:00:00.000Z', summary: 'Changed tie “Alliance” (State A — State B): status active → stalled' }
		]);
		expect(parseDataset(JSON.stringify(twice)).ok).toBe(true);
	});
});

describe('edit history', () => {
	it('undoes and redoes every change, and a new change after undo drops the redo', () => {
		const start = startHistory(minimal());
		expect(start.curated).toBe(true);
		expect(nextSteps(start)).toEqual({ undo: null, redo: null });
		const one = commit(start, [{ op: 'addNode', node: { id: 'c', label: 'State C' } }], NOW);
		if (!one.ok) throw new Error('refused');
		const two = commit(one.history, [{ op: 'addEdge', edge: tie({ id: 'a--c', target: 'c' }) }], NOW);
		if (!two.ok) throw new Error('refused');
		expect(nextSteps(two.history).undo).toBe('Added tie “dialogue” (State A — State C) with 1 evidence item');

		const back = undo(two.history)!;
		expect(back.present).toBe(one.history.present);
		expect(nextSteps(back)).toEqual({ undo: 'Added node “State C”', redo: 'Added tie “dialogue” (State A — State C) with 1 evidence item' });
		const first = undo(back)!;
		expect(first.present).toBe(start.present);
		expect(undo(first)).toBeNull();
		expect(redo(redo(first)!)!.present).toBe(two.history.present);

		const other = commit(back, [{ op: 'removeEdge', id: 'a--b--history' }], NOW);
		if (!other.ok) throw new Error('refused');
		expect(redo(other.history)).toBeNull();
		expect(other.history.present.meta.changes?.map((change) => change.summary)).toEqual(['Added node “State C”', 'Deleted tie “dispute” (State A — State B)']);
	});

	it('a refused change leaves the history as it was', () => {
		const start = startHistory(minimal());
		expect(commit(start, [{ op: 'removeNode', id: 'a' }], NOW).ok).toBe(false);
		expect(start.past).toEqual([]);
	});

	it('holds a plain imported graph to the import contract', () => {
		const plain = readDatasetFile('typed.graphml', readFileSync(fixture('io', 'typed.graphml'), 'utf8'));
		if (!plain.ok) throw new Error('typed.graphml must import');
		expect(startHistory(plain.dataset).curated).toBe(false);
	});
});
