// The view a URL holds, both ways: dataset, selection, filters (attribute filters too), date, layout, focus, measure,
// tab and how ties are drawn, the Table view's sort and find; the analysis layer, node colour, size and shape, the highlight and its inputs (broker,
// path, what-if removals, scenario), and the bridge lens. Defaults are left out of the URL, so a plain link opens the
// default view.
import { PARTIAL_DATE } from '$lib/model/vocabulary';
import { readChoice } from '$lib/view/appearance';
import type { AttributeScope } from '$lib/view/attributes';
import { NO_FILTER, type AttributeFilter, type FilterState } from '$lib/view/filter';
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
	/** node size: null for the default (partners shown), 'metric:ID' or 'attr:NAME' (a number attribute) */
	size: string | null;
	/** node colour: null for node types, 'community', 'metric:ID', 'attr:NAME' or 'partition:NAME' (a number's values as categories) */
	colour: string | null;
	/** node shape: null for node types, or 'attr:NAME' */
	shape: string | null;
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
	/** the Table view: each table's sort (a column key, "-" in front for descending; null: the dataset's order) and the text its rows must hold */
	table: { nodeSort: string | null; edgeSort: string | null; find: string | null };
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
	shape: null,
	highlight: null,
	broker: null,
	bridge: { a: null, b: null, field: null },
	path: { from: null, to: null },
	without: { nodes: [], edges: [] },
	scenario: null,
	ties: 'summary',
	table: { nodeSort: null, edgeSort: null, find: null }
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

/** Attribute filters: `where.node.NAME=value` (repeated; one empty value shows none) and `range.edge.NAME=2..5` (either end may be open). */
const WHERE = 'where.';
const RANGE = 'range.';
const SCOPES: readonly AttributeScope[] = ['node', 'edge'];

function readNumber(text: string): number | null {
	const value = text === '' ? NaN : Number(text);
	return Number.isFinite(value) ? value : null;
}

/** "2..5", "2..", "..5" as a range; null for anything else (a range with no end filters nothing). */
function readRange(text: string): { min: number | null; max: number | null } | null {
	const ends = text.split('..');
	if (ends.length !== 2) return null;
	const [low, high] = ends as [string, string];
	const min = low === '' ? null : readNumber(low);
	const max = high === '' ? null : readNumber(high);
	if ((min === null && low !== '') || (max === null && high !== '') || (min === null && max === null)) return null;
	return { min, max };
}

function readAttributeFilters(params: URLSearchParams): AttributeFilter[] {
	const filters: AttributeFilter[] = [];
	const seen = new Set<string>();
	for (const [param] of params) {
		if (seen.has(param)) continue;
		seen.add(param);
		const kind = param.startsWith(WHERE) ? 'values' : param.startsWith(RANGE) ? 'range' : null;
		if (!kind) continue;
		const rest = param.slice(kind === 'values' ? WHERE.length : RANGE.length);
		const scope = SCOPES.find((candidate) => rest.startsWith(`${candidate}.`));
		const name = scope ? rest.slice(scope.length + 1) : '';
		if (!scope || name === '') continue;
		if (kind === 'values') filters.push({ scope, name, values: readList(params, param) ?? [] });
		else {
			const range = readRange(params.get(param) ?? '');
			if (range) filters.push({ scope, name, range });
		}
	}
	return filters;
}

function writeAttributeFilters(params: URLSearchParams, filters: readonly AttributeFilter[]) {
	for (const filter of filters) {
		if ('values' in filter) writeList(params, `${WHERE}${filter.scope}.${filter.name}`, filter.values);
		else if (filter.range.min !== null || filter.range.max !== null)
			params.set(`${RANGE}${filter.scope}.${filter.name}`, `${filter.range.min ?? ''}..${filter.range.max ?? ''}`);
	}
}

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
		date: date !== null && PARTIAL_DATE.test(date) ? date : null,
		attributes: readAttributeFilters(params)
	};
	const choice = (channel: 'colour' | 'size' | 'shape') => {
		const token = text(params, channel);
		return readChoice(channel, token) ? token : null;
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
		size: choice('size'),
		colour: choice('colour'),
		shape: choice('shape'),
		highlight: HIGHLIGHT.test(params.get('hl') ?? '') ? (params.get('hl') as HighlightKey) : null,
		broker: text(params, 'broker'),
		bridge: { a: text(params, 'bridge.a'), b: text(params, 'bridge.b'), field: text(params, 'bridge.field') },
		path: { from: text(params, 'from'), to: text(params, 'to') },
		without: { nodes: readList(params, 'without.node') ?? [], edges: readList(params, 'without.tie') ?? [] },
		scenario: readList(params, 'scenario.measure'),
		ties: params.get('ties') === 'all' ? 'all' : 'summary',
		table: { nodeSort: text(params, 'sort.nodes'), edgeSort: text(params, 'sort.edges'), find: text(params, 'find') }
	};
}

export function viewToParams(view: ViewState): URLSearchParams {
	const params = new URLSearchParams();
	if (view.dataset !== null) params.set('dataset', view.dataset);
	if (view.selection) writeSelection(params, view.selection);
	for (const [name, field] of Object.entries(LISTS)) writeList(params, name, view.filter[field]);
	writeAttributeFilters(params, view.filter.attributes);
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
	if (view.shape !== null) params.set('shape', view.shape);
	if (view.highlight !== null) params.set('hl', view.highlight);
	if (view.broker !== null) params.set('broker', view.broker);
	for (const [name, value] of [['bridge.a', view.bridge.a], ['bridge.b', view.bridge.b], ['bridge.field', view.bridge.field], ['from', view.path.from], ['to', view.path.to]] as const)
		if (value !== null) params.set(name, value);
	for (const id of view.without.nodes) params.append('without.node', id);
	for (const id of view.without.edges) params.append('without.tie', id);
	writeList(params, 'scenario.measure', view.scenario);
	if (view.ties !== 'summary') params.set('ties', view.ties);
	for (const [name, value] of [['sort.nodes', view.table.nodeSort], ['sort.edges', view.table.edgeSort], ['find', view.table.find]] as const)
		if (value !== null) params.set(name, value);
	return params;
}

/** The relative link to a view: "?dataset=…&node=…", or "?" for the default view. */
export function viewHref(view: ViewState): `?${string}` {
	return `?${viewToParams(view).toString()}`;
}

/**
 * The view with every field that reads the same as in `previous` taken from `previous`: the same object, so what was
 * worked out from that field (the filtered graph, the layer, the appearance) is not worked out again when only the
 * selection changes, say. The fields are small and made by parseView in one order, so their JSON compares them.
 */
export function shareUnchanged(previous: ViewState | null, next: ViewState): ViewState {
	if (!previous) return next;
	const shared: Record<string, unknown> = { ...next };
	for (const key of Object.keys(next) as Array<keyof ViewState>) if (JSON.stringify(previous[key]) === JSON.stringify(next[key])) shared[key] = previous[key];
	return shared as unknown as ViewState;
}
