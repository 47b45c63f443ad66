// Betweenness, closeness and harmonic centrality from one shortest-path search per source (Brandes 2001),
// over any range of sources, so workers can split the sources and the partial sums merge by addition; a broker
// report's sums can ride along on the same searches.
import type { BrokerAccumulator } from './broker';
import type { Csr } from './csr';
import { SingleSourcePaths } from './shortest-paths';

/** Raw sums over a range of sources: betweenness over all nodes, closeness and harmonic at the sources. */
export interface PathPartial {
	betweenness: Float64Array;
	closeness: Float64Array;
	harmonic: Float64Array;
}

export type PathCentrality = PathPartial;

export function emptyPathPartial(n: number): PathPartial {
	return { betweenness: new Float64Array(n), closeness: new Float64Array(n), harmonic: new Float64Array(n) };
}

/** `parts` contiguous source ranges [start, end) of near-equal size covering 0..n. */
export function splitSources(n: number, parts: number): Array<[number, number]> {
	const count = Math.max(1, Math.min(parts, n));
	return Array.from({ length: count }, (_, i): [number, number] => [Math.floor((i * n) / count), Math.floor(((i + 1) * n) / count)]);
}

/**
 * Adds the contributions of sources start..end-1 into `into`. Each search yields the source's closeness
 * (networkx closeness_centrality, wf_improved=True) and harmonic centrality, and its pair dependencies
 * accumulated backwards as coef[w] = (1 + delta[w]) / sigma[w], read from successors: no predecessor lists.
 */
export function accumulatePathCentrality(
	csr: Csr,
	start: number,
	end: number,
	into: PathPartial = emptyPathPartial(csr.n),
	onProgress?: (sourcesDone: number) => void,
	broker?: BrokerAccumulator
): PathPartial {
	const every = Math.max(1, Math.floor((end - start) / 100));
	const report = onProgress && ((s: number) => ((s - start + 1) % every === 0 || s === end - 1) && onProgress(s - start + 1));
	if (csr.weighted) weightedRange(csr, start, end, into, report, broker);
	else unweightedRange(csr, start, end, into, report, broker);
	return into;
}

function closenessOf(n: number, reached: number, total: number): number {
	return total > 0 && n > 1 ? ((reached - 1) / total) * ((reached - 1) / (n - 1)) : 0;
}

// Breadth-first by whole levels. A level's sigma is the sum of sigma over all its nodes' neighbours: nodes of the
// same level are written only after the level is summed and undiscovered ones are 0, so only parents count and the
// inner loops carry no branch on distance; the backward pass does the same with coef. On BA(10000,5), one thread,
// this took 9.0 s here where the textbook loop with distance tests took 12.3 s.
function unweightedRange(csr: Csr, start: number, end: number, into: PathPartial, report?: (s: number) => void, broker?: BrokerAccumulator): void {
	const { n, offsets, targets } = csr;
	const { betweenness, closeness, harmonic } = into;
	const dist = new Int32Array(n).fill(-1);
	const sigma = new Float64Array(n);
	const coef = new Float64Array(n);
	const sums = new Float64Array(n);
	const order = new Int32Array(n);
	const levelStart = new Int32Array(n + 2);
	for (let s = start; s < end; s++) {
		dist[s] = 0;
		sigma[s] = 1;
		order[0] = s;
		let tail = 1;
		for (let e = offsets[s]!, stop = offsets[s + 1]!; e < stop; e++) {
			const x = targets[e]!;
			dist[x] = 1;
			order[tail++] = x;
		}
		levelStart[0] = 0;
		levelStart[1] = 1;
		levelStart[2] = tail;
		let levels = tail > 1 ? 2 : 1;
		let total = 0;
		let inverse = 0;
		for (let level = 1; level < levels; level++) {
			const a = levelStart[level]!;
			const b = levelStart[level + 1]!;
			const next = level + 1;
			for (let i = a; i < b; i++) {
				const w = order[i]!;
				let acc = 0;
				for (let e = offsets[w]!, stop = offsets[w + 1]!; e < stop; e++) {
					const x = targets[e]!;
					acc += sigma[x]!;
					if (dist[x]! < 0) {
						dist[x] = next;
						order[tail++] = x;
					}
				}
				sums[i] = acc;
			}
			for (let i = a; i < b; i++) sigma[order[i]!] = sums[i]!;
			total += level * (b - a);
			inverse += (b - a) / level;
			if (tail > b) levelStart[++levels] = tail;
		}
		closeness[s] = closenessOf(n, tail, total);
		harmonic[s] = inverse;
		broker?.add(s, dist, sigma, order, tail);
		for (let level = levels - 1; level >= 1; level--) {
			const a = levelStart[level]!;
			const b = levelStart[level + 1]!;
			for (let i = a; i < b; i++) {
				const w = order[i]!;
				let acc = 0;
				for (let e = offsets[w]!, stop = offsets[w + 1]!; e < stop; e++) acc += coef[targets[e]!]!;
				sums[i] = acc;
			}
			for (let i = a; i < b; i++) {
				const w = order[i]!;
				const acc = sums[i]!;
				betweenness[w]! += sigma[w]! * acc;
				coef[w] = 1 / sigma[w]! + acc;
			}
		}
		for (let i = 0; i < tail; i++) {
			const v = order[i]!;
			dist[v] = -1;
			sigma[v] = 0;
			coef[v] = 0;
		}
		report?.(s);
	}
}

