// brokerReport: what one node (the US, by default in the brief) does between the others on a layer: its rank on
// every metric, the pairs whose shortest paths it carries, Burt's and Gould-Fernandez' measures, and removal impact.
// Pair lists are capped (the top `pairs`, with totals), so memory grows with the nodes, not with their pairs.
import type { Dataset } from '../model';
import { gouldFernandezOf, type BrokerageCounts } from './brokerage';
import { toCsr, type Csr } from './csr';
import { count, formatMetric, rankWords, whole } from './format';
import { describeLayer, layerGraph, type LayerGraph, type LayerRestriction, type LayerSpec } from './layer';
import { computeMetricArrays, METRICS, type ComputeOptions, type MetricId } from './metrics';
import { tieIndex } from './paths';
import { MinHeap, SingleSourcePaths } from './shortest-paths';
import { TopList } from './top-list';

export interface MetricRank {
	metric: MetricId;
	value: number | null;
	/** 1 = most central (least constrained for constraint); ties share the best rank; null when undefined */
	rank: number | null;
	/** nodes with a value on the metric (those ranked) */
	of: number;
	/** other nodes with exactly the broker's value, sharing its rank (0 when undefined) */
	tiedWith: number;
}

export interface BridgedPair {
	source: string;
	target: string;
	/** share of the pair's shortest paths that run through the broker (its pair dependency) */
	share: number;
	/** number of shortest paths between the pair */
	paths: number;
	distance: number;
}

export interface AffectedPair {
	source: string;
	target: string;
	/** distance on the layer with the broker */
	before: number;
	/** distance without it; null when the pair is cut apart */
	after: number | null;
}

export interface BrokerReport {
	broker: string;
	label: string;
	layer: LayerSpec;
	/** the layer in one sentence */
	layerSentence: string;
	ranks: MetricRank[];
	/** pairs whose shortest paths run through the broker: how many, for how many it is the only route, and the top ones */
	bridged: { total: number; sole: number; top: BridgedPair[] };
	constraint: number | null;
	effectiveSize: number | null;
	brokerage: BrokerageCounts;
	removal: {
		components: { before: number; after: number };
		efficiency: { before: number; after: number };
		/** pairs cut apart or made farther by removing the broker: cut ones first, then by how much farther; the top ones */
		affected: AffectedPair[];
		disconnected: number;
		lengthened: number;
	};
	/** what to light up: the broker and its own ties that carry the paths it bridges, everything else dimmed */
	highlight: { nodes: string[]; edgeIds: string[]; centre: string[]; dim: true };
	headline: string;
}

/**
 * Node v's competition rank (1, 2, 2, 4) by the metric's order among the nodes with a value: one more than the nodes
 * ahead of it (NaN gets none); how many nodes have a value, and how many others share v's.
 */
export function rankOf(values: Float64Array, order: 'asc' | 'desc', v: number): Pick<MetricRank, 'rank' | 'of' | 'tiedWith'> {
	const value = values[v]!;
	let ahead = 0;
	let level = 0;
	let of = 0;
	for (const other of values) {
		if (Number.isNaN(other)) continue;
		of++;
		if (other === value) level++;
		else if (order === 'desc' ? other > value : other < value) ahead++;
	}
	return Number.isNaN(value) ? { rank: null, of, tiedWith: 0 } : { rank: ahead + 1, of, tiedWith: level - 1 };
}

export function componentCount(csr: Csr, skip = -1): number {
	const seen = new Uint8Array(csr.n);
	const stack: number[] = [];
	let count = 0;
	for (let root = 0; root < csr.n; root++) {
		if (seen[root] || root === skip) continue;
		count++;
		seen[root] = 1;
		stack.push(root);
		while (stack.length) {
			const v = stack.pop()!;
			for (let e = csr.offsets[v]!; e < csr.offsets[v + 1]!; e++) {
				const w = csr.targets[e]!;
				if (!seen[w] && w !== skip) {
					seen[w] = 1;
					stack.push(w);
				}
			}
		}
	}
	return count;
}

/**
 * Whether two path lengths are equal. Lengths 1/strength summed in different orders (s to v to t against s to t)
 * differ in the last bits, so equality allows a relative 1e-9.
 */
export function sameLength(a: number, b: number): boolean {
	return a === b || (Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)));
}

