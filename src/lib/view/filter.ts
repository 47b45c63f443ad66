// Filters, the time slider and ego focus as pure functions: a view is the subset of node and edge ids on show,
// never a changed copy of the dataset.
import type { Dataset, DatasetEdge, DatasetNode } from '$lib/model';
import { DOMAINS, EDGE_KINDS, KNOWN_NODE_TYPES, STATUSES } from '$lib/model/vocabulary';
import { holdsDuring, monthOf, monthsBetween } from '$lib/model/dates';
import { categoryKey, fieldValue, type AttributeScope } from './attributes';
import { count } from '$lib/analysis/format';

/** A filter on an attribute of nodes or ties: the values on show (categories), or a range (numbers; either end open). */
export type AttributeFilter = { scope: AttributeScope; name: string } & ({ values: string[] } | { range: { min: number | null; max: number | null } });

/** Each list holds the values on show; null shows every value. */
export interface FilterState {
	kinds: string[] | null;
	domains: string[] | null;
	statuses: string[] | null;
	nodeTypes: string[] | null;
	hideIsolated: boolean;
	/** show the network as of this partial date; null shows every edge */
	date: string | null;
	/** filters on the nodes' and ties' own attributes; an item must pass each */
	attributes: AttributeFilter[];
}

export interface GraphView {
	nodes: Set<string>;
	edges: Set<string>;
}

export const NO_FILTER: FilterState = { kinds: null, domains: null, statuses: null, nodeTypes: null, hideIsolated: false, date: null, attributes: [] };

/** The type a node is filtered and styled by: its own, or "unspecified". */
export function nodeTypeOf(node: DatasetNode): string {
	return node.type ?? 'unspecified';
}

/** The domain an edge is filtered by: its own, or "unspecified" (imported graphs may leave it out). */
export function edgeDomainOf(edge: DatasetEdge): string {
	return edge.domain ?? 'unspecified';
}

const allows = (shown: string[] | null, value: string) => shown === null || shown.includes(value);

/** Whether an item passes an attribute filter: its value among those on show, or a number within the range. */
export function passes(item: object, filter: AttributeFilter): boolean {
	const value = fieldValue(item, filter.name);
	if ('values' in filter) {
		const key = categoryKey(value);
		return key !== null && filter.values.includes(key);
	}
	if (typeof value !== 'number' || !Number.isFinite(value)) return false;
	const { min, max } = filter.range;
	return (min === null || value >= min) && (max === null || value <= max);
}

/** An attribute filter that leaves everything on show: no range at either end. */
export function isOpen(filter: AttributeFilter): boolean {
	return 'range' in filter && filter.range.min === null && filter.range.max === null;
}

/** The nodes and edges the filter shows. An edge needs both its ends shown; hidden isolated nodes are judged after edges. */
export function applyFilter(dataset: Dataset, filter: FilterState): GraphView {
	const onNodes = filter.attributes.filter((attribute) => attribute.scope === 'node' && !isOpen(attribute));
	const onEdges = filter.attributes.filter((attribute) => attribute.scope === 'edge' && !isOpen(attribute));
	const nodes = new Set(
		dataset.nodes.filter((node) => allows(filter.nodeTypes, nodeTypeOf(node)) && onNodes.every((attribute) => passes(node, attribute))).map((node) => node.id)
	);
	const edges = new Set(
		dataset.edges
			.filter(
				(edge) =>
					nodes.has(edge.source) &&
					nodes.has(edge.target) &&
					allows(filter.kinds, edge.kind) &&
					allows(filter.domains, edgeDomainOf(edge)) &&
					allows(filter.statuses, edge.status) &&
					(filter.date === null || holdsDuring(edge, filter.date)) &&
					onEdges.every((attribute) => passes(edge, attribute))
			)
			.map((edge) => edge.id)
	);
	if (filter.hideIsolated) {
		const linked = new Set<string>();
		for (const edge of dataset.edges) {
			if (edges.has(edge.id)) linked.add(edge.source).add(edge.target);
		}
		for (const id of nodes) if (!linked.has(id)) nodes.delete(id);
	}
	return { nodes, edges };
}

/**
 * The ego network of `centre` within the view: nodes at most `hops` steps away over shown edges, and the shown edges
 * among them. A breadth-first search over the shown edges' neighbour lists, linear in the view's size (two hops from a
 * hub of 1,900 partners on 40,000 ties took 0.3 s when each edge was checked against the whole frontier).
 */
