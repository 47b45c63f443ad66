import { describe, expect, it } from 'vitest';
import { seededRandom } from '$lib/analysis/random';
import type { Dataset, DatasetEdge } from '$lib/model';
import { applyFilter, NO_FILTER } from '$lib/view/filter';
import { pairDescription, pairKey, pairSummaries, partnerCounts, summariseTies, summaryLabel, summaryWidth } from '$lib/view/summary';

const tie = (id: string, source: string, target: string, extra: Partial<DatasetEdge> = {}): DatasetEdge =>
	({ id, source, target, kind: 'cooperation', status: 'active', evidence: [], ...extra }) as DatasetEdge;

// Japan–Korea in small: three cooperation ties of three statuses and two friction ties between a and b,
// one directed tie c→a, and an edge whose ids carry characters a naive key would confuse.
const dataset = {
	meta: { id: 'pairs', title: 'Pairs' },
	nodes: ['a', 'b', 'c', '__proto__', 'x|y', 'x', 'y|x'].map((id) => ({ id, label: id.toUpperCase() })),
	edges: [
		tie('ab1', 'a', 'b', { status: 'proposed', label: 'Proposed forum' }),
		tie('ab2', 'b', 'a', { status: 'stalled' }),
		tie('ab3', 'a', 'b', { status: 'proposed' }),
		tie('ab4', 'a', 'b', { kind: 'friction' }),
		tie('ab5', 'b', 'a', { kind: 'friction', status: 'stalled' }),
		tie('ca1', 'c', 'a', { directed: true, label: 'c leads a' }),
		tie('ca2', 'c', 'a', { directed: true, status: 'proposed' }),
		tie('proto', '__proto__', 'a'),
		tie('odd1', 'x|y', 'x'),
		tie('odd2', 'x', 'y|x'),
		tie('ab6', 'a', 'b', { status: 'active', label: 'Summit' })
	]
} as unknown as Dataset;

const all = new Set(dataset.edges.map((edge) => edge.id));


describe('summariseTies', () => {
	const summaries = summariseTies(dataset, all);
	const byTies = (first: string) => summaries.find((summary) => summary.ties[0] === first)!;

	it('gathers the shown ties into one summary per pair and kind, whichever way each tie runs', () => {
		expect(summaries.map((summary) => summary.ties)).toEqual([['ab1', 'ab2', 'ab3', 'ab6'], ['ab4', 'ab5'], ['ca1', 'ca2'], ['proto'], ['odd1'], ['odd2']]);
		expect(byTies('ab1')).toMatchObject({ source: 'a', target: 'b', kind: 'cooperation', statuses: { active: 1, stalled: 1, proposed: 2 } });
		expect(byTies('ab4')).toMatchObject({ kind: 'friction', statuses: { active: 1, stalled: 1, proposed: 0 } });
	});

	it('takes the strongest status: active over stalled over proposed', () => {
		expect(byTies('ab1').strongest).toBe('active');
		expect(summariseTies(dataset, new Set(['ab1', 'ab2'])).map((s) => s.strongest)).toEqual(['stalled']);
		expect(summariseTies(dataset, new Set(['ab1', 'ab3'])).map((s) => s.strongest)).toEqual(['proposed']);
	});

	it('is directed only when every tie runs the same way', () => {
		expect(byTies('ca1')).toMatchObject({ source: 'c', target: 'a', directed: true });
		expect(byTies('ab1').directed).toBe(false);
		const mixed = { ...dataset, edges: [tie('p', 'a', 'b', { directed: true }), tie('q', 'b', 'a', { directed: true })] } as Dataset;
		expect(summariseTies(mixed, new Set(['p', 'q']))[0]!.directed).toBe(false);
	});

	it('counts only what the filters show', () => {
		const view = applyFilter(dataset, { ...NO_FILTER, statuses: ['active'] });
		const shown = summariseTies(dataset, view.edges);
		expect(shown.find((s) => s.kind === 'cooperation' && s.ties.includes('ab6'))!.ties).toEqual(['ab6']);
		expect(shown.some((s) => s.ties.includes('ab1'))).toBe(false);
		expect(summariseTies(dataset, new Set())).toEqual([]);
	});

	it('keeps pairs apart whose ids would run together in a joined key', () => {
		expect(pairKey('x|y', 'x')).not.toBe(pairKey('x', 'y|x'));
		expect(pairKey('a', 'b')).toBe(pairKey('b', 'a'));
		// Every way of cutting "1:a|b|c" into two ids gives its own key, as do ids that look like a key's length.
		const ids = ['1:a', 'b|c', '1:a|b', 'c', 'a', 'b', 'a|b', '1', '1:', ':a', 'a|b|c', '', '2:ab'];
		const keys = new Map<string, string>();
		for (const a of ids)
			for (const b of ids) {
				const pair = [a, b].sort().join('\u0000');
				const key = pairKey(a, b);
				expect(keys.get(key) ?? pair).toBe(pair);
				keys.set(key, pair);
			}
		expect(byTies('proto')).toMatchObject({ source: '__proto__', target: 'a' });
	});
});

