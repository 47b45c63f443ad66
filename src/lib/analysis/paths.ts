// shortestPath: one shortest path between two nodes on a layer, with the dataset edges behind each step and how
// many shortest paths there are; among equals the path through lower-index (earlier in the dataset) nodes is shown.
import type { Dataset } from '../model';
import { toCsr, type Csr } from './csr';
import { count, formatMetric } from './format';
import { layerGraph, type LayerGraph, type LayerRestriction, type LayerSpec } from './layer';
import { SingleSourcePaths } from './shortest-paths';

export interface PathStep {
	source: string;
	target: string;
	/** the dataset edges collapsed into this tie */
	edgeIds: string[];
}

export type ShortestPath =
	| { found: true; from: string; to: string; distance: number; count: number; nodes: string[]; steps: PathStep[]; edgeIds: string[] }
	| { found: false; from: string; to: string };

/** Map from an unordered pair of node indexes to the tie's edge ids. */
export function tieIndex(graph: LayerGraph): (a: number, b: number) => string[] {
	const n = graph.nodes.length;
	const ties = new Map(graph.ties.map((tie) => [tie.source * n + tie.target, tie.edgeIds]));
	return (a, b) => ties.get(Math.min(a, b) * n + Math.max(a, b)) ?? [];
}

/** Node indexes of one shortest path from the search's source to `to`, walking predecessors back. */
export function tracePath(search: SingleSourcePaths, to: number): number[] {
	const { offsets, targets } = search.csr;
	const path = [to];
	let y = to;
	while (y !== search.source) {
		let previous = -1;
		for (let e = offsets[y]!; e < offsets[y + 1]! && previous < 0; e++) if (search.onShortestPath(targets[e]!, y, e)) previous = targets[e]!;
		if (previous < 0) throw new Error(`tracePath: node ${to} is not reached from ${search.source}`);
		path.push(previous);
		y = previous;
	}
	return path.reverse();
}

/** Shortest path on an already built layer. */
export function shortestPathOnLayer(graph: LayerGraph, from: string, to: string, csr: Csr = toCsr(graph)): ShortestPath {
	const s = graph.nodes.indexOf(from);
	const t = graph.nodes.indexOf(to);
	if (s < 0 || t < 0) throw new Error(`shortestPath: no node "${s < 0 ? from : to}" in the layer`);
	const search = new SingleSourcePaths(csr).run(s);
	if (search.dist[t] === Infinity) return { found: false, from, to };
	const ties = tieIndex(graph);
	const indexes = tracePath(search, t);
	const steps = indexes.slice(1).map((b, i) => ({ source: graph.nodes[indexes[i]!]!, target: graph.nodes[b]!, edgeIds: ties(indexes[i]!, b) }));
	return {
		found: true,
		from,
		to,
		distance: search.dist[t]!,
		count: search.sigma[t]!,
		nodes: indexes.map((v) => graph.nodes[v]!),
		steps,
		edgeIds: steps.flatMap((step) => step.edgeIds)
	};
}

export function shortestPath(dataset: Dataset, from: string, to: string, spec: LayerSpec, restriction: LayerRestriction = {}): ShortestPath {
	return shortestPathOnLayer(layerGraph(dataset, spec, restriction), from, to);
}

/**
 * A found path's length and how many there are, in words: "2 steps, one of 219 shortest routes" or "1 step, the only
 * shortest route"; with strengths used, its length as well ("3 steps, length 1.5"), which is what the routes are
 * shortest by.
 */
export function describePath(path: Extract<ShortestPath, { found: true }>, weighted: boolean): string {
	const steps = count(path.steps.length, 'step');
	const length = weighted ? `${steps}, length ${formatMetric(path.distance)}` : steps;
	return `${length}, ${path.count === 1 ? 'the only shortest route' : `one of ${count(path.count, 'shortest route')}`}`;
}
