// The metric registry: one descriptor per node metric ({ id, label, outputs, parameters, fn }, after Gephi Lite),
// from which the metrics table, the CLI and the API list columns; computeMetrics runs them all on one layer.
import type { Dataset } from '../model';
import { keyedRecord } from '../model/records';
import { constraint, effectiveSize } from './brokerage';
import { toCsr, type Csr } from './csr';
import { degreeCentrality, weightedDegree } from './degree';
import { EIGENVECTOR_DEFAULTS, eigenvectorCentrality } from './eigenvector';
import { layerGraph, STRENGTHS, type LayerRestriction, type LayerSpec } from './layer';
import { pagerank } from './pagerank';
import { pathCentrality, type PathCentrality } from './path-centrality';

export const METRIC_IDS = ['degree', 'weightedDegree', 'betweenness', 'closeness', 'harmonic', 'eigenvector', 'pagerank', 'constraint', 'effectiveSize'] as const;
export type MetricId = (typeof METRIC_IDS)[number];

/** Parameters every metric is computed under; a descriptor names those that change its values. */
export const METRIC_PARAMETERS = {
	layer: { id: 'layer', label: 'Layer: kind of tie, fields, statuses, proposals and as-of date', type: 'layer' },
	strength: { id: 'strength', label: "A pair's strength from its parallel ties", type: 'enum', values: STRENGTHS, default: 'max' },
	weighted: { id: 'weighted', label: 'Use strengths (path length 1/strength)', type: 'boolean', default: false }
} as const;
export type MetricParameterId = keyof typeof METRIC_PARAMETERS;

/** What a metric's fn may use: the layer's adjacency and the shared shortest-path pass, computed once on demand. */
export interface MetricContext {
	csr: Csr;
	paths: () => PathCentrality;
}

export interface MetricDescriptor {
	id: MetricId;
	label: string;
	/** one line for a tooltip or --help */
	description: string;
	/** the networkx call whose values these equal (tests hold them to 1e-9) */
	networkx: string;
	/** 'desc' when a higher value means more central; constraint is the other way round */
	order: 'desc' | 'asc';
	outputs: Array<{ id: MetricId; type: 'number' }>;
	parameters: MetricParameterId[];
	/** whether fn runs the shortest-path pass (the part workers split by sources) */
	pathBased: boolean;
	/** why every node's value can come out undefined on a layer with nodes (see blankMetrics); absent if it cannot */
	blank?: string;
	fn: (context: MetricContext) => Float64Array;
}

const NO_TIES = 'it is undefined for a node without ties, and no node of this layer has one';
const W = "weight='weight' (the pair strength) when weighted, else None";
const D = "distance='length' (1/strength) when weighted, else None";

function descriptor(spec: Omit<MetricDescriptor, 'outputs' | 'parameters' | 'pathBased' | 'order'> & Partial<Pick<MetricDescriptor, 'parameters' | 'pathBased' | 'order'>>): MetricDescriptor {
	return { order: 'desc', parameters: ['layer', 'strength', 'weighted'], pathBased: false, ...spec, outputs: [{ id: spec.id, type: 'number' }] };
}

export const METRICS: readonly MetricDescriptor[] = [
	descriptor({
		id: 'degree',
		label: 'Degree',
		description: 'Share of the other nodes tied to this one',
		networkx: 'degree_centrality(G)',
		parameters: ['layer'],
		fn: ({ csr }) => degreeCentrality(csr)
	}),
	descriptor({
		id: 'weightedDegree',
		label: 'Weighted degree',
		description: "Sum of its pairs' strengths",
		networkx: "G.degree(weight='weight')",
		parameters: ['layer', 'strength'],
		fn: ({ csr }) => weightedDegree(csr)
	}),
	descriptor({
		id: 'betweenness',
		label: 'Betweenness',
		description: 'Share of shortest paths between other pairs that run through it',
		networkx: `betweenness_centrality(G, normalized=True, weight='length' (1/strength) when weighted, else None)`,
		pathBased: true,
		fn: ({ paths }) => paths().betweenness
	}),
	descriptor({
		id: 'closeness',
		label: 'Closeness',
		description: 'Inverse mean distance to the nodes it reaches, scaled by the share it reaches (Wasserman-Faust)',
		networkx: `closeness_centrality(G, ${D}, wf_improved=True)`,
		pathBased: true,
		fn: ({ paths }) => paths().closeness
	}),
	descriptor({
		id: 'harmonic',
		label: 'Harmonic',
		description: 'Sum of inverse distances to every other node',
		networkx: `harmonic_centrality(G, ${D})`,
		pathBased: true,
		fn: ({ paths }) => paths().harmonic
	}),
	descriptor({
		id: 'eigenvector',
		label: 'Eigenvector',
		description: 'Tied to nodes that are themselves central (unit Euclidean norm)',
		networkx: `eigenvector_centrality(G, max_iter=${EIGENVECTOR_DEFAULTS.maxIterations}, tol=${EIGENVECTOR_DEFAULTS.tolerance}, ${W})`,
		blank:
			`its power iteration (networkx’s method) did not settle within ${EIGENVECTOR_DEFAULTS.maxIterations.toLocaleString('en')} rounds; this happens on ` +
			'long chains and grids, whose two largest eigenvalues are almost equal, and networkx stops with an error there too',
		fn: ({ csr }) => eigenvectorCentrality(csr)
	}),
	descriptor({
		id: 'pagerank',
		label: 'PageRank',
		description: 'Share of time a random walk with restarts (alpha 0.85) spends here',
		networkx: `pagerank(G, alpha=0.85, tol=1e-13, ${W})`,
		fn: ({ csr }) => pagerank(csr)
	}),
	descriptor({
		id: 'constraint',
		label: 'Constraint',
		description: "Burt's constraint: how much its ties are tied to each other (lower: more brokerage)",
		networkx: `constraint(G, ${W})`,
		order: 'asc',
		blank: NO_TIES,
		fn: ({ csr }) => constraint(csr)
	}),
	descriptor({
		id: 'effectiveSize',
		label: 'Effective size',
		description: "Burt's effective size: its non-redundant contacts",
		networkx: `effective_size(G, ${W})`,
		blank: NO_TIES,
		fn: ({ csr }) => effectiveSize(csr)
	})
];

