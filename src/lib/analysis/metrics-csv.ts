// metricsCsv: the metrics table as CSV (one row per node, a column per metric, undefined values empty), shared by
// the CLI's --format csv and the page's CSV download.
import { csvCell } from '../io/csv-cell';
import { METRIC_IDS, type NodeMetrics } from './metrics';

export function metricsCsv(nodes: Record<string, NodeMetrics>): string {
	const lines = [['id', ...METRIC_IDS].join(',')];
	for (const [id, values] of Object.entries(nodes)) lines.push([csvCell(id), ...METRIC_IDS.map((metric) => csvCell(values[metric]))].join(','));
	return `${lines.join('\n')}\n`;
}
