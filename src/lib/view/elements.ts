// Cytoscape element definitions built from a Dataset: the data the stylesheet's selectors read.
import type { ElementDefinition } from 'cytoscape';
import type { Dataset } from '$lib/model';
import { nodeStyleKey } from './palette';

/** Line width in pixels for an edge weight (the brief uses 1..3); missing weight counts as 1. */
export function edgeWidth(weight: number | undefined): number {
	const clamped = Math.min(Math.max(weight ?? 1, 0.5), 5);
	return Math.round((1 + clamped * 1.5) * 10) / 10;
}

export function buildElements(dataset: Dataset): ElementDefinition[] {
	// Start on a circle, never all on one spot: edges between coincident nodes cannot be drawn before the layout runs.
	const radius = 20 * dataset.nodes.length;
	const nodes: ElementDefinition[] = dataset.nodes.map((node, i) => ({
		group: 'nodes',
		data: { id: node.id, label: node.label, type: nodeStyleKey(node.type) },
		position: {
			x: Math.round(radius * Math.cos((2 * Math.PI * i) / dataset.nodes.length)),
			y: Math.round(radius * Math.sin((2 * Math.PI * i) / dataset.nodes.length))
		}
	}));
	const edges: ElementDefinition[] = dataset.edges.map((edge) => ({
		group: 'edges',
		data: {
			id: edge.id,
			source: edge.source,
			target: edge.target,
			kind: edge.kind,
			status: edge.status,
			domain: edge.domain ?? 'unspecified',
			directed: edge.directed === true ? 'yes' : 'no',
			width: edgeWidth(edge.weight),
			label: edge.label ?? edge.relation ?? ''
		}
	}));
	return [...nodes, ...edges];
}
