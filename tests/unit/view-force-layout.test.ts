import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { describe, expect, it } from 'vitest';
import { barabasiAlbert } from '../../bench/barabasi-albert';
import { fcoseLayout, forceAtlas2Iterations, forceAtlas2Steps, separate, type ForceLayoutInput } from '$lib/view/force-layout';
import { spiralPlacement } from '$lib/view/placement';

cytoscape.use(fcose);

function input(n: number, m: number): ForceLayoutInput {
	const { edges } = barabasiAlbert(n, m, 7);
	const ids = Array.from({ length: n }, (_, i) => String(i));
	const start = spiralPlacement(ids, edges.map(([a, b]) => [String(a), String(b)] as const));
	return {
		count: n,
		pairs: Uint32Array.from(edges.flat()),
		positions: Float64Array.from(ids.flatMap((id) => [start.get(id)!.x, start.get(id)!.y])),
		sizes: new Float64Array(2 * n).fill(30),
		separate: true
	};
}

const last = <T>(steps: Iterable<T>): T => [...steps].at(-1)!;

describe('forceAtlas2Steps', () => {
	it('streams its picture in steps and ends after its iteration count', () => {
		const steps = [...forceAtlas2Steps(input(200, 2), 50)];
		const total = forceAtlas2Iterations(200);
		expect(steps.map((step) => step.done)).toEqual(Array.from({ length: Math.ceil(total / 50) }, (_, i) => Math.min(total, (i + 1) * 50)));
		expect(steps.every((step) => step.total === total && step.positions.every(Number.isFinite))).toBe(true);
	});

	it('gives the same positions for the same graph, with and without Barnes–Hut', () => {
		for (const n of [300, 1100]) {
			const first = last(forceAtlas2Steps(input(n, 2))).positions;
			expect(last(forceAtlas2Steps(input(n, 2))).positions).toEqual(first);
		}
	});

	it('draws neighbours closer together than strangers', () => {
		const job = input(300, 1);
		const at = last(forceAtlas2Steps(job)).positions;
		const distance = (a: number, b: number) => Math.hypot(at[2 * a]! - at[2 * b]!, at[2 * a + 1]! - at[2 * b + 1]!);
		let tied = 0;
		for (let e = 0; e < job.pairs.length / 2; e++) tied += distance(job.pairs[2 * e]!, job.pairs[2 * e + 1]!);
		let any = 0;
		for (let i = 0; i < 299; i++) any += distance(i, (i * 7 + 13) % 300);
		expect(tied / (job.pairs.length / 2)).toBeLessThan(any / 299 / 2);
	});
});

describe('fcoseLayout', () => {
	it('gives the same positions for the same graph: its random start is seeded', () => {
		const first = fcoseLayout(cytoscape, input(60, 2));
		expect(fcoseLayout(cytoscape, input(60, 2))).toEqual(first);
		expect(first.every(Number.isFinite)).toBe(true);
	});

	it('leaves Math.random as it was', () => {
		const random = Math.random;
		fcoseLayout(cytoscape, input(20, 1));
		expect(Math.random).toBe(random);
	});
});

describe('separate', () => {
	it('moves overlapping boxes apart and leaves the others', () => {
		const out = separate(Float64Array.from([0, 0, 5, 0, 500, 500]), new Float64Array(6).fill(20));
		expect(Math.abs(out[2]! - out[0]!)).toBeGreaterThanOrEqual(20);
		expect([out[4], out[5]]).toEqual([500, 500]);
	});
});
