// PageRank as networkx pagerank (alpha 0.85): start from 1/n, a dangling node (no ties, e.g. isolated) spreads its
// rank over all nodes, stop when the L1 change is below n * tol. Weighted layers move rank in proportion to weight.
import type { Csr } from './csr';

export interface PageRankOptions {
	alpha?: number;
	maxIterations?: number;
	tolerance?: number;
}

const DEFAULTS = { alpha: 0.85, maxIterations: 10_000, tolerance: 1e-13 };

export function pagerank(csr: Csr, options: PageRankOptions = {}): Float64Array {
	const { alpha, maxIterations, tolerance } = { ...DEFAULTS, ...options };
	const { n, offsets, targets, weights, weighted } = csr;
	if (n === 0) return new Float64Array(0);
	const strength = new Float64Array(n);
	for (let v = 0; v < n; v++)
		for (let e = offsets[v]!; e < offsets[v + 1]!; e++) strength[v]! += weighted ? weights[e]! : 1;
	let x = new Float64Array(n).fill(1 / n);
	for (let iteration = 0; iteration < maxIterations; iteration++) {
		const last = x;
		x = new Float64Array(n);
		let dangling = 0;
		for (let v = 0; v < n; v++) {
			if (strength[v] === 0) {
				dangling += last[v]!;
				continue;
			}
			const share = last[v]! / strength[v]!;
			for (let e = offsets[v]!; e < offsets[v + 1]!; e++) x[targets[e]!]! += share * (weighted ? weights[e]! : 1);
		}
		const base = (alpha * dangling) / n + (1 - alpha) / n;
		let change = 0;
		for (let v = 0; v < n; v++) {
			x[v] = alpha * x[v]! + base;
			change += Math.abs(x[v]! - last[v]!);
		}
		if (change < n * tolerance) return x;
	}
	throw new Error(`pagerank: no convergence in ${maxIterations} iterations (tolerance ${tolerance})`);
}
