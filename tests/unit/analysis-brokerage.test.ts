import { describe, expect, it } from 'vitest';
import { constraint, effectiveSize, gouldFernandez, gouldFernandezOf } from '../../src/lib/analysis/brokerage';
import { toCsr } from '../../src/lib/analysis/csr';

/** A Csr from named ties; nodes are numbered in order of first appearance in `names`. */
function csrOf(names: string[], ties: Array<[string, string, number?]>, weighted = false) {
	const index = new Map(names.map((name, i) => [name, i]));
	return toCsr({
		nodes: names,
		weighted,
		ties: ties.map(([a, b, weight = 1]) => {
			const [x, y] = [index.get(a)!, index.get(b)!];
			return { source: Math.min(x, y), target: Math.max(x, y), weight, edgeIds: [] };
		})
	});
}

describe("Burt's constraint and effective size, by hand", () => {
	// Ego E tied to A, B and C; A and B tied to each other. Unweighted, so p_ij = 1 / degree(i):
	//   p_E. = 1/3, p_A. = p_B. = 1/2, p_C. = 1.
	// constraint(E) = (p_EA + p_EB p_BA)^2 + (p_EB + p_EA p_AB)^2 + p_EC^2 = (1/3 + 1/6)^2 * 2 + 1/9 = 1/2 + 1/9 = 11/18
	// constraint(A) = (p_AE + p_AB p_BE)^2 + (p_AB + p_AE p_EB)^2 = (3/4)^2 + (2/3)^2 = 145/144
	// constraint(C) = p_CE^2 = 1 (E's other contacts are not C's)
	// effective size (Borgatti, n - 2t/n): E has n = 3 contacts and t = 1 tie among them: 3 - 2/3 = 7/3; C: 1; A: 2 - 2/2 = 1
	const csr = csrOf(['E', 'A', 'B', 'C', 'alone'], [['E', 'A'], ['E', 'B'], ['E', 'C'], ['A', 'B']]);

	it('gives the hand values, and NaN for an isolated node as networkx does', () => {
		const c = constraint(csr);
		expect([c[0]! - 11 / 18, c[1]! - 145 / 144, c[3]! - 1].map(Math.abs).every((off) => off < 1e-15)).toBe(true);
		expect(c[4]).toBeNaN();
		const e = effectiveSize(csr);
		expect([e[0], e[1], e[3]]).toEqual([7 / 3, 1, 1]);
		expect(e[4]).toBeNaN();
	});

	it('weighs redundancy by tie strength when weighted', () => {
		// Triangle E-A 2, E-B 1, A-B 1. p_EA = 2/3, p_EB = 1/3; m_jq = w_jq / (j's strongest tie):
		// m_AB = 1/2 (A's strongest is E, 2), m_BA = 1/1. effective size(E) = (1 - p_EB m_AB) + (1 - p_EA m_BA)
		//   = (1 - 1/6) + (1 - 2/3) = 7/6
		const weighted = csrOf(['E', 'A', 'B'], [['E', 'A', 2], ['E', 'B', 1], ['A', 'B', 1]], true);
		expect(Math.abs(effectiveSize(weighted)[0]! - 7 / 6)).toBeLessThan(1e-15);
	});
});

describe('Gould-Fernandez brokerage roles, by hand', () => {
	// Groups: b, a1, a2, m in X; c, k, e in Y; d in Z. Ties: b-a1, b-a2, b-c, b-d, a1-a2, k-c, k-e, m-c, m-e.
	// Each undirected tie reads as two directed ones, so an open pair {x, y} at broker v is x->v->y and y->v->x.
	// b: open pairs {a1,c} {a1,d} {a2,c} {a2,d} {c,d} ({a1,a2} is closed).
	//    a1->b->c: a, b in X, c in Y: representative; c->b->a1: b, c in X, a in Y: gatekeeper. Same for the other three.
	//    c->b->d and d->b->c: three groups: liaison x2.  => representative 4, gatekeeper 4, liaison 2, total 10
	// k (Y): {c, e} both Y: coordinator x2.   m (X): {c, e} both Y, m not: itinerant x2.
	// c (Y): {b,k}: b->c->k gatekeeper, k->c->b representative; {b,m} both X: itinerant x2; {k,m}: representative + gatekeeper.
	const names = ['b', 'a1', 'a2', 'c', 'd', 'k', 'e', 'm'];
	const groups = ['X', 'X', 'X', 'Y', 'Z', 'Y', 'Y', 'X'];
	const csr = csrOf(names, [['b', 'a1'], ['b', 'a2'], ['b', 'c'], ['b', 'd'], ['a1', 'a2'], ['k', 'c'], ['k', 'e'], ['m', 'c'], ['m', 'e']]);
	const roles = Object.fromEntries(gouldFernandez(csr, groups).map((counts, v) => [names[v], counts]));

	it('counts every role of the hand count', () => {
		expect(roles.b).toEqual({ coordinator: 0, itinerant: 0, gatekeeper: 4, representative: 4, liaison: 2, total: 10 });
		expect(roles.k).toEqual({ coordinator: 2, itinerant: 0, gatekeeper: 0, representative: 0, liaison: 0, total: 2 });
		expect(roles.m).toEqual({ coordinator: 0, itinerant: 2, gatekeeper: 0, representative: 0, liaison: 0, total: 2 });
		expect(roles.c).toEqual({ coordinator: 0, itinerant: 2, gatekeeper: 2, representative: 2, liaison: 0, total: 6 });
	});

	it('counts one node alone as it counts it among all (the broker report asks for one)', () => {
		names.forEach((name, v) => expect(gouldFernandezOf(csr, groups, v)).toEqual(roles[name]));
	});

	it('gives no role on a closed pair, and treats a node without a group as a group of its own', () => {
		expect(roles.a1!.total).toBe(0);
		const ungrouped = gouldFernandez(csrOf(['v', 'x', 'y'], [['v', 'x'], ['v', 'y']]), ['G', 'G', undefined])[0]!;
		expect(ungrouped).toMatchObject({ representative: 1, gatekeeper: 1, total: 2 });
	});
});

