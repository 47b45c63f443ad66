// The view a URL holds, both ways: dataset, selection, filters, date, layout, focus, measure, tab and how ties are drawn;
// the analysis layer, node size and colour, the highlight and its inputs (broker, path, what-if removals, scenario),
// and the bridge lens. Defaults are left out of the URL, so a plain link opens the default view.
import { PARTIAL_DATE } from '$lib/model/schema';
import { NO_FILTER, type FilterState } from '$lib/view/filter';
import { DEFAULT_LAYOUT, LAYOUTS } from '$lib/view/layouts';

/** A node, a tie (edge), or a pair of nodes (`id` and `other`: the summary tie between them, every tie it holds). */
export type Selection = { kind: 'node' | 'edge'; id: string } | { kind: 'pair'; id: string; other: string };
export type Tab = 'graph' | 'table';
/** What the analysis can light up; one at a time. */
export type HighlightKey = 'broker' | 'balance' | `triad-${number}` | 'path' | 'whatif' | 'scenario';

/** Prefix of the analysis layer's parameters in the URL: layer.kind, layer.fields, layer.status … */
export const LAYER_PREFIX = 'layer.';
/** One summary tie per pair and kind (the default), or every tie drawn as its own curve. */
export type TieMode = 'summary' | 'all';

export interface ViewState {
	/** null: the default dataset */
	dataset: string | null;
	selection: Selection | null;
	filter: FilterState;
	layout: string;
	/** centre of the ego network in focus */
	focus: string | null;
	hops: 1 | 2;
	/** measure whose edges are highlighted */
	measure: string | null;
	tab: Tab;
	/** the bridge lens: the pair, the broker and their shared forums, everything else dimmed */
	lens: 'bridge' | null;
	/** the analysis layer's parameters as the URL holds them, resolved against the dataset's default layer */
	layer: Array<[string, string]>;
	/** node size: null for the default (partners shown), or 'metric:ID' */
	size: string | null;
	/** node colour: null for node types, or 'community' */
	colour: string | null;
	highlight: HighlightKey | null;
	/** the broker of the broker report and the bridge lens; null for the default */
	broker: string | null;
	/** the bridge lens's pair (null for the default) and the field its picture shows (null for every field) */
	bridge: { a: string | null; b: string | null; field: string | null };
	path: { from: string | null; to: string | null };
	/** what-if: nodes and ties taken out */
	without: { nodes: string[]; edges: string[] };
	/** the scenario's proposals: those of these measures; null for all of them */
	scenario: string[] | null;
	ties: TieMode;
}

export const DEFAULT_VIEW: ViewState = {
	dataset: null,
	selection: null,
	filter: NO_FILTER,
	layout: DEFAULT_LAYOUT,
	focus: null,
	hops: 1,
	measure: null,
	tab: 'graph',
	lens: null,
	layer: [],
	size: null,
	colour: null,
	highlight: null,
	broker: null,
	bridge: { a: null, b: null, field: null },
	path: { from: null, to: null },
	without: { nodes: [], edges: [] },
	scenario: null,
	ties: 'summary'
};

const HIGHLIGHT = /^(broker|balance|path|whatif|scenario|triad-\d+)$/;

const LISTS = { kind: 'kinds', domain: 'domains', status: 'statuses', type: 'nodeTypes' } as const;

/** A list filter: absent shows every value; `kind=` (one empty value) shows none. */
function readList(params: URLSearchParams, name: string): string[] | null {
	if (!params.has(name)) return null;
	return params.getAll(name).filter((value) => value !== '');
}

function writeList(params: URLSearchParams, name: string, values: string[] | null) {
	if (values === null) return;
	if (values.length === 0) params.append(name, '');
	for (const value of values) params.append(name, value);
}

const text = (params: URLSearchParams, name: string) => {
	const value = params.get(name);
	return value === null || value === '' ? null : value;
};

/** A pair is two repeated `pair` parameters, each a node id (URLSearchParams encodes any character they hold). */
function readPair(params: URLSearchParams): Selection | null {
	const ends = params.getAll('pair');
	return ends.length === 2 && ends[0] !== '' && ends[1] !== '' && ends[0] !== ends[1] ? { kind: 'pair', id: ends[0]!, other: ends[1]! } : null;
}

