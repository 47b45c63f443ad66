// fullAnalysis: what `npm run analyze -- FILE --format json` prints and GET /api/analysis/{id} returns, built in one
// place so both choose the same default broker and give the same JSON.
import type { Dataset } from '../model';
import { structuralBalance, type BalanceReport } from './balance';
import { brokerReport, type BrokerReport } from './broker';
import { toCsr } from './csr';
import { describeLayer, describeProjection, layerGraph, type LayerSpec } from './layer';
import { computeMetricArrays, metricsByNode, type NodeMetrics } from './metrics';
import type { PathCentrality } from './path-centrality';

export interface FullAnalysis {
	layer: LayerSpec;
	/** the layer in one sentence, and how parallel ties count */
	description: string;
	nodes: Record<string, NodeMetrics>;
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
}

/** The full analysis, or a message naming what is wrong with the options (an unknown broker). */
export function fullAnalysis(dataset: Dataset, spec: LayerSpec, options: FullAnalysisOptions = {}): FullAnalysis | { problem: string } {
	const graph = layerGraph(dataset, spec);
	const arrays = computeMetricArrays(toCsr(graph), { paths: options.paths });
	const nodes = metricsByNode(graph.nodes, arrays);
	let broker = options.broker;
	if (broker !== undefined && !Object.hasOwn(nodes, broker)) return { problem: `broker: no node with id "${broker}"` };
	if (broker === undefined && graph.nodes.length)
		broker = Object.hasOwn(nodes, 'united-states') ? 'united-states' : graph.nodes[arrays.betweenness.indexOf(Math.max(...arrays.betweenness))];
	return {
		layer: spec,
		description: `${describeLayer(spec)}. ${describeProjection(spec)}`,
		nodes,
		broker: broker === undefined ? null : brokerReport(dataset, broker, spec, { paths: options.paths, pairs: options.pairs }),
		balance: structuralBalance(dataset, spec, { limit: options.pairs })
	};
}
