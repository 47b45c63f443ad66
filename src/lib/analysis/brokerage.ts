// Burt's structural holes (networkx constraint and effective_size) and Gould-Fernandez brokerage roles.
// Isolated nodes have no constraint or effective size: NaN, as in networkx (null once serialised).
import type { Csr } from './csr';

/** p[v][w]: v's tie to w as a share of all v's ties (networkx normalized_mutual_weight; 1 per tie when unweighted). */
function tieShares(csr: Csr): Float64Array {
	const { n, offsets, weights, weighted } = csr;
	const shares = new Float64Array(weights.length);
	for (let v = 0; v < n; v++) {
		let total = 0;
		for (let e = offsets[v]!; e < offsets[v + 1]!; e++) total += weighted ? weights[e]! : 1;
		for (let e = offsets[v]!; e < offsets[v + 1]!; e++) shares[e] = (weighted ? weights[e]! : 1) / total;
	}
	return shares;
}

/** Burt's constraint: sum over neighbours j of (p_ij + sum_q p_iq p_qj)^2, as networkx constraint. */
export function constraint(csr: Csr): Float64Array {
	const { n, offsets, targets } = csr;
	const shares = tieShares(csr);
	const result = new Float64Array(n);
	const indirect = new Float64Array(n);
	const isNeighbour = new Uint8Array(n);
	for (let v = 0; v < n; v++) {
		const start = offsets[v]!;
		const end = offsets[v + 1]!;
		if (start === end) {
			result[v] = NaN;
			continue;
		}
		for (let e = start; e < end; e++) isNeighbour[targets[e]!] = 1;
		for (let e = start; e < end; e++) {
			const q = targets[e]!;
			const pvq = shares[e]!;
			for (let f = offsets[q]!; f < offsets[q + 1]!; f++) {
				const j = targets[f]!;
				if (isNeighbour[j]) indirect[j]! += pvq * shares[f]!;
			}
		}
		let sum = 0;
		for (let e = start; e < end; e++) {
			const j = targets[e]!;
			const local = shares[e]! + indirect[j]!;
			sum += local * local;
			indirect[j] = 0;
			isNeighbour[j] = 0;
		}
		result[v] = sum;
	}
	return result;
}

/**
 * Burt's effective size as networkx effective_size: unweighted, Borgatti's n - 2t/n (t = ties among the
 * neighbours); weighted, sum over neighbours j of 1 - sum_q p_iq m_jq, m_jq = w_jq / max_k w_jk.
 */
export function effectiveSize(csr: Csr): Float64Array {
	const { n, offsets, targets, weights, weighted } = csr;
	const shares = weighted ? tieShares(csr) : new Float64Array(0);
	const maxTie = new Float64Array(n);
	if (weighted) for (let v = 0; v < n; v++) for (let e = offsets[v]!; e < offsets[v + 1]!; e++) maxTie[v] = Math.max(maxTie[v]!, weights[e]!);
	const result = new Float64Array(n);
	const mark = new Float64Array(n);
	for (let v = 0; v < n; v++) {
		const start = offsets[v]!;
		const end = offsets[v + 1]!;
		const size = end - start;
		if (size === 0) {
			result[v] = NaN;
			continue;
		}
		// mark[j] = p_vj for neighbours of v (1 when unweighted), 0 elsewhere
		for (let e = start; e < end; e++) mark[targets[e]!] = weighted ? shares[e]! : 1;
		if (!weighted) {
			let twiceTies = 0;
			for (let e = start; e < end; e++) {
				const j = targets[e]!;
				for (let f = offsets[j]!; f < offsets[j + 1]!; f++) if (mark[targets[f]!]) twiceTies++;
			}
			result[v] = size - twiceTies / size;
		} else {
			let sum = 0;
			for (let e = start; e < end; e++) {
				const j = targets[e]!;
				let redundancy = 0;
				for (let f = offsets[j]!; f < offsets[j + 1]!; f++) redundancy += mark[targets[f]!]! * (weights[f]! / maxTie[j]!);
				sum += 1 - redundancy;
			}
			result[v] = sum;
		}
		for (let e = start; e < end; e++) mark[targets[e]!] = 0;
	}
	return result;
}

export const BROKERAGE_ROLES = ['coordinator', 'itinerant', 'gatekeeper', 'representative', 'liaison'] as const;
export type BrokerageRole = (typeof BROKERAGE_ROLES)[number];
export type BrokerageCounts = Record<BrokerageRole, number> & { total: number };

/**
 * Gould-Fernandez roles of node b on the two-paths a - b - c with a and c not tied, from the nodes' groups
 * (a node without a group is a group of its own). A layer is undirected, so each tie is read as two reciprocal
 * directed ties, as UCINET and statnet do for symmetric data: every open pair {a, c} is two paths, a->b->c and
 * c->b->a. Hence gatekeeper and representative counts are always equal here, and total = 2 x open pairs.
 * coordinator: a, b, c one group; itinerant: a, c one group, b another; representative: a, b one group, c another;
 * gatekeeper: b, c one group, a another; liaison: three groups.
 */
export function gouldFernandez(csr: Csr, groups: ReadonlyArray<string | undefined>): BrokerageCounts[] {
	return Array.from({ length: csr.n }, (_, b) => gouldFernandezOf(csr, groups, b));
}

/** gouldFernandez for node b alone: its degree squared pairs, not every node's (the broker report needs one). */
export function gouldFernandezOf(csr: Csr, groups: ReadonlyArray<string | undefined>, b: number): BrokerageCounts {
	const { offsets, targets } = csr;
	const group = (v: number) => groups[v] ?? `\u0000${v}`;
	const counts: BrokerageCounts = { coordinator: 0, itinerant: 0, gatekeeper: 0, representative: 0, liaison: 0, total: 0 };
	const start = offsets[b]!;
	const end = offsets[b + 1]!;
	const gb = group(b);
	// The neighbours' groups once, not once per pair (a hub has tens of thousands of pairs).
	const neighbourGroups = Array.from({ length: end - start }, (_, i) => group(targets[start + i]!));
	for (let e = start; e < end; e++) {
		const a = targets[e]!;
		const ga = neighbourGroups[e - start];
		for (let f = start; f < end; f++) {
			const c = targets[f]!;
			if (a === c || tied(csr, a, c)) continue;
			const gc = neighbourGroups[f - start];
			const role: BrokerageRole =
				ga === gb && gb === gc ? 'coordinator' : ga === gc ? 'itinerant' : ga === gb ? 'representative' : gb === gc ? 'gatekeeper' : 'liaison';
			counts[role]++;
			counts.total++;
		}
	}
	return counts;
}

/** Whether a and c are tied: binary search in a's sorted row. */
function tied(csr: Csr, a: number, c: number): boolean {
	let low = csr.offsets[a]!;
	let high = csr.offsets[a + 1]! - 1;
	while (low <= high) {
		const mid = (low + high) >> 1;
		const t = csr.targets[mid]!;
		if (t === c) return true;
		if (t < c) low = mid + 1;
		else high = mid - 1;
	}
	return false;
}
