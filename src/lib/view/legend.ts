// What the legend lists: only the node types, edge kinds and edge statuses on screen.
import type { Dataset, EdgeKind, Status } from '$lib/model';
import type { GraphView } from './filter';
import { NODE_TYPES, nodeStyleKey } from './palette';

export interface LegendEntries {
	/** style keys (styled types first, then "other") */
	nodeTypes: string[];
	/** the unstyled types on show, drawn in the neutral "other" style */
	otherTypes: string[];
	edgeKinds: EdgeKind[];
	/** statuses with a look of their own: stalled, proposed */
	edgeStatuses: Status[];
	directed: boolean;
}

export function legendEntries(dataset: Dataset, view: GraphView): LegendEntries {
	const shownNodes = dataset.nodes.filter((node) => view.nodes.has(node.id));
	const types = new Set(shownNodes.map((node) => nodeStyleKey(node.type)));
	const otherTypes = new Set(shownNodes.filter((node) => nodeStyleKey(node.type) === 'other').map((node) => node.type ?? 'no type'));
	const shownEdges = dataset.edges.filter((edge) => view.edges.has(edge.id));
	const kinds = new Set(shownEdges.map((edge) => edge.kind));
	const statuses = new Set(shownEdges.map((edge) => edge.status));
	return {
		nodeTypes: [...Object.keys(NODE_TYPES), 'other'].filter((type) => types.has(type)),
		otherTypes: [...otherTypes].sort(),
		edgeKinds: (['cooperation', 'friction'] as const).filter((kind) => kinds.has(kind)),
		edgeStatuses: (['stalled', 'proposed'] as const).filter((status) => statuses.has(status)),
		directed: shownEdges.some((edge) => edge.directed === true)
	};
}
