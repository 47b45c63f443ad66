// A node's neighbours, grouped by the kind of tie, for the node panel.
import type { Dataset, DatasetEdge, DatasetNode, EdgeKind } from '$lib/model';
import { BY_LABEL } from './pick';

export interface Neighbour {
	node: DatasetNode;
	/** the ties to this neighbour, in dataset order */
	edges: DatasetEdge[];
}

/** The neighbours by kind of tie, by name; and the node's ties to itself (self-loops), which make it no partner of its own. */
export type NeighbourGroups = Record<EdgeKind, Neighbour[]> & { loops: Record<EdgeKind, DatasetEdge[]> };

export function neighbourGroups(dataset: Dataset, nodeId: string): NeighbourGroups {
	const byId = new Map(dataset.nodes.map((node) => [node.id, node]));
	const groups: Record<EdgeKind, Map<string, Neighbour>> = { cooperation: new Map(), friction: new Map() };
	const loops: Record<EdgeKind, DatasetEdge[]> = { cooperation: [], friction: [] };
	for (const edge of dataset.edges) {
		if (edge.source !== nodeId && edge.target !== nodeId) continue;
		if (edge.source === edge.target) {
			loops[edge.kind].push(edge);
			continue;
		}
		const otherId = edge.source === nodeId ? edge.target : edge.source;
		const other = byId.get(otherId);
		if (!other) continue;
		const group = groups[edge.kind];
		const entry = group.get(otherId) ?? { node: other, edges: [] };
		entry.edges.push(edge);
		group.set(otherId, entry);
	}
	const sorted = (group: Map<string, Neighbour>) => [...group.values()].sort((a, b) => BY_LABEL.compare(a.node.label, b.node.label));
	return { cooperation: sorted(groups.cooperation), friction: sorted(groups.friction), loops };
}