/** The layer with every tie of node v removed (v stays, isolated, so indexes do not move). */
function withoutTiesOf(graph: LayerGraph, v: number): LayerGraph {
	return { ...graph, ties: graph.ties.filter((tie) => tie.source !== v && tie.target !== v) };
}

export interface BrokerOptions extends ComputeOptions, LayerRestriction {
	/** how many pairs the bridged and affected lists keep (the largest first); totals count them all. Default 30 */
	pairs?: number;
	/** every metric of this layer, computed already (the CLI and the page have them) */
	arrays?: Record<MetricId, Float64Array>;
	/** the broker's layer, made already (brokerLayerOf) from the layer graph of this spec and restriction */
	built?: BrokerLayer;
}

/** A pair of the kernel, by node index; ids come when the report is finished. */
export interface IndexedBridgedPair {
	s: number;
	t: number;
	share: number;
	paths: number;
	distance: number;
}

export interface IndexedAffectedPair {
	s: number;
	t: number;
	before: number;
	after: number | null;
}

/** The broker's sums over a range of sources: what workers compute apart and merge by adding. */
export interface BrokerPartial {
	efficiencyBefore: number;
	efficiencyAfter: number;
	bridgedTotal: number;
	sole: number;
	disconnected: number;
	affectedTotal: number;
	bridged: IndexedBridgedPair[];
	affected: IndexedAffectedPair[];
	/** 1 for every node in a pair the broker bridges: its ties toward them are those through which it bridges */
	bridgedEnd: Uint8Array;
}

const increase = (pair: { before: number; after: number | null }) => (pair.after === null ? Infinity : pair.after - pair.before);
const byShare = (a: IndexedBridgedPair, b: IndexedBridgedPair) => b.share - a.share || a.distance - b.distance;
const byIncrease = (a: IndexedAffectedPair, b: IndexedAffectedPair) => (increase(b) === increase(a) ? 0 : increase(b) > increase(a) ? 1 : -1);

/** The layer of a broker report: its graph, adjacency with and without the broker's ties, and the broker's index. */
export interface BrokerLayer {
	graph: LayerGraph;
	csr: Csr;
	reduced: Csr;
	v: number;
}

export function brokerLayer(dataset: Dataset, brokerId: string, spec: LayerSpec, restriction: LayerRestriction = {}): BrokerLayer {
	return brokerLayerOf(layerGraph(dataset, spec, restriction), brokerId);
}

/** The broker's layer from a layer graph made already (the page has the one its metrics came from). */
export function brokerLayerOf(graph: LayerGraph, brokerId: string): BrokerLayer {
	const v = graph.nodes.indexOf(brokerId);
	if (v < 0) throw new Error(`brokerReport: no node "${brokerId}" in the dataset`);
	return { graph, csr: toCsr(graph), reduced: toCsr(withoutTiesOf(graph, v)), v };
}

/**
 * The broker's sums over sources, one finished shortest-path search at a time: efficiency with and without it, the
 * pairs (s, t > s) whose shortest paths it carries and those its removal cuts apart or lengthens. A pair's distance
 * changes without the broker only when every one of its shortest paths runs through it, so only those targets are
 * searched again, from the nodes around them whose distance stays. The path-centrality kernel feeds it its own
 * searches, so the metrics and the broker report cost one search per source together.
 */
export class BrokerAccumulator {
	readonly partial: BrokerPartial;
	private readonly brokerDist: Float64Array;
	private readonly brokerSigma: Float64Array;
	private readonly bridged: TopList<IndexedBridgedPair>;
	private readonly affected: TopList<IndexedAffectedPair>;
	private readonly cut: Int32Array;
	private readonly inCut: Uint8Array;
	private readonly after: Float64Array;
	private readonly done: Uint8Array;
	private readonly heap: MinHeap;
	private readonly queue: Int32Array;

