// Degree centrality (networkx degree_centrality: neighbours / (n - 1)) and weighted degree (networkx
// G.degree(weight='weight'): the sum of the tie weights, whatever the layer's `weighted` option).
import type { Csr } from './csr';

export function degreeCentrality(csr: Csr): Float64Array {
	const { n, offsets } = csr;
	const result = new Float64Array(n);
	if (n === 1) result[0] = 1;
	const scale = n > 1 ? 1 / (n - 1) : 0;
	for (let v = 0; v < n && n > 1; v++) result[v] = (offsets[v + 1]! - offsets[v]!) * scale;
	return result;
}

export function weightedDegree(csr: Csr): Float64Array {
	const { n, offsets, weights } = csr;
	const result = new Float64Array(n);
	for (let v = 0; v < n; v++) {
		let sum = 0;
		for (let e = offsets[v]!; e < offsets[v + 1]!; e++) sum += weights[e]!;
		result[v] = sum;
	}
	return result;
}
