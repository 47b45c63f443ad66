// Csr: a layer's adjacency compressed into typed arrays, the form every hot loop and worker reads.
// Row i lists node i's neighbours in ascending index order; each undirected tie appears in both rows.
import type { LayerGraph } from './layer';

export interface Csr {
	/** number of nodes */
	n: number;
	/** row i is targets[offsets[i] .. offsets[i + 1]) */
	offsets: Int32Array;
	targets: Int32Array;
	/** pair strengths, parallel to targets */
	weights: Float64Array;
	/** path lengths, parallel to targets: 1/strength when weighted (a strong tie is a short step), else 1 */
	lengths: Float64Array;
	/** whether path lengths, eigenvector, PageRank and constraint use the strengths */
	weighted: boolean;
}

export function toCsr(graph: Pick<LayerGraph, 'nodes' | 'ties' | 'weighted'>): Csr {
	const n = graph.nodes.length;
	const offsets = new Int32Array(n + 1);
	for (const { source, target } of graph.ties) {
		offsets[source + 1]!++;
		offsets[target + 1]!++;
	}
	for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
	const fill = offsets.slice(0, n);
	const targets = new Int32Array(offsets[n]!);
	const weights = new Float64Array(offsets[n]!);
	// Ties sorted by (source, target) fill every row in ascending order already; the per-row insertion sort
	// costs one pass then, and keeps neighbour order right for ties given in any order.
	for (const { source, target, weight } of graph.ties) {
		targets[fill[source]!] = target;
		weights[fill[source]!++] = weight;
		targets[fill[target]!] = source;
		weights[fill[target]!++] = weight;
	}
	for (let i = 0; i < n; i++) sortRow(targets, weights, offsets[i]!, offsets[i + 1]!);
	const lengths = graph.weighted ? weights.map((weight) => 1 / weight) : new Float64Array(weights.length).fill(1);
	return { n, offsets, targets, weights, lengths, weighted: graph.weighted };
}

function sortRow(targets: Int32Array, weights: Float64Array, start: number, end: number): void {
	for (let i = start + 1; i < end; i++) {
		const t = targets[i]!;
		const w = weights[i]!;
		let j = i - 1;
		while (j >= start && targets[j]! > t) {
			targets[j + 1] = targets[j]!;
			weights[j + 1] = weights[j]!;
			j--;
		}
		targets[j + 1] = t;
		weights[j + 1] = w;
	}
}
