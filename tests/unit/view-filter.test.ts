import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDataset, type Dataset } from '$lib/model';
import { dateSpanOf, holdsDuring, monthsBetween } from '$lib/model/dates';
import { NO_FILTER, applyFilter, countLine, egoNetwork, timeSpan, toggleShown } from '$lib/view/filter';
import { loadDataset } from './analysis-reference';
import { fixture } from './paths';

function load(name: string): Dataset {
	const result = parseDataset(readFileSync(fixture('explorer-data', name), 'utf8'));
	if (!result.ok) throw new Error(`fixture ${name} is invalid`);
	return result.dataset;
}

const regional = load('regional-sample.json');
const sorted = (ids: Set<string>) => [...ids].sort();

describe('partial dates', () => {
	it('covers a whole year, a whole month or one day', () => {
		expect(dateSpanOf('2012')).toEqual({ start: '2012-01-01', end: '2012-12-31' });
		expect(dateSpanOf('2012-02')).toEqual({ start: '2012-02-01', end: '2012-02-29' });
		expect(dateSpanOf('2013-02')).toEqual({ start: '2013-02-01', end: '2013-02-28' });
		expect(dateSpanOf('2013-05-02')).toEqual({ start: '2013-05-02', end: '2013-05-02' });
		expect(dateSpanOf('May 2013')).toBeUndefined();
	});

	it('lists the months between two months, across years', () => {
		expect(monthsBetween('2012-11', '2013-02')).toEqual(['2012-11', '2012-12', '2013-01', '2013-02']);
		expect(monthsBetween('2013-02', '2013-02')).toEqual(['2013-02']);
	});
});

describe('holdsDuring', () => {
	const edge = (since?: string | null, until?: string | null) => ({ ...regional.edges[0]!, since, until });

	it('always shows an undated edge', () => {
		expect(holdsDuring(edge(undefined, undefined), '1990-01')).toBe(true);
		expect(holdsDuring(edge(null, null), '2050-12')).toBe(true);
	});

	it('shows an edge from the start of its since', () => {
		expect(holdsDuring(edge('2012-12'), '2012-11')).toBe(false);
		expect(holdsDuring(edge('2012-12'), '2012-12')).toBe(true);
		expect(holdsDuring(edge('2012'), '2012-01')).toBe(true);
		expect(holdsDuring(edge('2012-12-15'), '2012-12')).toBe(true);
	});

	it('shows an edge up to the end of its until', () => {
		expect(holdsDuring(edge('2006', '2008'), '2008-12')).toBe(true);
		expect(holdsDuring(edge('2006', '2008'), '2009-01')).toBe(false);
		expect(holdsDuring(edge(null, '2008'), '1999-01')).toBe(true);
	});
});

describe('applyFilter', () => {
	it('shows everything without a filter', () => {
		const view = applyFilter(regional, NO_FILTER);
		expect(view.nodes.size).toBe(12);
		expect(view.edges.size).toBe(23);
		expect(countLine(regional, view)).toBe('12 of 12 nodes, 23 of 23 edges');
	});

	it('keeps only friction edges, and every node unless isolated nodes are hidden', () => {
		const friction = applyFilter(regional, { ...NO_FILTER, kinds: ['friction'] });
		expect(sorted(friction.edges)).toEqual([
			'arland--borovia--history',
			'arland--dunmark--islands',
			'calder--essen-north--sanction',
			'essen-north--arland--threat',
			'essen-north--borovia--threat'
		]);
		expect(friction.nodes.size).toBe(12);
		const linked = applyFilter(regional, { ...NO_FILTER, kinds: ['friction'], hideIsolated: true });
		expect(sorted(linked.nodes)).toEqual(['arland', 'borovia', 'calder', 'dunmark', 'essen-north']);
	});

	it('combines domain and status', () => {
		const view = applyFilter(regional, { ...NO_FILTER, domains: ['defense'], statuses: ['stalled', 'proposed'] });
		expect(sorted(view.edges)).toEqual(['arland--info-pact', 'borovia--info-pact', 'calder--info-pact--facilitation']);
	});

	it('drops the edges of a hidden node type', () => {
		const view = applyFilter(regional, { ...NO_FILTER, nodeTypes: ['state'] });
		expect(view.nodes.size).toBe(6);
		expect(sorted(view.edges)).toEqual([
			'arland--borovia--history',
			'arland--borovia--trade',
			'arland--calder--alliance',
			'arland--dunmark--islands',
			'borovia--calder--alliance',
			'calder--essen-north--sanction',
			'essen-north--arland--threat',
			'essen-north--borovia--threat'
		]);
	});

	it('shows nothing when a list filter is empty', () => {
		expect(applyFilter(regional, { ...NO_FILTER, statuses: [] }).edges.size).toBe(0);
	});

	it('shows the network as of a date: dated edges holding then, undated edges always', () => {
		const view = applyFilter(regional, { ...NO_FILTER, date: '2007-06' });
		expect(sorted(view.edges)).toEqual([
			'arland--borovia--trade',
			'arland--calder--alliance',
			'arland--sea-forum',
			'arland--trade-council',
			'borovia--calder--alliance',
			'borovia--sea-forum',
			'calder--essen-north--sanction',
			'calder--info-pact--facilitation',
			'dunmark--sea-forum',
			'essen-north--arland--threat',
			'essen-north--borovia--threat',
			'think-tank--arland',
			'think-tank--borovia'
		]);
		const summit = applyFilter(regional, { ...NO_FILTER, date: '2013-05' });
		expect(summit.edges.has('arland--summit-2013')).toBe(true);
		expect(applyFilter(regional, { ...NO_FILTER, date: '2013-06' }).edges.has('arland--summit-2013')).toBe(false);
	});
});

