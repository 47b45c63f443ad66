// brokerReport: what one node (the US, by default in the brief) does between the others on a layer: its rank on
// every metric, the pairs whose shortest paths it carries, Burt's and Gould-Fernandez' measures, and removal impact.
import type { Dataset } from '../model';
import { gouldFernandez, type BrokerageCounts } from './brokerage';
import { toCsr, type Csr } from './csr';
import { layerGraph, type Layer, type LayerGraph, type LayerOptions } from './layer';
import { computeMetricArrays, METRICS, type ComputeOptions, type MetricId } from './metrics';
import { tieIndex } from './paths';
import { SingleSourcePaths } from './shortest-paths';

export interface MetricRank {
	metric: MetricId;
	value: number | null;
	/** 1 = most central (least constrained for constraint); ties share the best rank; null when undefined */
	rank: number | null;
	of: number;
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
	layer: Layer;
	weighted: boolean;
	ranks: MetricRank[];
	/** pairs whose shortest paths run through the broker, largest share first */
	bridged: BridgedPair[];
	constraint: number | null;
	effectiveSize: number | null;
	brokerage: BrokerageCounts;
	removal: {
		components: { before: number; after: number };
		efficiency: { before: number; after: number };
		/** pairs cut apart or made farther by removing the broker, cut ones first */
		affected: AffectedPair[];
		disconnected: number;
		lengthened: number;
	};
	/** what to light up on the graph: the broker and the ties of the shortest paths it carries */
	highlight: { nodes: string[]; edgeIds: string[] };
	headline: string;
}

