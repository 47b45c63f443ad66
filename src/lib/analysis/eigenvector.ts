// Eigenvector centrality by networkx eigenvector_centrality's own power iteration: start from 1/n, multiply by
// (A + I), scale to unit Euclidean norm, stop when the L1 change is below n * tol (so disconnected graphs agree too).
// Where networkx raises PowerIterationFailedConvergence (long chains and grids, whose two largest eigenvalues are
// almost equal, take more rounds than the cap), this gives NaN for every node: no value rather than an unsettled one.
import type { Csr } from './csr';

export interface EigenvectorOptions {
	maxIterations?: number;
	tolerance?: number;
}

export const EIGENVECTOR_DEFAULTS = { maxIterations: 10_000, tolerance: 1e-13 };

export function eigenvectorCentrality(csr: Csr, options: EigenvectorOptions = {}): Float64Array {
	const { maxIterations, tolerance } = { ...EIGENVECTOR_DEFAULTS, ...options };
	const { n, offsets, targets, weights, weighted } = csr;
	if (n === 0) return new Float64Array(0);
	let x = new Float64Array(n).fill(1 / n);
	for (let iteration = 0; iteration < maxIterations; iteration++) {
		const last = x;
		x = Float64Array.from(last);
		for (let v = 0; v < n; v++) {
			const xv = last[v]!;
			for (let e = offsets[v]!; e < offsets[v + 1]!; e++) x[targets[e]!]! += xv * (weighted ? weights[e]! : 1);
		}
		let squares = 0;
		for (let v = 0; v < n; v++) squares += x[v]! * x[v]!;
		const norm = Math.sqrt(squares) || 1;
		let change = 0;
		for (let v = 0; v < n; v++) {
			x[v]! /= norm;
			change += Math.abs(x[v]! - last[v]!);
		}
		if (change < n * tolerance) return x;
	}
	return x.fill(NaN);
}