// Dijkstra on the lengths (1/strength), as networkx does for weight='length'; a successor is a neighbour x with
// dist[w] + length === dist[x] exactly, the same test networkx applies when it records predecessors.
function weightedRange(csr: Csr, start: number, end: number, into: PathPartial, report?: (s: number) => void, broker?: BrokerAccumulator): void {
	const { n, offsets, targets, lengths } = csr;
	const { betweenness, closeness, harmonic } = into;
	const search = new SingleSourcePaths(csr);
	const { dist, sigma, order } = search;
	const coef = new Float64Array(n);
	for (let s = start; s < end; s++) {
		search.run(s);
		const reached = search.reached;
		let total = 0;
		let inverse = 0;
		for (let i = 1; i < reached; i++) {
			const d = dist[order[i]!]!;
			total += d;
			inverse += 1 / d;
		}
		closeness[s] = closenessOf(n, reached, total);
		harmonic[s] = inverse;
		broker?.add(s, dist, sigma, order, reached);
		for (let i = reached - 1; i > 0; i--) {
			const w = order[i]!;
			const dw = dist[w]!;
			let acc = 0;
			for (let e = offsets[w]!, stop = offsets[w + 1]!; e < stop; e++) {
				const x = targets[e]!;
				if (dw + lengths[e]! === dist[x]!) acc += coef[x]!;
			}
			betweenness[w]! += sigma[w]! * acc;
			coef[w] = 1 / sigma[w]! + acc;
		}
		report?.(s);
	}
}

/** Adds partial sums from other ranges into the first. */
export function mergePathPartials(partials: PathPartial[]): PathPartial {
	const [first, ...rest] = partials;
	if (!first) throw new Error('mergePathPartials: no partial results');
	for (const part of rest)
		for (const key of ['betweenness', 'closeness', 'harmonic'] as const) {
			const target = first[key];
			const source = part[key];
			for (let i = 0; i < target.length; i++) target[i]! += source[i]!;
		}
	return first;
}

/** Scales raw betweenness as networkx betweenness_centrality(normalized=True) does for undirected graphs. */
export function finishPathCentrality(n: number, partial: PathPartial): PathCentrality {
	if (n > 2) {
		const scale = 1 / ((n - 1) * (n - 2));
		for (let i = 0; i < n; i++) partial.betweenness[i]! *= scale;
	}
	return partial;
}

/** All three metrics in this thread (the workers' runner splits the same work by source ranges). */
export function pathCentrality(csr: Csr, onProgress?: (sourcesDone: number) => void): PathCentrality {
	return finishPathCentrality(csr.n, accumulatePathCentrality(csr, 0, csr.n, emptyPathPartial(csr.n), onProgress));
}
