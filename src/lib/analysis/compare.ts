// compareMetrics: two metric tables of the same dataset side by side (what-if, scenarios), one row per node with its
// values in both and the change, sorted by the size of the change on a chosen metric.
import { METRIC_IDS, type LayerMetrics, type MetricId, type NodeMetrics } from './metrics';

export type MetricChange = Record<MetricId, number | null>;

export interface ComparisonRow {
	id: string;
	before: NodeMetrics | null;
	after: NodeMetrics | null;
	/** after - before; null where either side is undefined or the node is absent */
	change: MetricChange;
}

const difference = (before: number | null | undefined, after: number | null | undefined): number | null =>
	before === null || before === undefined || after === null || after === undefined ? null : after - before;

/** Rows for every node of either table, largest |change| on `sortBy` first (absent or undefined changes last). */
export function compareMetrics(before: LayerMetrics, after: LayerMetrics, sortBy: MetricId = 'betweenness'): ComparisonRow[] {
	const ids = [...new Set([...Object.keys(before.nodes), ...Object.keys(after.nodes)])];
	const rows = ids.map((id) => {
		const b = before.nodes[id] ?? null;
		const a = after.nodes[id] ?? null;
		const change = Object.fromEntries(METRIC_IDS.map((metric) => [metric, difference(b?.[metric], a?.[metric])])) as MetricChange;
		return { id, before: b, after: a, change };
	});
	const size = (row: ComparisonRow) => (row.change[sortBy] === null ? -1 : Math.abs(row.change[sortBy]!));
	return rows.map((row, index) => ({ row, index })).sort((x, y) => size(y.row) - size(x.row) || x.index - y.index).map(({ row }) => row);
}