	/**
	 * `from`: the sums of the sources before those to come, for this broker and limit, to go on from; the sums then add
	 * in the same order as in one run, and a kept list offered again in its order is the same list.
	 */
	constructor(
		private readonly csr: Csr,
		readonly broker: number,
		limit: number,
		from?: BrokerPartial
	) {
		const { n } = csr;
		const fromBroker = new SingleSourcePaths(csr).run(broker);
		this.brokerDist = Float64Array.from(fromBroker.dist);
		this.brokerSigma = Float64Array.from(fromBroker.sigma);
		this.bridged = new TopList<IndexedBridgedPair>(limit, byShare);
		this.affected = new TopList<IndexedAffectedPair>(limit, byIncrease);
		const sums = from ?? { efficiencyBefore: 0, efficiencyAfter: 0, bridgedTotal: 0, sole: 0, disconnected: 0, affectedTotal: 0 };
		const { efficiencyBefore, efficiencyAfter, bridgedTotal, sole, disconnected, affectedTotal } = sums;
		this.partial = { efficiencyBefore, efficiencyAfter, bridgedTotal, sole, disconnected, affectedTotal, bridged: [], affected: [], bridgedEnd: from ? Uint8Array.from(from.bridgedEnd) : new Uint8Array(n) };
		from?.bridged.forEach((pair) => this.bridged.offer(pair));
		from?.affected.forEach((pair) => this.affected.offer(pair));
		this.cut = new Int32Array(n);
		this.inCut = new Uint8Array(n);
		this.after = new Float64Array(n).fill(Infinity);
		this.done = new Uint8Array(n);
		this.heap = new MinHeap(csr.weighted ? csr.targets.length + n : 0);
		this.queue = new Int32Array(csr.weighted ? 0 : csr.targets.length + n);
	}

	/**
	 * Adds source s from its search: distances and path counts by node (an unreached node's distance negative or
	 * Infinity), and the reached nodes in order of distance, s first.
	 */
	add(s: number, dist: ArrayLike<number>, sigma: ArrayLike<number>, order: ArrayLike<number>, reached: number): void {
		const { partial, brokerDist, brokerSigma, cut, inCut, after, done, broker: v } = this;
		const { offsets, targets, lengths, weighted } = this.csr;
		let reachedSum = 0;
		for (let i = 1; i < reached; i++) reachedSum += 1 / dist[order[i]!]!;
		partial.efficiencyBefore += reachedSum;
		if (s === v) return;
		const toBroker = dist[v]!;
		if (!(toBroker > 0 && toBroker < Infinity)) {
			partial.efficiencyAfter += reachedSum;
			return;
		}
		let cuts = 0;
		for (let i = 1; i < reached; i++) {
			const t = order[i]!;
			const before = dist[t]!;
			const through = toBroker + brokerDist[t]!;
			// sameLength, inlined: this loop runs n times per source
			if (t === v || (through !== before && !(weighted && Math.abs(through - before) <= 1e-9 * before))) continue;
			const share = (sigma[v]! * brokerSigma[t]!) / sigma[t]!;
			if (share === 1) {
				cut[cuts++] = t;
				inCut[t] = 1;
			}
			if (t < s) continue;
			partial.bridgedTotal++;
			if (share === 1) partial.sole++;
			partial.bridgedEnd[s] = partial.bridgedEnd[t] = 1;
			const last = this.bridged.last();
			if (!last || share > last.share || (share === last.share && before < last.distance)) this.bridged.offer({ s, t, share, paths: sigma[t]!, distance: before });
		}
		// Without the broker: the other targets keep their distance; the cut ones are reached again from them.
		for (let i = 0; i < cuts; i++) {
			const t = cut[i]!;
			for (let e = offsets[t]!; e < offsets[t + 1]!; e++) {
				const u = targets[e]!;
				const du = dist[u]!;
				if (u !== v && !inCut[u] && du >= 0 && du < Infinity && du + lengths[e]! < after[t]!) after[t] = du + lengths[e]!;
			}
		}
		if (weighted) this.repairByDijkstra(cuts);
		else this.repairByLevels(cuts);
		let afterSum = reachedSum - 1 / toBroker;
		for (let i = 0; i < cuts; i++) {
			const t = cut[i]!;
			const before = dist[t]!;
			const distance = after[t]!;
			afterSum += (distance === Infinity ? 0 : 1 / distance) - 1 / before;
			if (t > s) {
				partial.affectedTotal++;
				if (distance === Infinity) partial.disconnected++;
				const last = this.affected.last();
				if (!last || distance - before > increase(last)) this.affected.offer({ s, t, before, after: distance === Infinity ? null : distance });
			}
			inCut[t] = 0;
			done[t] = 0;
			after[t] = Infinity;
		}
		partial.efficiencyAfter += afterSum;
	}

	result(): BrokerPartial {
		return { ...this.partial, bridged: this.bridged.items(), affected: this.affected.items() };
	}

