// metricsCsv: the metrics table as CSV (one row per node, a column per metric, undefined values empty), shared by
// the CLI's --format csv and the page's CSV download.
import { METRIC_IDS, type NodeMetrics } from './metrics';

const field = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

export function metricsCsv(nodes: Record<string, NodeMetrics>): string {
	const lines = [['id', ...METRIC_IDS].join(',')];
	for (const [id, values] of Object.entries(nodes)) lines.push([field(id), ...METRIC_IDS.map((metric) => (values[metric] === null ? '' : String(values[metric])))].join(','));
	return `${lines.join('\n')}\n`;
}
