// layerGraph: a Dataset collapsed to the simple undirected weighted graph of one layer of ties.
// Parallel ties between a pair count once and their weights add; direction and self-loops are dropped.
import type { Dataset, DatasetEdge, DatasetNode } from '../model';

export const LAYERS = ['cooperation', 'friction', 'all'] as const;
export type Layer = (typeof LAYERS)[number];

export interface LayerOptions {
	/** which ties: cooperation (default; edges without a kind count as cooperation), friction, or all */
	layer?: Layer;
	/** use summed weights as path lengths, eigenvector and PageRank weights and Burt's tie strengths */
	weighted?: boolean;
	/** which edges may take part; default: every edge that is not `proposed` (the brief's proposals stay out) */
	edges?: (edge: DatasetEdge) => boolean;
	/** which nodes take part; default: all (isolated nodes stay, as in networkx) */
	nodes?: (node: DatasetNode) => boolean;
}

/** One pair of the layer: `source < target` as node indexes, with every dataset edge collapsed into it. */
export interface LayerTie {
	source: number;
	target: number;
	/** sum of the collapsed edges' weights (each defaults to 1) */
	weight: number;
	edgeIds: string[];
}

export interface LayerGraph {
	layer: Layer;
	weighted: boolean;
	/** node ids in dataset order; a node's index is its position here */
	nodes: string[];
	ties: LayerTie[];
}

const DEFAULTS = {
	layer: 'cooperation' as Layer,
	weighted: false,
	edges: (edge: DatasetEdge) => edge.status !== 'proposed',
	nodes: () => true
};

/** True when the edge belongs to the layer; a missing kind reads as cooperation. */
export function edgeInLayer(edge: Pick<DatasetEdge, 'kind'>, layer: Layer): boolean {
	if (layer === 'all') return true;
	const kind = edge.kind === 'friction' ? 'friction' : 'cooperation';
	return kind === layer;
}

export function layerGraph(dataset: Dataset, options: LayerOptions = {}): LayerGraph {
	const { layer, weighted, edges: edgeFilter, nodes: nodeFilter } = { ...DEFAULTS, ...options };
	if (!LAYERS.includes(layer)) throw new Error(`layerGraph: unknown layer "${String(layer)}"`);
	const nodes = dataset.nodes.filter(nodeFilter).map((node) => node.id);
	const index = new Map(nodes.map((id, i) => [id, i]));
	const byPair = new Map<number, LayerTie>();
	for (const edge of dataset.edges) {
		if (!edgeInLayer(edge, layer) || !edgeFilter(edge)) continue;
		const a = index.get(edge.source);
		const b = index.get(edge.target);
		if (a === undefined || b === undefined || a === b) continue;
		const [source, target] = a < b ? [a, b] : [b, a];
		const key = source * nodes.length + target;
		const tie = byPair.get(key);
		const weight = edge.weight ?? 1;
		if (tie) {
			tie.weight += weight;
			tie.edgeIds.push(edge.id);
		} else byPair.set(key, { source, target, weight, edgeIds: [edge.id] });
	}
	const ties = [...byPair.values()].sort((x, y) => x.source - y.source || x.target - y.target);
	return { layer, weighted, nodes, ties };
}