describe('labels and widths', () => {
	const summaries = summariseTies(dataset, all);
	const edges = new Map(dataset.edges.map((edge) => [edge.id, edge]));

	it('labels a summary of one tie with the tie, and a larger one with its counts', () => {
		expect(summaryLabel(summaries.find((s) => s.ties[0] === 'proto')!, edges)).toBe('cooperation');
		expect(summaryLabel(summariseTies(dataset, new Set(['ab6']))[0]!, edges)).toBe('Summit');
		expect(summaryLabel(summaries[0]!, edges)).toBe('4 cooperation ties: 1 active, 1 stalled, 2 proposed');
	});

	it('describes a pair by kind and status, cooperation first', () => {
		const pair = pairSummaries(summaries, 'b', 'a');
		expect(pair.map((s) => s.kind)).toEqual(['cooperation', 'friction']);
		expect(pairDescription(pair)).toBe('6 ties: 4 cooperation (1 active, 1 stalled, 2 proposed) · 2 friction (1 active, 1 stalled)');
		expect(pairDescription([])).toBe('no shown ties');
	});

	it('widens with the square root of the count, from 2 px to at most 12', () => {
		expect([1, 4, 9, 16, 100].map(summaryWidth)).toEqual([2, 4, 6, 8, 12]);
	});
});

describe('partnerCounts', () => {
	it('counts distinct partners among the shown ties, not ties', () => {
		const counts = partnerCounts(dataset, new Set(dataset.nodes.map((n) => n.id)), all);
		expect(counts.get('a')).toBe(3);
		expect(counts.get('b')).toBe(1);
		expect(counts.get('__proto__')).toBe(1);
		expect(partnerCounts(dataset, new Set(['a', 'b']), new Set(['ab4'])).get('a')).toBe(1);
		// A shown node counts a partner the view leaves out, over a shown tie; nodes not shown get no count.
		expect([...partnerCounts(dataset, new Set(['a']), all)]).toEqual([['a', 3]]);
	});

	it('agrees with a set of partners per node on a random multigraph with loops and both directions', () => {
		const random = seededRandom(7);
		const ids = Array.from({ length: 60 }, (_, i) => `n${i}`);
		const edges = Array.from({ length: 400 }, (_, i) => tie(`e${i}`, ids[Math.floor(random() * 60)]!, ids[Math.floor(random() * 60)]!));
		const network = { ...dataset, nodes: ids.map((id) => ({ id, label: id })), edges } as Dataset;
		const shownNodes = new Set(ids.filter((_, i) => i % 3 !== 0));
		const shownEdges = new Set(edges.filter((_, i) => i % 4 !== 0).map((edge) => edge.id));
		const expected = new Map([...shownNodes].map((id) => [id, new Set<string>()]));
		for (const edge of edges) {
			if (!shownEdges.has(edge.id) || edge.source === edge.target) continue;
			expected.get(edge.source)?.add(edge.target);
			expected.get(edge.target)?.add(edge.source);
		}
		expect(partnerCounts(network, shownNodes, shownEdges)).toEqual(new Map([...expected].map(([id, partners]) => [id, partners.size])));
	});
});
