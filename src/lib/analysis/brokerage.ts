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
	const marks = new Uint8Array(csr.n);
	return Array.from({ length: csr.n }, (_, b) => rolesAt(csr, groups, b, marks));
}

/**
 * gouldFernandez for node b alone, in time linear in its neighbours' ties (a hub of 10,000 partners has 10^8 pairs):
 * every ordered pair of b's neighbours counted by their groups' sizes, then each pair tied to each other taken back.
 */
export function gouldFernandezOf(csr: Csr, groups: ReadonlyArray<string | undefined>, b: number): BrokerageCounts {
	return rolesAt(csr, groups, b, new Uint8Array(csr.n));
}

/** gouldFernandezOf with `neighbour`, all zero, to mark b's neighbours in (and cleared again before it returns). */
function rolesAt(csr: Csr, groups: ReadonlyArray<string | undefined>, b: number, neighbour: Uint8Array): BrokerageCounts {
	const { offsets, targets } = csr;
	const group = (v: number) => groups[v] ?? `\u0000${v}`;
	const gb = group(b);
	const start = offsets[b]!;
	const end = offsets[b + 1]!;
	const sizes = new Map<string, number>();
	for (let e = start; e < end; e++) {
		const g = group(targets[e]!);
		sizes.set(g, (sizes.get(g) ?? 0) + 1);
	}
	const own = sizes.get(gb) ?? 0;
	const others = end - start - own;
	const counts: BrokerageCounts = { coordinator: own * Math.max(own - 1, 0), itinerant: 0, gatekeeper: own * others, representative: own * others, liaison: 0, total: 0 };
	for (const [g, size] of sizes) {
		if (g === gb) continue;
		counts.itinerant += size * (size - 1);
		counts.liaison += size * (others - size);
	}
	for (let e = start; e < end; e++) neighbour[targets[e]!] = 1;
	for (let e = start; e < end; e++) {
		const a = targets[e]!;
		const ga = group(a);
		for (let f = offsets[a]!; f < offsets[a + 1]!; f++) {
			const c = targets[f]!;
			if (c !== a && neighbour[c]) counts[role(ga, gb, group(c))]--;
		}
	}
	for (let e = start; e < end; e++) neighbour[targets[e]!] = 0;
	counts.total = BROKERAGE_ROLES.reduce((sum, r) => sum + counts[r], 0);
	return counts;
}

/** The role of b on the two-path a -> b -> c, from the three nodes' groups. */
function role(ga: string, gb: string, gc: string): BrokerageRole {
	return ga === gb && gb === gc ? 'coordinator' : ga === gc ? 'itinerant' : ga === gb ? 'representative' : gb === gc ? 'gatekeeper' : 'liaison';
}