describe('Gould-Fernandez brokerage roles, against every pair', () => {
	/** The definition pair by pair: each ordered pair of b's neighbours not tied to each other, its role from the groups. */
	function byPairs(ties: Set<string>, neighbours: number[][], groups: Array<string | undefined>, b: number) {
		const group = (v: number) => groups[v] ?? `own ${v}`;
		const counts = { coordinator: 0, itinerant: 0, gatekeeper: 0, representative: 0, liaison: 0, total: 0 };
		for (const a of neighbours[b]!)
			for (const c of neighbours[b]!) {
				if (a === c || ties.has(`${a} ${c}`)) continue;
				const [ga, gb, gc] = [group(a), group(b), group(c)];
				counts[ga === gb && gb === gc ? 'coordinator' : ga === gc ? 'itinerant' : ga === gb ? 'representative' : gb === gc ? 'gatekeeper' : 'liaison']++;
				counts.total++;
			}
		return counts;
	}

	it('counts as the pairs do on random graphs with three groups and ungrouped nodes', () => {
		let seed = 7;
		const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
		for (const [n, p] of [[12, 0.5], [40, 0.15], [60, 0.6]] as const) {
			const names = Array.from({ length: n }, (_, i) => `v${i}`);
			const groups = names.map(() => [undefined, 'X', 'Y', 'Z'][Math.floor(random() * 4)]);
			const pairs: Array<[string, string]> = [];
			const ties = new Set<string>();
			const neighbours: number[][] = names.map(() => []);
			for (let a = 0; a < n; a++)
				for (let c = a + 1; c < n; c++)
					if (random() < p) {
						pairs.push([names[a]!, names[c]!]);
						ties.add(`${a} ${c}`).add(`${c} ${a}`);
						neighbours[a]!.push(c);
						neighbours[c]!.push(a);
					}
			const csr = csrOf(names, pairs);
			const all = gouldFernandez(csr, groups);
			names.forEach((_, b) => {
				const expected = byPairs(ties, neighbours, groups, b);
				expect(gouldFernandezOf(csr, groups, b)).toEqual(expected);
				expect(all[b]).toEqual(expected);
			});
		}
	});

	it('counts a hub of 20,000 partners: 20,000 x 19,999 open paths, a tied pair of them taken back', () => {
		const names = ['hub', ...Array.from({ length: 20_000 }, (_, i) => `leaf${i}`)];
		const ties: Array<[string, string]> = names.slice(1).map((leaf) => ['hub', leaf]);
		const groups = names.map((_, i) => (i === 0 ? 'H' : i % 2 ? 'X' : 'Y'));
		const counts = gouldFernandezOf(csrOf(names, [...ties, ['leaf1', 'leaf2']]), groups, 0);
		// 10,000 leaves in X, 10,000 in Y, none in the hub's group: itinerant within X and within Y, liaison across;
		// leaf1 (X) and leaf2 (Y) are tied, so their two paths, both liaison, are not open.
		expect(counts).toEqual({ coordinator: 0, itinerant: 2 * 10_000 * 9_999, gatekeeper: 0, representative: 0, liaison: 2 * 10_000 * 10_000 - 2, total: 20_000 * 19_999 - 2 });
	});
});

