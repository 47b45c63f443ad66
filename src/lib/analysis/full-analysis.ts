// fullAnalysis: what `npm run analyze -- FILE --format json` prints and GET /api/analysis/{id} returns, built in one
// place so both choose the same default broker and give the same JSON.
import type { Dataset } from '../model';
import { structuralBalance, type BalanceReport } from './balance';
import { brokerReport, type BrokerPartial, type BrokerReport } from './broker';
import { toCsr } from './csr';
import { describeLayer, describeProjection, layerGraph, type LayerSpec } from './layer';
import { blankMetrics, computeMetricArrays, metricsByNode, type BlankMetric, type MetricId, type NodeMetrics } from './metrics';
import type { PathCentrality } from './path-centrality';

export interface FullAnalysis {
	layer: LayerSpec;
	/** the layer in one sentence, and how parallel ties count */
	description: string;
	nodes: Record<string, NodeMetrics>;
	/** the metrics no node has a value for on this layer, and why (empty as a rule) */
	blank: BlankMetric[];
	broker: BrokerReport | null;
	balance: BalanceReport;
}

export interface FullAnalysisOptions {
	/** default: the United States when the dataset has it (the brief's), else the node of highest betweenness */
	broker?: string;
	/** how many pairs and triangles the reports list */
	pairs?: number;
	/** shortest-path metrics computed elsewhere (worker threads) for this layer */
	paths?: PathCentrality;
	/** every metric of this layer, computed already */
	arrays?: Record<MetricId, Float64Array>;
	/** the broker report's sums, computed elsewhere (worker threads) for this layer and broker */
	brokerPartial?: BrokerPartial;
}

/**
 * The index of the highest value, the first on a tie; -1 when there are none. A loop, where
 * values.indexOf(Math.max(...values)) overflows the stack past ~120,000 values (its arguments).
 */
export function indexOfMax(values: ArrayLike<number>): number {
	let top = -1;
	for (let i = 0; i < values.length; i++) if (top < 0 || values[i]! > values[top]!) top = i;
	return top;
}

/** The default broker: the United States when the dataset has it (the brief's), else the node of highest betweenness. */
export function defaultBroker(nodes: readonly string[], betweenness: Float64Array): string | undefined {
	if (nodes.includes('united-states')) return 'united-states';
	const top = indexOfMax(betweenness);
	return top < 0 ? undefined : nodes[top];
}

/** The full analysis, or a message naming what is wrong with the options (an unknown broker). */
export function fullAnalysis(dataset: Dataset, spec: LayerSpec, options: FullAnalysisOptions = {}): FullAnalysis | { problem: string } {
	const graph = layerGraph(dataset, spec);
	const arrays = options.arrays ?? computeMetricArrays(toCsr(graph), { paths: options.paths });
	const nodes = metricsByNode(graph.nodes, arrays);
	if (options.broker !== undefined && !Object.hasOwn(nodes, options.broker)) return { problem: `broker: no node with id "${options.broker}"` };
	const broker = options.broker ?? defaultBroker(graph.nodes, arrays.betweenness);
	return {
		layer: spec,
		description: `${describeLayer(spec)}. ${describeProjection(spec, graph)}`,
		nodes,
		blank: blankMetrics(nodes),
		broker: broker === undefined ? null : brokerReport(dataset, broker, spec, { arrays, pairs: options.pairs, partial: options.brokerPartial }),
		balance: structuralBalance(dataset, spec, { limit: options.pairs })
	};
}
