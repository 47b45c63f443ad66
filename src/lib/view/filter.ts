// Filters, the time slider and ego focus as pure functions: a view is the subset of node and edge ids on show,
// never a changed copy of the dataset.
import type { Dataset, DatasetEdge, DatasetNode } from '$lib/model';
import { holdsDuring, monthOf, monthsBetween } from '$lib/model/dates';

/** Each list holds the values on show; null shows every value. */
export interface FilterState {
	kinds: string[] | null;
	domains: string[] | null;
	statuses: string[] | null;
	nodeTypes: string[] | null;
	hideIsolated: boolean;
	/** show the network as of this partial date; null shows every edge */
	date: string | null;
}

export interface GraphView {
	nodes: Set<string>;
	edges: Set<string>;
}

export const NO_FILTER: FilterState = { kinds: null, domains: null, statuses: null, nodeTypes: null, hideIsolated: false, date: null };

/** The type a node is filtered and styled by: its own, or "unspecified". */
export function nodeTypeOf(node: DatasetNode): string {
	return node.type ?? 'unspecified';
}

/** The domain an edge is filtered by: its own, or "unspecified" (imported graphs may leave it out). */
export function edgeDomainOf(edge: DatasetEdge): string {
	return edge.domain ?? 'unspecified';
}

const allows = (shown: string[] | null, value: string) => shown === null || shown.includes(value);

/** The nodes and edges the filter shows. An edge needs both its ends shown; hidden isolated nodes are judged after edges. */
export function applyFilter(dataset: Dataset, filter: FilterState): GraphView {
	const nodes = new Set(dataset.nodes.filter((node) => allows(filter.nodeTypes, nodeTypeOf(node))).map((node) => node.id));
	const edges = new Set(
		dataset.edges
			.filter(
				(edge) =>
					nodes.has(edge.source) &&
					nodes.has(edge.target) &&
					allows(filter.kinds, edge.kind) &&
					allows(filter.domains, edgeDomainOf(edge)) &&
					allows(filter.statuses, edge.status) &&
					(filter.date === null || holdsDuring(edge, filter.date))
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

/** The ego network of `centre` within the view: nodes at most `hops` steps away over shown edges, and the shown edges among them. */
export function egoNetwork(dataset: Dataset, view: GraphView, centre: string, hops: number): GraphView {
	if (!view.nodes.has(centre)) return view;
	const shownEdges = dataset.edges.filter((edge) => view.edges.has(edge.id));
	const reached = new Set([centre]);
	let frontier = [centre];
	for (let step = 0; step < hops && frontier.length > 0; step++) {
		const next: string[] = [];
		for (const edge of shownEdges) {
			for (const [from, to] of [[edge.source, edge.target], [edge.target, edge.source]] as const) {
				if (frontier.includes(from) && !reached.has(to)) {
					reached.add(to);
					next.push(to);
				}
			}
		}
		frontier = next;
	}
	const edges = new Set(shownEdges.filter((edge) => reached.has(edge.source) && reached.has(edge.target)).map((edge) => edge.id));
	return { nodes: reached, edges };
}

/** "34 of 41 nodes, 70 of 96 edges" */
export function countLine(dataset: Dataset, view: GraphView): string {
	const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
	return `${view.nodes.size} of ${plural(dataset.nodes.length, 'node')}, ${view.edges.size} of ${plural(dataset.edges.length, 'edge')}`;
}

/** The months the time slider runs over: from the earliest edge date to the latest edge date or meta.asOf; empty when no edge is dated. */
export function timeSpan(dataset: Dataset): string[] {
	const starts: string[] = [];
	const ends: string[] = [];
	for (const edge of dataset.edges) {
		for (const date of [edge.since, edge.until]) {
			if (!date) continue;
			const start = monthOf(date, 'start');
			const end = monthOf(date, 'end');
			if (start && end) {
				starts.push(start);
				ends.push(end);
			}
		}
	}
	if (starts.length === 0) return [];
	const asOf = dataset.meta.asOf ? monthOf(dataset.meta.asOf, 'end') : undefined;
	if (asOf) ends.push(asOf);
	return monthsBetween(starts.sort()[0]!, ends.sort().at(-1)!);
}

/** A list filter after ticking (`on`) or unticking one value; null again when every option is ticked. */
export function toggleShown(shown: string[] | null, options: string[], value: string, on: boolean): string[] | null {
	const current = shown ?? options;
	const next = on ? options.filter((option) => option === value || current.includes(option)) : current.filter((option) => option !== value);
	return next.length === options.length && options.every((option) => next.includes(option)) ? null : next;
}
