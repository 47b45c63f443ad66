// npm run analyze -- FILE [--layer cooperation|friction|all] [--broker ID] [--format table|json|csv] [--weighted]
// Every metric per node on a layer, the broker's report and structural balance. Bad input: one line on stderr, exit 1.
import { formatProblem } from '../lib/io/read';
import { readDatasetFromPath } from '../lib/io/node';
import { toCsr } from '../lib/analysis/csr';
import { layerGraph, LAYERS, type Layer } from '../lib/analysis/layer';
import { METRIC_IDS, METRICS } from '../lib/analysis/metrics';
import { metricsCsv } from '../lib/analysis/metrics-csv';
import { analysisSummary, type AnalysisSummary } from '../lib/analysis/summary';
import type { Dataset } from '../lib/model';
import { pathCentralityInNode } from '../lib/workers/node';
import { runCli } from './run';

const FORMATS = ['table', 'json', 'csv'] as const;
type Format = (typeof FORMATS)[number];
const USAGE = `usage: npm run analyze -- FILE [--layer ${LAYERS.join('|')}] [--broker ID] [--format ${FORMATS.join('|')}] [--weighted]`;
/** Above this many nodes the shortest-path metrics run on worker threads. */
const PARALLEL_FROM = 2000;

interface Arguments {
	file: string;
	layer: Layer;
	broker?: string;
	format: Format;
	weighted: boolean;
}

function readArguments(argv: string[]): Arguments | string {
	const files: string[] = [];
	const args: Omit<Arguments, 'file'> = { layer: 'cooperation', format: 'table', weighted: false };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
		const value = () => inline ?? argv[++i];
		if (name === '--help' || name === '-h') return USAGE;
		else if (name === '--weighted') args.weighted = true;
		else if (name === '--layer') {
			const layer = value();
			if (!LAYERS.includes(layer as Layer)) return `--layer must be one of ${LAYERS.join(', ')}, not ${JSON.stringify(layer ?? '')}`;
			args.layer = layer as Layer;
		} else if (name === '--format') {
			const format = value();
			if (!FORMATS.includes(format as Format)) return `--format must be one of ${FORMATS.join(', ')}, not ${JSON.stringify(format ?? '')}`;
			args.format = format as Format;
		} else if (name === '--broker') {
			const broker = value();
			if (!broker) return '--broker needs a node id';
			args.broker = broker;
		} else if (name.startsWith('-')) return `unknown option ${arg}; ${USAGE}`;
		else files.push(arg);
	}
	if (files.length !== 1) return files.length ? `give one file, not ${files.length}; ${USAGE}` : `no file given; ${USAGE}`;
	return { file: files[0]!, ...args };
}

/** The one place a file becomes a Dataset: any format the app imports (our JSON, GraphML, GEXF, CSV), or one line saying why not. */
export function loadDataset(file: string): { dataset: Dataset } | { error: string } {
	const result = readDatasetFromPath(file);
	if (result.ok) return { dataset: result.dataset };
	const [first, ...rest] = result.problems;
	const more = rest.length ? ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'}; npm run validate -- ${file} lists them)` : '';
	return { error: `${formatProblem(first!)}${more}` };
}

/** The same summary GET /api/analysis/{id} returns; large layers run their shortest-path metrics on worker threads. */
async function analyze(dataset: Dataset, args: Arguments): Promise<AnalysisSummary | string> {
	const options = { layer: args.layer, weighted: args.weighted };
	const graph = layerGraph(dataset, options);
	const paths = graph.nodes.length >= PARALLEL_FROM ? await pathCentralityInNode(toCsr(graph)) : undefined;
	const result = analysisSummary(dataset, { ...options, paths, broker: args.broker });
	return 'summary' in result ? result.summary : `${args.file}: --broker: no node with id "${result.unknownBroker}"`;
}

/** The first `limit` lines of a list, and a line saying how many more the JSON has. */
function listed<T>(items: T[], format: (item: T) => string, limit = 10): string[] {
	const more = items.length > limit ? [`  … ${items.length - limit} more (--format json lists all)`] : [];
	return [...items.slice(0, limit).map(format), ...more];
}

const cell = (value: number | null) => (value === null ? '' : String(Number(value.toPrecision(6))));

function table({ nodes, broker, balance }: AnalysisSummary, args: Arguments): string {
	const header = ['id', ...METRICS.map((metric) => metric.id)];
	const rows = Object.entries(nodes).map(([id, values]) => [id, ...METRIC_IDS.map((metric) => cell(values[metric]))]);
	const widths = header.map((name, column) => Math.max(name.length, ...rows.map((row) => row[column]!.length)));
	const line = (row: string[]) => row.map((text, column) => (column ? text.padStart(widths[column]!) : text.padEnd(widths[column]!))).join('  ');
	const out = [`${args.file}: ${args.layer} layer, ${args.weighted ? 'weighted' : 'unweighted'}, ${rows.length} nodes`, line(header), ...rows.map(line), ''];
	if (broker) {
		out.push(`Broker: ${broker.headline}`);
		out.push(`  constraint ${cell(broker.constraint)}, effective size ${cell(broker.effectiveSize)}; Gould-Fernandez: ${Object.entries(broker.brokerage).map(([role, count]) => `${role} ${count}`).join(', ')}`);
		out.push(...listed(broker.bridged, (pair) => `  bridges ${pair.source}–${pair.target}: ${Math.round(pair.share * 100)}% of ${pair.paths} shortest path(s), distance ${pair.distance}`));
		out.push(...listed(broker.removal.affected, (pair) => `  without it ${pair.source}–${pair.target}: ${pair.before} → ${pair.after ?? 'cut apart'}`));
	}
	const share = balance.shareBalanced === null ? 'no signed triangles' : `${Math.round(balance.shareBalanced * 100)}% balanced`;
	out.push(`Balance: ${balance.triangles.length} signed triangles, ${balance.balanced} balanced, ${balance.unbalanced} unbalanced (${share})`);
	out.push(...listed(balance.unbalancedTriangles, (triangle) => `  unbalanced ${triangle.nodes.join(', ')}: ${triangle.sides.map((side) => `${side.source}${side.sign > 0 ? ' + ' : ' - '}${side.target}`).join('; ')}`));
	return out.join('\n');
}

async function main(argv: string[]): Promise<number> {
	const args = readArguments(argv);
	if (typeof args === 'string') {
		if (args === USAGE) console.log(USAGE);
		else console.error(args);
		return args === USAGE ? 0 : 1;
	}
	const loaded = loadDataset(args.file);
	if ('error' in loaded) {
		console.error(loaded.error);
		return 1;
	}
	const analysis = await analyze(loaded.dataset, args);
	if (typeof analysis === 'string') {
		console.error(analysis);
		return 1;
	}
	if (args.format === 'json') console.log(JSON.stringify(analysis, null, 1));
	else if (args.format === 'csv') process.stdout.write(metricsCsv(analysis.nodes));
	else console.log(table(analysis, args));
	return 0;
}

runCli('analyze', main);