export function metricDescriptor(id: MetricId): MetricDescriptor {
	const found = METRICS.find((metric) => metric.id === id);
	if (!found) throw new Error(`metricDescriptor: unknown metric "${id}"`);
	return found;
}

/** A node's value on every metric; null where a metric is undefined (constraint of an isolated node). */
export type NodeMetrics = Record<MetricId, number | null>;

/** Every metric of a layer by node id, as plain JSON-ready data. */
export interface LayerMetrics {
	layer: LayerSpec;
	nodes: Record<string, NodeMetrics>;
}

export interface ComputeOptions {
	/** shortest-path metrics computed elsewhere (by the worker pool) for this same Csr */
	paths?: PathCentrality;
	/** the other metrics, or some of them, computed elsewhere (by a worker, localMetricArrays) for this same Csr */
	local?: Partial<Record<MetricId, Float64Array>>;
}

/** Every registered metric on one Csr, as arrays by node index. */
export function computeMetricArrays(csr: Csr, options: ComputeOptions = {}): Record<MetricId, Float64Array> {
	let paths = options.paths;
	const context: MetricContext = { csr, paths: () => (paths ??= pathCentrality(csr)) };
	return Object.fromEntries(METRICS.map((metric) => [metric.id, options.local?.[metric.id] ?? metric.fn(context)])) as Record<MetricId, Float64Array>;
}

/**
 * The metrics that do not run the shortest-path pass and cost more than a pass over the ties (eigenvector, PageRank,
 * constraint, effective size: about half a second at 10,000 nodes), for a worker to compute beside the path pass.
 */
export function localMetricArrays(csr: Csr): Partial<Record<MetricId, Float64Array>> {
	const context: MetricContext = {
		csr,
		paths: () => {
			throw new Error('localMetricArrays: a path metric was asked for');
		}
	};
	return Object.fromEntries(METRICS.filter((metric) => !metric.pathBased && !CHEAP.has(metric.id)).map((metric) => [metric.id, metric.fn(context)]));
}

/** Metrics one pass over the ties gives, cheaper to compute where they are needed than to post. */
const CHEAP: ReadonlySet<MetricId> = new Set(['degree', 'weightedDegree']);

/** Node ids with their metrics from arrays by index (a null-prototype record); NaN becomes null so the result survives JSON. */
export function metricsByNode(nodes: readonly string[], arrays: Record<MetricId, Float64Array>): Record<string, NodeMetrics> {
	// Filled field by field: at 10,000 nodes, pairs of entries for Object.fromEntries made 100,000 arrays to collect.
	const record = keyedRecord<NodeMetrics>();
	nodes.forEach((id, v) => {
		const metrics = {} as NodeMetrics;
		for (const metric of METRIC_IDS) metrics[metric] = finite(arrays[metric][v]!);
		record[id] = metrics;
	});
	return record;
}

const finite = (value: number): number | null => (Number.isNaN(value) ? null : value);

/** A metric no node of a layer has a value for, and why (its descriptor's `blank`). */
export interface BlankMetric {
	metric: MetricId;
	why: string;
}

/** The metrics with no value for any node of a non-empty layer (eigenvector that did not converge, say), and why. */
export function blankMetrics(nodes: Readonly<Record<string, NodeMetrics>>): BlankMetric[] {
	const values = Object.values(nodes);
	if (values.length === 0) return [];
	return METRIC_IDS.filter((metric) => values.every((node) => node[metric] === null)).map((metric) => ({ metric, why: blankWhy(metric) }));
}

/** Why a metric can have no value for any node of a layer. */
export function blankWhy(metric: MetricId): string {
	return metricDescriptor(metric).blank ?? 'no node has a value';
}

/** Every metric for every node of a dataset's layer. */
export function computeMetrics(dataset: Dataset, spec: LayerSpec, options: ComputeOptions & LayerRestriction = {}): LayerMetrics {
	const graph = layerGraph(dataset, spec, options);
	const csr = toCsr(graph);
	return { layer: spec, nodes: metricsByNode(graph.nodes, computeMetricArrays(csr, options)) };
}
