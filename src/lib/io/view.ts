// A view of a dataset for export: the nodes and edges the page shows, never a mutated copy of the dataset.
import type { Dataset } from '../model';

export interface DatasetSelection {
	/** the nodes in view; all when absent */
	nodeIds?: ReadonlySet<string>;
	/** the edges in view; all when absent. An edge is kept only when both its ends are kept too. */
	edgeIds?: ReadonlySet<string>;
}

/**
 * The dataset restricted to a selection. Sources, measures and meta stay whole, so every evidence and measure
 * reference still resolves and the view is itself a valid dataset.
 */
export function datasetView(dataset: Dataset, { nodeIds, edgeIds }: DatasetSelection = {}): Dataset {
	const nodes = nodeIds ? dataset.nodes.filter((node) => nodeIds.has(node.id)) : dataset.nodes;
	const kept = new Set(nodes.map((node) => node.id));
	const edges = dataset.edges.filter((edge) => (!edgeIds || edgeIds.has(edge.id)) && kept.has(edge.source) && kept.has(edge.target));
	return { ...dataset, nodes, edges };
}
