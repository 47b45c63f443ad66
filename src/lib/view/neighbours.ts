// A node's neighbours, grouped by the kind of tie, for the node panel.
import type { Dataset, DatasetEdge, DatasetNode, EdgeKind } from '$lib/model';

export interface Neighbour {
	node: DatasetNode;
	/** the ties to this neighbour, in dataset order */
	edges: DatasetEdge[];
}

export type NeighbourGroups = Record<EdgeKind, Neighbour[]>;

export function neighbourGroups(dataset: Dataset, nodeId: string): NeighbourGroups {
	const byId = new Map(dataset.nodes.map((node) => [node.id, node]));
	const groups: Record<EdgeKind, Map<string, Neighbour>> = { cooperation: new Map(), friction: new Map() };
	for (const edge of dataset.edges) {
		if (edge.source !== nodeId && edge.target !== nodeId) continue;
		const otherId = edge.source === nodeId ? edge.target : edge.source;
		const other = byId.get(otherId);
		if (!other) continue;
		const group = groups[edge.kind];
		const entry = group.get(otherId) ?? { node: other, edges: [] };
		entry.edges.push(edge);
		group.set(otherId, entry);
	}
	const sorted = (group: Map<string, Neighbour>) => [...group.values()].sort((a, b) => a.node.label.localeCompare(b.node.label));
	return { cooperation: sorted(groups.cooperation), friction: sorted(groups.friction) };
}
