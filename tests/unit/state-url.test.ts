import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, parseView, shareUnchanged, viewHref, viewToParams, type ViewState } from '$lib/state/url';
import { NO_FILTER } from '$lib/view/filter';

const parse = (query: string) => parseView(new URLSearchParams(query));

describe('parseView', () => {
	it('reads an empty query as the default view', () => {
		expect(parse('')).toEqual(DEFAULT_VIEW);
	});

	it('reads a node or an edge selection', () => {
		expect(parse('node=japan').selection).toEqual({ kind: 'node', id: 'japan' });
		expect(parse('edge=japan--south-korea--history').selection).toEqual({ kind: 'edge', id: 'japan--south-korea--history' });
	});

	it('reads list filters from repeated parameters, an empty one meaning none', () => {
		const view = parse('kind=friction&domain=defense&domain=economics&status=&type=state');
		expect(view.filter).toEqual({ ...NO_FILTER, kinds: ['friction'], domains: ['defense', 'economics'], statuses: [], nodeTypes: ['state'] });
	});

	it('reads the analysis choices and the bridge lens', () => {
		const view = parse('lens=bridge&layer.kind=friction&size=metric:degree&colour=community&hl=broker&broker=japan&bridge.field=defense&without.node=china&scenario.measure=m1');
		expect(view).toMatchObject({
			lens: 'bridge',
			layer: [['layer.kind', 'friction']],
			size: 'metric:degree',
			colour: 'community',
			highlight: 'broker',
			broker: 'japan',
			bridge: { a: null, b: null, field: 'defense' },
			without: { nodes: ['china'], edges: [] },
			scenario: ['m1']
		});
	});

	it('reads a pair selection from two pair parameters, and how ties are drawn', () => {
		expect(parse('pair=japan&pair=south-korea').selection).toEqual({ kind: 'pair', id: 'japan', other: 'south-korea' });
		expect(parse('').ties).toBe('summary');
		expect(parse('ties=all').ties).toBe('all');
		expect(parse('ties=some').ties).toBe('summary');
	});

	it('ignores a pair that is not two different nodes', () => {
		for (const query of ['pair=japan', 'pair=japan&pair=japan', 'pair=a&pair=b&pair=c', 'pair=&pair=b']) expect(parse(query).selection, query).toBeNull();
	});

	it('reads colour, size and shape by an attribute, a measure or the communities', () => {
		expect(parse('colour=attr:club&size=attr:population&shape=attr:x')).toMatchObject({ colour: 'attr:club', size: 'attr:population', shape: 'attr:x' });
		expect(parse('colour=partition:group&size=metric:betweenness')).toMatchObject({ colour: 'partition:group', size: 'metric:betweenness', shape: null });
		expect(parse('colour=metric:pagerank&shape=attr:__proto__')).toMatchObject({ colour: 'metric:pagerank', shape: 'attr:__proto__' });
		// what a channel cannot take is left out: sizes by categories of communities, shapes by measures
		expect(parse('size=community&shape=metric:degree&colour=attr:')).toMatchObject({ size: null, shape: null, colour: null });
	});

	it('reads attribute filters: values on show, one empty value for none, and ranges with either end open', () => {
		const view = parse('where.node.club=Officer&where.node.club=Mr.%20Hi&where.node.__proto__=&range.edge.weight=2..5&range.node.population=..1e6&range.node.x=-1.5..');
		expect(view.filter.attributes).toEqual([
			{ scope: 'node', name: 'club', values: ['Officer', 'Mr. Hi'] },
			{ scope: 'node', name: '__proto__', values: [] },
			{ scope: 'edge', name: 'weight', range: { min: 2, max: 5 } },
			{ scope: 'node', name: 'population', range: { min: null, max: 1e6 } },
			{ scope: 'node', name: 'x', range: { min: -1.5, max: null } }
		]);
	});

	it('ignores attribute filters it cannot read', () => {
		const query = 'range.edge.weight=a..b&range.edge.w=1..2..3&range.edge.v=..&range.edge.u=5&where.tie.club=x&where.node.=x&range.node=1..2';
		expect(parse(query).filter.attributes).toEqual([]);
	});

	it('ignores values it cannot use rather than failing', () => {
		expect(parse('lens=telescope&hl=everything&colour=rainbow')).toMatchObject({ lens: null, highlight: null, colour: null });
		const view = parse('layout=spiral&hops=7&date=June&view=chart&node=');
		expect(view.layout).toBe('fcose');
		expect(view.hops).toBe(1);
		expect(view.filter.date).toBeNull();
		expect(view.tab).toBe('graph');
		expect(view.selection).toBeNull();
	});
});