	/** Final distances of the cut targets, from their first candidates, over lengths that may differ (Dijkstra). */
	private repairByDijkstra(cuts: number): void {
		const { cut, inCut, after, done, heap } = this;
		const { offsets, targets, lengths } = this.csr;
		heap.clear();
		for (let i = 0; i < cuts; i++) if (after[cut[i]!] !== Infinity) heap.push(after[cut[i]!]!, cut[i]!);
		while (heap.size > 0) {
			const d = heap.topKey();
			const t = heap.pop();
			if (done[t] || d > after[t]!) continue;
			done[t] = 1;
			for (let e = offsets[t]!; e < offsets[t + 1]!; e++) {
				const w = targets[e]!;
				if (inCut[w] && !done[w] && d + lengths[e]! < after[w]!) {
					after[w] = d + lengths[e]!;
					heap.push(after[w]!, w);
				}
			}
		}
	}

	/**
	 * The same when every step is 1: the cut targets with a first candidate, in order of it, merged with a queue of
	 * those reached from them (each one step farther), as a breadth-first search from several distances at once.
	 */
	private repairByLevels(cuts: number): void {
		const { cut, inCut, after, done, queue } = this;
		const { offsets, targets } = this.csr;
		const seeds = cut.subarray(0, cuts).filter((t) => after[t] !== Infinity).sort((a, b) => after[a]! - after[b]!);
		let head = 0;
		let tail = 0;
		let next = 0;
		while (next < seeds.length || head < tail) {
			const t = head < tail && (next >= seeds.length || after[queue[head]!]! <= after[seeds[next]!]!) ? queue[head++]! : seeds[next++]!;
			if (done[t]) continue;
			done[t] = 1;
			const d = after[t]! + 1;
			for (let e = offsets[t]!; e < offsets[t + 1]!; e++) {
				const w = targets[e]!;
				if (inCut[w] && !done[w] && d < after[w]!) {
					after[w] = d;
					queue[tail++] = w;
				}
			}
		}
	}
}

/** The broker's sums for sources start..end-1, with a search of its own per source. */
export function brokerRange(csr: Csr, v: number, start: number, end: number, limit: number, onProgress?: (done: number) => void): BrokerPartial {
	const accumulator = new BrokerAccumulator(csr, v, limit);
	const search = new SingleSourcePaths(csr);
	const every = Math.max(1, Math.floor((end - start) / 100));
	for (let s = start; s < end; s++) {
		if (onProgress && ((s - start + 1) % every === 0 || s === end - 1)) onProgress(s - start + 1);
		search.run(s);
		accumulator.add(s, search.dist, search.sigma, search.order, search.reached);
	}
	return accumulator.result();
}

/** Partials of consecutive source ranges, in range order, as one: sums added, lists merged keeping the top `limit`. */
export function mergeBrokerPartials(parts: BrokerPartial[], limit: number): BrokerPartial {
	const [first, ...rest] = parts;
	if (!first) throw new Error('mergeBrokerPartials: no partial results');
	const bridged = new TopList<IndexedBridgedPair>(limit, byShare);
	const affected = new TopList<IndexedAffectedPair>(limit, byIncrease);
	for (const part of parts) {
		part.bridged.forEach((pair) => bridged.offer(pair));
		part.affected.forEach((pair) => affected.offer(pair));
	}
	const merged = { ...first, bridged: bridged.items(), affected: affected.items(), bridgedEnd: Uint8Array.from(first.bridgedEnd) };
	for (const part of rest) {
		for (const key of ['efficiencyBefore', 'efficiencyAfter', 'bridgedTotal', 'sole', 'disconnected', 'affectedTotal'] as const) merged[key] += part[key];
		part.bridgedEnd.forEach((bit, i) => (merged.bridgedEnd[i]! |= bit));
	}
	return merged;
}

/**
 * The broker's report on a layer. Global efficiency is the mean of 1/distance over ordered pairs (networkx
 * global_efficiency when unweighted; with lengths 1/strength when weighted). Costs two shortest-path searches per node;
 * `partial` brings them from workers.
 */