/** Competition ranks (1, 2, 2, 4) by the metric's order; NaN gets no rank. */
export function ranks(values: Float64Array, order: 'asc' | 'desc'): Array<number | null> {
	const indexes = [...values.keys()].filter((v) => !Number.isNaN(values[v]!));
	const sign = order === 'desc' ? -1 : 1;
	indexes.sort((a, b) => sign * (values[a]! - values[b]!));
	const result: Array<number | null> = Array.from(values, () => null);
	indexes.forEach((v, position) => {
		const previous = indexes[position - 1];
		result[v] = previous !== undefined && values[previous] === values[v] ? result[previous]! : position + 1;
	});
	return result;
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

/** The layer with every tie of node v removed (v stays, isolated, so indexes do not move). */
function withoutTiesOf(graph: LayerGraph, v: number): LayerGraph {
	return { ...graph, ties: graph.ties.filter((tie) => tie.source !== v && tie.target !== v) };
}

const round = (value: number, digits = 3) => Number(value.toFixed(digits));

export type BrokerOptions = LayerOptions & ComputeOptions;

/**
 * The broker's report on a layer. Global efficiency is the mean of 1/distance over ordered pairs (networkx
 * global_efficiency when unweighted; with weighted lengths when weighted). Costs two shortest-path searches per node.
 */
export function brokerReport(dataset: Dataset, brokerId: string, options: BrokerOptions = {}): BrokerReport {
	const graph = layerGraph(dataset, options);
	const v = graph.nodes.indexOf(brokerId);
	if (v < 0) throw new Error(`brokerReport: no node "${brokerId}" in the dataset`);
	const n = graph.nodes.length;
	const csr = toCsr(graph);
	const reduced = toCsr(withoutTiesOf(graph, v));
	const labels = new Map(dataset.nodes.map((node) => [node.id, node.label]));
	const groups = new Map(dataset.nodes.map((node) => [node.id, node.group]));
	const label = labels.get(brokerId) ?? brokerId;
	const ties = tieIndex(graph);

	const arrays = computeMetricArrays(csr, options);
	const metricRanks = METRICS.map(({ id, order }) => {
		const value = arrays[id][v]!;
		return { metric: id, value: Number.isNaN(value) ? null : value, rank: ranks(arrays[id], order)[v]!, of: n };
	});

	const fromBroker = new SingleSourcePaths(csr).run(v);
	const brokerDist = Float64Array.from(fromBroker.dist);
	const brokerSigma = Float64Array.from(fromBroker.sigma);
	const search = new SingleSourcePaths(csr);
	const after = new SingleSourcePaths(reduced);
	const bridged: BridgedPair[] = [];
	const affected: AffectedPair[] = [];
	const highlighted = new Set<string>();
	const markedFromBroker = new Set<number>();
	let efficiencyBefore = 0;
	let efficiencyAfter = 0;
	for (let s = 0; s < n; s++) {
		search.run(s);
		for (let i = 1; i < search.reached; i++) efficiencyBefore += 1 / search.dist[search.order[i]!]!;
		if (s === v) continue;
		after.run(s);
		for (let i = 1; i < after.reached; i++) efficiencyAfter += 1 / after.dist[after.order[i]!]!;
		let carries = false;
		for (let t = s + 1; t < n; t++) {
			const before = search.dist[t]!;
			if (t === v || before === Infinity) continue;
			if (search.dist[v]! + brokerDist[t]! === before) {
				const share = (search.sigma[v]! * brokerSigma[t]!) / search.sigma[t]!;
				bridged.push({ source: graph.nodes[s]!, target: graph.nodes[t]!, share, paths: search.sigma[t]!, distance: before });
				carries = true;
				if (!markedFromBroker.has(t)) markPathTies(fromBroker, t, ties, highlighted);
				markedFromBroker.add(t);
			}
			const distance = after.dist[t]!;
			if (distance !== before) affected.push({ source: graph.nodes[s]!, target: graph.nodes[t]!, before, after: distance === Infinity ? null : distance });
		}
		if (carries) markPathTies(search, v, ties, highlighted);
	}
	bridged.sort((a, b) => b.share - a.share || a.distance - b.distance);
	const increase = (pair: AffectedPair) => (pair.after === null ? Infinity : pair.after - pair.before);
	affected.sort((a, b) => (increase(b) === increase(a) ? 0 : increase(b) > increase(a) ? 1 : -1));
	const disconnected = affected.filter((pair) => pair.after === null).length;
	const components = { before: componentCount(csr), after: componentCount(reduced, v) };
	const efficiency = { before: n > 1 ? efficiencyBefore / (n * (n - 1)) : 0, after: n > 2 ? efficiencyAfter / ((n - 1) * (n - 2)) : 0 };
	const betweenness = metricRanks.find((rank) => rank.metric === 'betweenness')!;
	const sole = bridged.filter((pair) => pair.share === 1).length;
	const headline =
		`${label} lies on shortest ${graph.layer} paths of ${bridged.length} pair${bridged.length === 1 ? '' : 's'}` +
		(sole ? ` (on every one of them for ${sole})` : '') +
		`, betweenness ${round(betweenness.value ?? 0)} (rank ${betweenness.rank} of ${n}); without it ${disconnected} pair${disconnected === 1 ? ' is' : 's are'} cut apart and ` +
		`${affected.length - disconnected} farther apart, components ${components.before} → ${components.after}, ` +
		`global efficiency ${round(efficiency.before)} → ${round(efficiency.after)}.`;

	return {
		broker: brokerId,
		label,
		layer: graph.layer,
		weighted: graph.weighted,
		ranks: metricRanks,
		bridged,
		constraint: metricRanks.find((rank) => rank.metric === 'constraint')!.value,
		effectiveSize: metricRanks.find((rank) => rank.metric === 'effectiveSize')!.value,
		brokerage: gouldFernandez(csr, graph.nodes.map((id) => groups.get(id)))[v]!,
		removal: { components, efficiency, affected, disconnected, lengthened: affected.length - disconnected },
		highlight: { nodes: [brokerId], edgeIds: [...highlighted] },
		headline
	};
}

/** Adds the edge ids of every tie on any shortest path from the search's source to `to`. */
function markPathTies(search: SingleSourcePaths, to: number, ties: (a: number, b: number) => string[], into: Set<string>): void {
	const { offsets, targets } = search.csr;
	const stack = [to];
	const seen = new Set([to]);
	while (stack.length) {
		const y = stack.pop()!;
		for (let e = offsets[y]!; e < offsets[y + 1]!; e++) {
			const x = targets[e]!;
			if (!search.onShortestPath(x, y, e)) continue;
			for (const id of ties(x, y)) into.add(id);
			if (!seen.has(x)) {
				seen.add(x);
				stack.push(x);
			}
		}
	}
}
