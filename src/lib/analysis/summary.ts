// analysisSummary: the JSON `npm run analyze -- FILE --format json` prints and GET /api/analysis/{id} returns, from one
// function, so the two choose the same broker and give the same numbers: every metric per node, the broker's report
// and structural balance. The default broker is the United States when the layer has it (the brief's), else the
// node of highest betweenness (the first in dataset order among equals), else none.
import type { Dataset } from '../model';
import { structuralBalance, type BalanceReport } from './balance';
import { brokerReport, type BrokerReport } from './broker';
import { toCsr } from './csr';
import { layerGraph, type LayerGraph, type LayerOptions } from './layer';
import { computeMetricArrays, metricsByNode, type ComputeOptions, type NodeMetrics } from './metrics';

export interface AnalysisSummary {
	/** every metric by node id (a null-prototype record: ids such as "__proto__" are keys like any other) */
	nodes: Record<string, NodeMetrics>;
	broker: BrokerReport | null;
	balance: BalanceReport;
}

export interface SummaryOptions extends Pick<LayerOptions, 'layer' | 'weighted'>, ComputeOptions {
	/** the broker's node id; the default rule above when absent */
	broker?: string;
}

/** The broker the default rule gives on a layer, from its betweenness by node index; undefined for an empty layer. */
export function defaultBroker(graph: Pick<LayerGraph, 'nodes'>, betweenness: ArrayLike<number>): string | undefined {
	if (graph.nodes.includes('united-states')) return 'united-states';
	let best = -1;
	for (let v = 0; v < graph.nodes.length; v++) if (best === -1 || betweenness[v]! > betweenness[best]!) best = v;
	return best === -1 ? undefined : graph.nodes[best];
}

/** The summary of a dataset on a layer, or the broker asked for when the layer has no such node. */
export function analysisSummary(dataset: Dataset, options: SummaryOptions = {}): { summary: AnalysisSummary } | { unknownBroker: string } {
	const layer = { layer: options.layer ?? 'cooperation', weighted: options.weighted ?? false };
	const graph = layerGraph(dataset, layer);
	const arrays = computeMetricArrays(toCsr(graph), { paths: options.paths });
	const nodes = metricsByNode(graph.nodes, arrays);
	if (options.broker !== undefined && !graph.nodes.includes(options.broker)) return { unknownBroker: options.broker };
	const broker = options.broker ?? defaultBroker(graph, arrays.betweenness);
	return {
		summary: {
			nodes,
			broker: broker === undefined ? null : brokerReport(dataset, broker, { ...layer, paths: options.paths }),
			balance: structuralBalance(dataset)
		}
	};
}