function writeSelection(params: URLSearchParams, selection: Selection) {
	if (selection.kind === 'pair') {
		params.append('pair', selection.id);
		params.append('pair', selection.other);
	} else params.set(selection.kind, selection.id);
}

export function parseView(params: URLSearchParams): ViewState {
	const node = text(params, 'node');
	const edge = text(params, 'edge');
	const date = text(params, 'date');
	const layout = text(params, 'layout');
	const filter: FilterState = {
		...NO_FILTER,
		hideIsolated: params.get('isolated') === 'hide',
		date: date !== null && PARTIAL_DATE.test(date) ? date : null
	};
	for (const [name, field] of Object.entries(LISTS)) filter[field] = readList(params, name);
	return {
		dataset: text(params, 'dataset'),
		selection: node !== null ? { kind: 'node', id: node } : edge !== null ? { kind: 'edge', id: edge } : readPair(params),
		filter,
		layout: layout !== null && LAYOUTS.some((l) => l.id === layout) ? layout : DEFAULT_LAYOUT,
		focus: text(params, 'focus'),
		hops: params.get('hops') === '2' ? 2 : 1,
		measure: text(params, 'measure'),
		tab: params.get('view') === 'table' ? 'table' : 'graph',
		lens: params.get('lens') === 'bridge' ? 'bridge' : null,
		layer: [...params].filter(([name]) => name.startsWith(LAYER_PREFIX)),
		size: text(params, 'size'),
		colour: params.get('colour') === 'community' ? 'community' : null,
		highlight: HIGHLIGHT.test(params.get('hl') ?? '') ? (params.get('hl') as HighlightKey) : null,
		broker: text(params, 'broker'),
		bridge: { a: text(params, 'bridge.a'), b: text(params, 'bridge.b'), field: text(params, 'bridge.field') },
		path: { from: text(params, 'from'), to: text(params, 'to') },
		without: { nodes: readList(params, 'without.node') ?? [], edges: readList(params, 'without.tie') ?? [] },
		scenario: readList(params, 'scenario.measure'),
		ties: params.get('ties') === 'all' ? 'all' : 'summary'
	};
}

export function viewToParams(view: ViewState): URLSearchParams {
	const params = new URLSearchParams();
	if (view.dataset !== null) params.set('dataset', view.dataset);
	if (view.selection) writeSelection(params, view.selection);
	for (const [name, field] of Object.entries(LISTS)) writeList(params, name, view.filter[field]);
	if (view.filter.hideIsolated) params.set('isolated', 'hide');
	if (view.filter.date !== null) params.set('date', view.filter.date);
	if (view.layout !== DEFAULT_LAYOUT) params.set('layout', view.layout);
	if (view.focus !== null) params.set('focus', view.focus);
	if (view.hops !== 1) params.set('hops', String(view.hops));
	if (view.measure !== null) params.set('measure', view.measure);
	if (view.tab !== 'graph') params.set('view', view.tab);
	if (view.lens !== null) params.set('lens', view.lens);
	for (const [name, value] of view.layer) params.append(name, value);
	if (view.size !== null) params.set('size', view.size);
	if (view.colour !== null) params.set('colour', view.colour);
	if (view.highlight !== null) params.set('hl', view.highlight);
	if (view.broker !== null) params.set('broker', view.broker);
	for (const [name, value] of [['bridge.a', view.bridge.a], ['bridge.b', view.bridge.b], ['bridge.field', view.bridge.field], ['from', view.path.from], ['to', view.path.to]] as const)
		if (value !== null) params.set(name, value);
	for (const id of view.without.nodes) params.append('without.node', id);
	for (const id of view.without.edges) params.append('without.tie', id);
	writeList(params, 'scenario.measure', view.scenario);
	if (view.ties !== 'summary') params.set('ties', view.ties);
	return params;
}

/** The relative link to a view: "?dataset=…&node=…", or "?" for the default view. */
export function viewHref(view: ViewState): `?${string}` {
	return `?${viewToParams(view).toString()}`;
}