export function egoNetwork(dataset: Dataset, view: GraphView, centre: string, hops: number): GraphView {
	if (!view.nodes.has(centre)) return view;
	const shownEdges = dataset.edges.filter((edge) => view.edges.has(edge.id));
	const neighbours = new Map<string, string[]>();
	const link = (from: string, to: string) => {
		const list = neighbours.get(from);
		if (list) list.push(to);
		else neighbours.set(from, [to]);
	};
	for (const edge of shownEdges) {
		link(edge.source, edge.target);
		link(edge.target, edge.source);
	}
	const reached = new Set([centre]);
	let frontier = [centre];
	for (let step = 0; step < hops && frontier.length > 0; step++) {
		const next: string[] = [];
		for (const from of frontier) {
			for (const to of neighbours.get(from) ?? []) {
				if (reached.has(to)) continue;
				reached.add(to);
				next.push(to);
			}
		}
		frontier = next;
	}
	const edges = new Set(shownEdges.filter((edge) => reached.has(edge.source) && reached.has(edge.target)).map((edge) => edge.id));
	return { nodes: reached, edges };
}

/** "34 of 41 nodes, 70 of 96 edges" */
export function countLine(dataset: Dataset, view: GraphView): string {
	return `${view.nodes.size.toLocaleString('en')} of ${count(dataset.nodes.length, 'node')}, ${view.edges.size.toLocaleString('en')} of ${count(dataset.edges.length, 'edge')}`;
}

/** The months the time slider runs over: from the earliest edge date to the latest edge date or meta.asOf; empty when no edge is dated. */
export function timeSpan(dataset: Dataset): string[] {
	// Only the earliest start and the latest end count ("YYYY-MM" sorts as text): one pass, nothing kept per tie.
	let first: string | undefined;
	let last: string | undefined;
	const take = (date: string | null | undefined) => {
		if (!date) return;
		const start = monthOf(date, 'start');
		const end = monthOf(date, 'end');
		if (!start || !end) return;
		if (first === undefined || start < first) first = start;
		if (last === undefined || end > last) last = end;
	};
	for (const edge of dataset.edges) {
		take(edge.since);
		take(edge.until);
	}
	if (first === undefined || last === undefined) return [];
	const asOf = dataset.meta.asOf ? monthOf(dataset.meta.asOf, 'end') : undefined;
	return monthsBetween(first, asOf && asOf > last ? asOf : last);
}

/** A list filter after ticking (`on`) or unticking one value; null again when every option is ticked. */
export function toggleShown(shown: string[] | null, options: string[], value: string, on: boolean): string[] | null {
	const current = shown ?? options;
	const next = on ? options.filter((option) => option === value || current.includes(option)) : current.filter((option) => option !== value);
	return next.length === options.length && options.every((option) => next.includes(option)) ? null : next;
}

export type ListField = 'kinds' | 'domains' | 'statuses' | 'nodeTypes';

export interface FilterGroup {
	field: ListField;
	title: string;
	/** the values the dataset holds: known ones in their own order, then the others alphabetically */
	options: string[];
}

/** Values present in the dataset: the contract's own first, in its order, then any others alphabetically. */
function present(values: Iterable<string>, known: readonly string[]): string[] {
	const found = new Set(values);
	return [...known.filter((value) => found.has(value)), ...[...found].filter((value) => !known.includes(value)).sort()];
}

/**
 * The list filters worth showing for a dataset: each with the values it holds, and only where it holds two or more
 * (a dataset without friction shows no friction box; one without fields no field group), or where the view filters
 * by it already (so a link's filter can always be undone).
 */
export function filterGroups(dataset: Dataset, filter: FilterState): FilterGroup[] {
	const groups: FilterGroup[] = [
		{ field: 'kinds', title: 'Kind', options: present(dataset.edges.map((edge) => edge.kind), EDGE_KINDS) },
		{ field: 'domains', title: 'Domain', options: present(dataset.edges.map(edgeDomainOf), DOMAINS) },
		{ field: 'statuses', title: 'Status', options: present(dataset.edges.map((edge) => edge.status), STATUSES) },
		{ field: 'nodeTypes', title: 'Node type', options: present(dataset.nodes.map(nodeTypeOf), KNOWN_NODE_TYPES) }
	];
	return groups.filter((group) => group.options.length >= 2 || filter[group.field] !== null);
}

/** The attribute filters with the one on `scope` and `name` replaced by `next`, or taken out when `next` is null; order kept. */
export function withAttributeFilter(filters: readonly AttributeFilter[], scope: AttributeFilter['scope'], name: string, next: AttributeFilter | null): AttributeFilter[] {
	const at = filters.findIndex((filter) => filter.scope === scope && filter.name === name);
	if (at === -1) return next ? [...filters, next] : [...filters];
	return next ? filters.map((filter, i) => (i === at ? next : filter)) : filters.filter((_, i) => i !== at);
}
