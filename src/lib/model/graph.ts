// Dataset <-> graphology: a mixed multi-graph, so two states can share a cooperation and a friction edge.
// Node and edge attributes are the dataset's own fields (minus id, source and target), unknown ones included.
import { MultiGraph } from 'graphology';
import type { Dataset, DatasetEdge, DatasetNode } from './types';

/** Omit that keeps the named fields of a type with an index signature (plain Omit keeps only the signature). */
type Without<T, K extends PropertyKey> = { [P in keyof T as P extends K ? never : P]: T[P] };

export type NodeAttributes = Without<DatasetNode, 'id'>;
export type EdgeAttributes = Without<DatasetEdge, 'id' | 'source' | 'target'>;
export type GraphAttributes = Without<Dataset, 'nodes' | 'edges'>;
export type AllianceGraph = MultiGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/** Builds the graph of a validated dataset; edge keys are edge ids, directed edges stay directed. */
export function datasetToGraph(dataset: Dataset): AllianceGraph {
	const { nodes, edges, ...rest } = dataset;
	const graph: AllianceGraph = new MultiGraph({ type: 'mixed', allowSelfLoops: true });
	graph.replaceAttributes(structuredClone(rest));
	for (const { id, ...attributes } of nodes) graph.addNode(id, structuredClone(attributes));
	for (const { id, source, target, ...attributes } of edges) {
		const copy = structuredClone(attributes);
		if (attributes.directed) graph.addDirectedEdgeWithKey(id, source, target, copy);
		else graph.addUndirectedEdgeWithKey(id, source, target, copy);
	}
	return graph;
}

/** Reads a graph built by datasetToGraph (or shaped like one) back into a dataset, in graph order. */
export function graphToDataset(graph: AllianceGraph): Dataset {
	const nodes: DatasetNode[] = graph.mapNodes((id, attributes) => ({ id, ...structuredClone(attributes) }));
	const edges: DatasetEdge[] = graph.mapEdges((id, attributes, source, target) => ({ id, source, target, ...structuredClone(attributes) }));
	return { ...(structuredClone(graph.getAttributes()) as GraphAttributes), nodes, edges };
}