export function brokerReport(dataset: Dataset, brokerId: string, spec: LayerSpec, options: BrokerOptions & { partial?: BrokerPartial } = {}): BrokerReport {
	const { graph, csr, reduced, v } = options.built ?? brokerLayer(dataset, brokerId, spec, options);
	const limit = options.pairs ?? 30;
	const partial = options.partial ?? brokerRange(csr, v, 0, csr.n, limit);
	const n = graph.nodes.length;
	const labels = new Map(dataset.nodes.map((node) => [node.id, node.label]));
	const groups = new Map(dataset.nodes.map((node) => [node.id, node.group]));
	const label = labels.get(brokerId) ?? brokerId;
	const ties = tieIndex(graph);

	const arrays = options.arrays ?? computeMetricArrays(csr, options);
	const metricRanks = METRICS.map(({ id, order }) => {
		const value = arrays[id][v]!;
		return { metric: id, value: Number.isNaN(value) ? null : value, ...rankOf(arrays[id], order, v) };
	});
	const carrying = tiesTowards(new SingleSourcePaths(csr).run(v), partial.bridgedEnd);
	const components = { before: componentCount(csr), after: componentCount(reduced, v) };
	const efficiency = { before: n > 1 ? partial.efficiencyBefore / (n * (n - 1)) : 0, after: n > 2 ? partial.efficiencyAfter / ((n - 1) * (n - 2)) : 0 };
	const betweenness = metricRanks.find((rank) => rank.metric === 'betweenness')!;
	const layerSentence = describeLayer(spec, (id) => dataset.measures?.find((measure) => measure.id === id)?.title);
	const { bridgedTotal, sole, disconnected } = partial;
	const lengthened = partial.affectedTotal - disconnected;
	const id = (index: number) => graph.nodes[index]!;

	return {
		broker: brokerId,
		label,
		layer: spec,
		layerSentence,
		ranks: metricRanks,
		bridged: { total: bridgedTotal, sole, top: partial.bridged.map(({ s, t, share, paths, distance }) => ({ source: id(s), target: id(t), share, paths, distance })) },
		constraint: metricRanks.find((rank) => rank.metric === 'constraint')!.value,
		effectiveSize: metricRanks.find((rank) => rank.metric === 'effectiveSize')!.value,
		brokerage: gouldFernandezOf(csr, graph.nodes.map((node) => groups.get(node)), v),
		removal: {
			components,
			efficiency,
			affected: partial.affected.map(({ s, t, before, after }) => ({ source: id(s), target: id(t), before, after })),
			disconnected,
			lengthened
		},
		highlight: { nodes: [brokerId, ...carrying.map(id)], edgeIds: carrying.flatMap((x) => ties(v, x)), centre: [brokerId], dim: true },
		headline: brokerHeadline({ label, layerSentence, bridgedTotal, sole, betweenness, disconnected, lengthened })
	};
}

/**
 * The source's neighbours whose tie to it lies on a shortest path from the source to a marked node: marks flow back
 * from each marked node to its predecessors on the search's shortest-path DAG, farthest nodes first.
 */
function tiesTowards(search: SingleSourcePaths, marked: Uint8Array): number[] {
	const { offsets, targets } = search.csr;
	const reached = Uint8Array.from(marked);
	for (let i = search.reached - 1; i > 0; i--) {
		const y = search.order[i]!;
		if (!reached[y]) continue;
		for (let e = offsets[y]!; e < offsets[y + 1]!; e++) if (search.onShortestPath(targets[e]!, y, e)) reached[targets[e]!] = 1;
	}
	const v = search.source;
	const result: number[] = [];
	for (let e = offsets[v]!; e < offsets[v + 1]!; e++) if (reached[targets[e]!] && search.onShortestPath(v, targets[e]!, e)) result.push(targets[e]!);
	return result;
}

function brokerHeadline(facts: { label: string; layerSentence: string; bridgedTotal: number; sole: number; betweenness: MetricRank; disconnected: number; lengthened: number }): string {
	const { label, layerSentence, bridgedTotal, sole, betweenness, disconnected, lengthened } = facts;
	const on = `On ${layerSentence.charAt(0).toLowerCase()}${layerSentence.slice(1)}`;
	const lies = bridgedTotal
		? `${label} lies on a shortest route between ${count(bridgedTotal, 'pair')} of other nodes, and is the only route for ${whole(sole)} of them.`
		: `${label} lies on no shortest route between any two other nodes.`;
	const rank = betweenness.rank === null ? '' : ` Its betweenness, ${formatMetric(betweenness.value)}, ranks ${rankWords(betweenness)}.`;
	const without = ` Without it, ${count(disconnected, 'pair')} would lose every route to each other and ${count(lengthened, 'pair')} would be farther apart.`;
	return `${on}: ${lies}${rank}${without}`;
}