describe('viewToParams', () => {
	it('leaves defaults out of the URL', () => {
		expect(viewHref(DEFAULT_VIEW)).toBe('?');
	});

	it('writes a full view in a readable, stable order', () => {
		const view: ViewState = {
			...DEFAULT_VIEW,
			dataset: 'japan-korea-2014',
			selection: { kind: 'node', id: 'south-korea' },
			filter: {
				kinds: ['cooperation'],
				domains: null,
				statuses: [],
				nodeTypes: ['state', 'institution'],
				hideIsolated: true,
				date: '2012-12',
				attributes: [
					{ scope: 'node', name: 'club', values: ['Officer'] },
					{ scope: 'edge', name: 'weight', range: { min: 2, max: null } }
				]
			},
			layout: 'circle',
			focus: 'japan',
			hops: 2,
			measure: 'conclude-gsomia',
			tab: 'table',
			ties: 'all',
			table: { nodeSort: '-friction', edgeSort: 'attr:weight', find: 'GSOMIA' }
		};
		expect(viewToParams(view).toString()).toBe(
			'dataset=japan-korea-2014&node=south-korea&kind=cooperation&status=&type=state&type=institution&where.node.club=Officer&range.edge.weight=2..&isolated=hide&date=2012-12&layout=circle&focus=japan&hops=2&measure=conclude-gsomia&view=table&ties=all&sort.nodes=-friction&sort.edges=attr%3Aweight&find=GSOMIA'
		);
	});

	it('round-trips every view through the URL unchanged', () => {
		const views: ViewState[] = [
			DEFAULT_VIEW,
			{ ...DEFAULT_VIEW, dataset: 'x', selection: { kind: 'edge', id: 'a, b & c?' }, filter: { ...NO_FILTER, domains: [], date: '2003' } },
			{ ...DEFAULT_VIEW, filter: { ...NO_FILTER, nodeTypes: ['type with spaces', 'a,b'] }, layout: 'breadthfirst', hops: 2 },
			{ ...DEFAULT_VIEW, tab: 'table', table: { nodeSort: 'attr:a & b', edgeSort: null, find: '“frozen” 100% #1' } },
			{
				...DEFAULT_VIEW,
				lens: 'bridge',
				layer: [
					['layer.kind', 'all'],
					['layer.measure', 'a&b']
				],
				size: 'metric:betweenness',
				colour: 'community',
				highlight: 'triad-3',
				broker: '__proto__',
				bridge: { a: 'japan', b: 'south korea?', field: 'defense' },
				path: { from: 'x', to: null },
				without: { nodes: ['n|1'], edges: ['e,2', 'e 3'] },
				scenario: []
			},
			{ ...DEFAULT_VIEW, selection: { kind: 'pair', id: 'a&pair=b', other: '__proto__ | 100% #1 東京' }, ties: 'all' },
			{ ...DEFAULT_VIEW, selection: { kind: 'pair', id: '=', other: '?x=1&y' } },
			{
				...DEFAULT_VIEW,
				colour: 'partition:a.b&c',
				size: 'attr:constructor',
				shape: 'attr:__proto__',
				filter: {
					...NO_FILTER,
					attributes: [
						{ scope: 'edge', name: '__proto__', values: ['toString', 'a&b=c', 'unspecified'] },
						{ scope: 'node', name: 'a.b..c', range: { min: -0.5, max: 1e21 } },
						{ scope: 'node', name: 'constructor', values: [] }
					]
				}
			}
		];
		for (const view of views) expect(parse(viewToParams(view).toString())).toEqual(view);
	});
});

describe('shareUnchanged', () => {
	const read = (query: string) => parseView(new URLSearchParams(query));

	it('keeps the objects of the fields that read the same, and takes the new ones of those that changed', () => {
		const before = read('dataset=d&kind=cooperation&layer.kind=all&without.node=a&node=x');
		const after = shareUnchanged(before, read('dataset=d&kind=cooperation&layer.kind=all&without.node=a&node=y'));
		expect(after).toEqual(read('dataset=d&kind=cooperation&layer.kind=all&without.node=a&node=y'));
		expect(after.filter).toBe(before.filter);
		expect(after.layer).toBe(before.layer);
		expect(after.without).toBe(before.without);
		expect(after.selection).not.toBe(before.selection);
		expect(after.selection).toEqual({ kind: 'node', id: 'y' });
		const filtered = shareUnchanged(after, read('dataset=d&kind=friction&layer.kind=all&without.node=a&node=y'));
		expect(filtered.filter).not.toBe(after.filter);
		expect(filtered.filter.kinds).toEqual(['friction']);
		expect(filtered.selection).toBe(after.selection);
	});

	it('takes the view as it is when there is none before', () => {
		const view = read('node=x');
		expect(shareUnchanged(null, view)).toBe(view);
	});
});