describe('egoNetwork', () => {
	const all = applyFilter(regional, NO_FILTER);

	it('keeps the neighbours one hop away and the ties among them', () => {
		const ego = egoNetwork(regional, all, 'essen-north', 1);
		expect(sorted(ego.nodes)).toEqual(['arland', 'borovia', 'calder', 'essen-north']);
		expect(ego.edges.size).toBe(7);
		expect(ego.edges.has('arland--borovia--history')).toBe(true);
	});

	it('reaches two hops away over shown edges only', () => {
		const frictionOnly = applyFilter(regional, { ...NO_FILTER, kinds: ['friction'] });
		expect(sorted(egoNetwork(regional, frictionOnly, 'calder', 2).nodes)).toEqual(['arland', 'borovia', 'calder', 'essen-north']);
		expect(sorted(egoNetwork(regional, frictionOnly, 'calder', 1).nodes)).toEqual(['calder', 'essen-north']);
	});

	it('agrees with networkx ego_graph on a random graph of 300 nodes and 900 ties, one to three hops from its hub', () => {
		const random = loadDataset(fixture('analysis', 'graphs', 'random-300.json'));
		const view = applyFilter(random, NO_FILTER);
		// networkx.ego_graph(MultiGraph of the file's ties, 'n246', radius): its node and edge counts
		const sizes = [1, 2, 3].map((hops) => egoNetwork(random, view, 'n246', hops)).map((ego) => [ego.nodes.size, ego.edges.size]);
		expect(sizes).toEqual([
			[15, 17],
			[82, 142],
			[238, 654]
		]);
	});

	it('leaves the view alone when the centre is hidden', () => {
		const states = applyFilter(regional, { ...NO_FILTER, nodeTypes: ['state'] });
		expect(egoNetwork(regional, states, 'sea-forum', 1)).toBe(states);
	});
});

describe('timeSpan', () => {
	it('runs from the earliest edge date to the latest date or meta.asOf', () => {
		const months = timeSpan(regional);
		expect(months[0]).toBe('2003-01');
		expect(months.at(-1)).toBe('2014-06');
		expect(months).toHaveLength(11 * 12 + 6);
	});

	it('takes a year as its first or last month, an end date as the start of the span, and meta.asOf only when later', () => {
		const [first, second] = regional.edges;
		const dated = (asOf: string) => ({
			...regional,
			meta: { ...regional.meta, asOf },
			edges: [
				{ ...first!, since: '2011', until: '2013-03-15' },
				{ ...second!, since: null, until: '2009-05' }
			]
		});
		expect(timeSpan(dated('2012')).slice(0, 2)).toEqual(['2009-05', '2009-06']);
		expect(timeSpan(dated('2012')).at(-1)).toBe('2013-03');
		expect(timeSpan(dated('2014')).at(-1)).toBe('2014-12');
	});

	it('is empty when no edge is dated', () => {
		expect(timeSpan({ ...regional, edges: regional.edges.map((edge) => ({ ...edge, since: null, until: null })) })).toEqual([]);
	});
});

describe('toggleShown', () => {
	const options = ['cooperation', 'friction'];

	it('unticking one value from all leaves the others', () => {
		expect(toggleShown(null, options, 'friction', false)).toEqual(['cooperation']);
	});

	it('ticking the last missing value shows all again', () => {
		expect(toggleShown(['cooperation'], options, 'friction', true)).toBeNull();
	});

	it('keeps the options order', () => {
		expect(toggleShown([], ['a', 'b', 'c'], 'c', true)).toEqual(['c']);
		expect(toggleShown(['c'], ['a', 'b', 'c'], 'a', true)).toEqual(['a', 'c']);
	});
});

describe('countLine', () => {
	it('reads like "34 of 41 nodes, 70 of 96 edges"', () => {
		const small = load('small-sample.json');
		expect(countLine(small, { nodes: new Set(['north']), edges: new Set(['north--league']) })).toBe('1 of 3 nodes, 1 of 2 edges');
	});

	it('writes thousands with a comma, as the Table does', () => {
		const many = { nodes: Array.from({ length: 10_000 }, (_, i) => ({ id: `n${i}`, label: `n${i}` })), edges: [] } as unknown as Parameters<typeof countLine>[0];
		expect(countLine(many, { nodes: new Set(['n1', 'n2']), edges: new Set() })).toBe('2 of 10,000 nodes, 0 of 0 edges');
	});
});
