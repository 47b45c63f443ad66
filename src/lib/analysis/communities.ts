// Louvain communities (graphology-communities-louvain) on a layer, cooperation by default, with a seeded random
// generator so the same dataset always gets the same colouring.
import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import type { Dataset } from '../model';
import { recordFrom } from '../model/records';
import { layerGraph, type LayerSpec } from './layer';
import { seededRandom } from './random';

export interface CommunityOptions {
	seed?: number;
	/** Louvain's resolution; higher finds smaller communities */
	resolution?: number;
}

export interface Communities {
	/** community number of each node id, 0 for the largest community, then by size */
	byNode: Record<string, number>;
	count: number;
	modularity: number;
}

const DEFAULTS = { seed: 1, resolution: 1 };

export function louvainCommunities(dataset: Dataset, spec: LayerSpec, options: CommunityOptions = {}): Communities {
	const { seed, resolution } = { ...DEFAULTS, ...options };
	const layer = layerGraph(dataset, spec);
	const graph = new UndirectedGraph<Record<string, never>, { weight: number }>();
	for (const id of layer.nodes) graph.addNode(id);
	for (const tie of layer.ties) graph.addEdge(layer.nodes[tie.source]!, layer.nodes[tie.target]!, { weight: tie.weight });
	const result = louvain.detailed(graph, { rng: seededRandom(seed), resolution, getEdgeWeight: layer.weighted ? 'weight' : null });
	const sizes = new Map<number, number>();
	for (const community of Object.values(result.communities)) sizes.set(community, (sizes.get(community) ?? 0) + 1);
	const firstSeen = new Map<number, number>();
	layer.nodes.forEach((id) => firstSeen.has(result.communities[id]!) || firstSeen.set(result.communities[id]!, firstSeen.size));
	const ordered = [...sizes.keys()].sort((a, b) => sizes.get(b)! - sizes.get(a)! || firstSeen.get(a)! - firstSeen.get(b)!);
	const renumber = new Map(ordered.map((community, index) => [community, index]));
	return {
		byNode: recordFrom(layer.nodes.map((id) => [id, renumber.get(result.communities[id]!)!])),
		count: ordered.length,
		modularity: result.modularity
	};
}
