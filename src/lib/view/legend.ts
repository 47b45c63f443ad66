// What the legend lists: the node types, edge kinds and statuses on screen, and the rules behind line width,
// node size, highlight and selection as they stand.
import type { Dataset, EdgeKind, Status } from '$lib/model';
import type { TieMode } from '$lib/state/url';
import type { GraphView } from './filter';
import { NODE_TYPES, nodeStyleKey } from './palette';
import { partnerCounts } from './summary';

export interface LegendEntries {
	/** style keys (styled types first, then "other") */
	nodeTypes: string[];
	/** the unstyled types on show, drawn in the neutral "other" style, in words ("domestic-actor" → "domestic actor") */
	otherTypes: string[];
	edgeKinds: EdgeKind[];
	/** statuses with a look of their own: stalled, proposed */
	edgeStatuses: Status[];
	directed: boolean;
	// The rules below are optional so a legend built by hand (image export tests) can leave them out.
	/** how ties are drawn: one summary per pair and kind (width = count), or each tie (width = weight) */
	ties?: TieMode;
	/** node size: partners among the shown ties (fewest and most), or a metric chosen in the Analysis panel */
	size?: { rule: 'partners'; fewest: number; most: number } | { rule: 'metric' };
	highlighted?: boolean;
	selected?: boolean;
}

export interface LegendState {
	ties: TieMode;
	sizedByMetric: boolean;
	highlighted: boolean;
	selected: boolean;
}

const DEFAULT_STATE: LegendState = { ties: 'summary', sizedByMetric: false, highlighted: false, selected: false };

/** A type id in words: "domestic-actor" → "domestic actor". */
export function typeInWords(type: string): string {
	return type.replace(/[-_]+/g, ' ').trim() || type;
}

export function legendEntries(dataset: Dataset, view: GraphView, state: LegendState = DEFAULT_STATE): LegendEntries {
	const shownNodes = dataset.nodes.filter((node) => view.nodes.has(node.id));
	const types = new Set(shownNodes.map((node) => nodeStyleKey(node.type)));
	const otherTypes = new Set(shownNodes.filter((node) => nodeStyleKey(node.type) === 'other').map((node) => typeInWords(node.type ?? 'no type')));
	const shownEdges = dataset.edges.filter((edge) => view.edges.has(edge.id));
	const kinds = new Set(shownEdges.map((edge) => edge.kind));
	const statuses = new Set(shownEdges.map((edge) => edge.status));
	const partners = [...partnerCounts(dataset, view.nodes, view.edges).values()];
	return {
		nodeTypes: [...Object.keys(NODE_TYPES), 'other'].filter((type) => types.has(type)),
		otherTypes: [...otherTypes].sort(),
		edgeKinds: (['cooperation', 'friction'] as const).filter((kind) => kinds.has(kind)),
		edgeStatuses: (['stalled', 'proposed'] as const).filter((status) => statuses.has(status)),
		directed: shownEdges.some((edge) => edge.directed === true),
		ties: state.ties,
		size: state.sizedByMetric ? { rule: 'metric' } : { rule: 'partners', fewest: partners.length ? Math.min(...partners) : 0, most: partners.length ? Math.max(...partners) : 0 },
		highlighted: state.highlighted,
		selected: state.selected
	};
}
