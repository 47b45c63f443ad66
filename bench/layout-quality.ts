// npx tsx bench/layout-quality.ts: how the page's ForceAtlas2 settles on Barabási–Albert graphs (3,000 / 6,000 and
// 10,000 / 50,000) as iterations grow, to choose forceAtlas2Iterations. Prints, per iteration count: time, the
// closest two of the 20 largest hubs and the mean tie length, both as a share of the drawing's width (hubs drawn
// apart: the first stays well above zero; a settled layout: the second stops changing).
import { loadavg } from 'node:os';
import { forceAtlas2Iterations, forceAtlas2Steps } from '../src/lib/view/force-layout';
import { indexPairs, spiralPlacement } from '../src/lib/view/placement';
import { barabasiAlbert } from './barabasi-albert';

const SIZES = [
	{ nodes: 3000, m: 2 },
	{ nodes: 10_000, m: 5 }
];

function measure(positions: Float64Array, pairs: Uint32Array, count: number) {
	const degree = new Uint32Array(count);
	for (const end of pairs) degree[end]! += 1;
	let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
	for (let i = 0; i < count; i++) {
		[x1, x2] = [Math.min(x1, positions[2 * i]!), Math.max(x2, positions[2 * i]!)];
		[y1, y2] = [Math.min(y1, positions[2 * i + 1]!), Math.max(y2, positions[2 * i + 1]!)];
	}
	const width = Math.max(x2 - x1, y2 - y1);
	const distance = (a: number, b: number) => Math.hypot(positions[2 * a]! - positions[2 * b]!, positions[2 * a + 1]! - positions[2 * b + 1]!);
	const hubs = Array.from({ length: count }, (_, i) => i)
		.sort((a, b) => degree[b]! - degree[a]!)
		.slice(0, 20);
	let closest = Infinity;
	for (const a of hubs) for (const b of hubs) if (a < b) closest = Math.min(closest, distance(a, b));
	let length = 0;
	for (let e = 0; e < pairs.length / 2; e++) length += distance(pairs[2 * e]!, pairs[2 * e + 1]!);
	return { hubs: closest / width, tie: length / (pairs.length / 2) / width };
}

console.log(`# npx tsx bench/layout-quality.ts: load average ${loadavg()[0]!.toFixed(1)} at the start`);
for (const { nodes, m } of SIZES) {
	const { edges } = barabasiAlbert(nodes, m, 1);
	const ids = Array.from({ length: nodes }, (_, i) => `n${i}`);
	const ties = edges.map(([a, b]) => ({ source: `n${a}`, target: `n${b}` }));
	const start = spiralPlacement(
		ids,
		ties.map((tie) => [tie.source, tie.target] as const)
	);
	const pairs = indexPairs(ids, ties);
	const chosen = forceAtlas2Iterations(nodes);
	console.log(`\n## BA ${nodes} / ${edges.length} (the page runs ${chosen} iterations)\n\n| iterations | ms | closest hubs / width | mean tie / width |\n| --- | --- | --- | --- |`);
	for (const total of [...new Set([Math.round(chosen / 2), chosen, chosen * 2, chosen * 4])]) {
		const positions = Float64Array.from(ids.flatMap((id) => [start.get(id)!.x, start.get(id)!.y]));
		const began = performance.now();
		let final: Float64Array = positions;
		for (const step of forceAtlas2Steps({ count: nodes, pairs, positions, sizes: new Float64Array(2 * nodes), separate: false }, 50, total)) final = step.positions;
		const ms = Math.round(performance.now() - began);
		const { hubs, tie } = measure(final, pairs, nodes);
		console.log(`| ${total} | ${ms} | ${hubs.toFixed(3)} | ${tie.toFixed(3)} |`);
	}
}
