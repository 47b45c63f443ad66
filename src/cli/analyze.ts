// npm run analyze -- FILE [layer flags] [--broker ID] [--pairs N] [--format table|json|csv|ndjson]
// Every metric per node on a layer, the broker's report and structural balance. Bad input: one line on stderr, exit 1.
import { formatProblem } from '../lib/io/read';
import { readDatasetFromPath } from '../lib/io/node';
import type { BrokerPartial } from '../lib/analysis/broker';
import { toCsr } from '../lib/analysis/csr';
import { formatMetric, formatShare } from '../lib/analysis/format';
import { defaultBroker, fullAnalysis, indexOfMax, type FullAnalysis, type FullAnalysisOptions } from '../lib/analysis/full-analysis';
import { defaultLayer, layerGraph, STRENGTHS, TIE_KINDS } from '../lib/analysis/layer';
import { readLayerParams, type ParamSource } from '../lib/analysis/layer-params';
import { degreeCentrality } from '../lib/analysis/degree';
import { computeMetricArrays, metricDescriptor, METRIC_IDS, METRICS } from '../lib/analysis/metrics';
import { metricsCsv } from '../lib/analysis/metrics-csv';
import type { PathCentrality } from '../lib/analysis/path-centrality';
import type { Dataset } from '../lib/model';
import { pathCentralityInNode, pathCentralityPickingBrokerInNode } from '../lib/workers/node';
import { runCli } from './run';

const FORMATS = ['table', 'json', 'csv', 'ndjson'] as const;
type Format = (typeof FORMATS)[number];
const USAGE =
	`usage: npm run analyze -- FILE [--kind ${TIE_KINDS.join('|')}] [--fields diplomacy,defense,…|all] [--status active,stalled,proposed] ` +
	`[--as-of 2014-06|any] [--measure ID]… [--strength ${STRENGTHS.join('|')}] [--weighted] [--broker ID] [--pairs N] [--format ${FORMATS.join('|')}]`;
/** Above this many nodes the shortest-path metrics run on worker threads. */
const PARALLEL_FROM = 2000;
/** Flags that name the layer, and the layer parameter each sets (the same names as the API's query string). */
const LAYER_FLAGS: Record<string, string> = { '--kind': 'kind', '--fields': 'fields', '--status': 'status', '--as-of': 'asof', '--strength': 'strength', '--measure': 'measure' };

interface Arguments {
	file: string;
	layer: ParamSource;
	broker?: string;
	pairs: number;
	format: Format;
}

function readArguments(argv: string[]): Arguments | string {
	const files: string[] = [];
	const layer = new URLSearchParams();
	const args: Omit<Arguments, 'file' | 'layer'> = { format: 'table', pairs: 30 };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
		const value = () => inline ?? argv[++i];
		if (name === '--help' || name === '-h') return USAGE;
		else if (name === '--weighted') layer.set('weighted', 'true');
		else if (Object.hasOwn(LAYER_FLAGS, name)) {
			const text = value();
			if (text === undefined) return `${name} needs a value; ${USAGE}`;
			layer.append(LAYER_FLAGS[name]!, text);
		} else if (name === '--format') {
			const format = value();
			if (!FORMATS.includes(format as Format)) return `--format must be one of ${FORMATS.join(', ')}, not ${JSON.stringify(format ?? '')}`;
			args.format = format as Format;
		} else if (name === '--pairs') {
			const pairs = Number(value());
			if (!Number.isInteger(pairs) || pairs < 0) return '--pairs needs a whole number of pairs to list (0 or more)';
			args.pairs = pairs;
		} else if (name === '--broker') {
			const broker = value();
			if (!broker) return '--broker needs a node id';
			args.broker = broker;
		} else if (name.startsWith('-')) return `unknown option ${arg}; ${USAGE}`;
		else files.push(arg);
	}
	if (files.length !== 1) return files.length ? `give one file, not ${files.length}; ${USAGE}` : `no file given; ${USAGE}`;
	return { file: files[0]!, layer, ...args };
}

/** The one place a file becomes a Dataset: any format the app imports (our JSON, GraphML, GEXF, CSV), or one line saying why not. */
export function loadDataset(file: string): { dataset: Dataset } | { error: string } {
	const result = readDatasetFromPath(file);
	if (result.ok) return { dataset: result.dataset };
	const [first, ...rest] = result.problems;
	const more = rest.length ? ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'}; npm run validate -- ${file} lists them)` : '';
	return { error: `${formatProblem(first!)}${more}` };
}

async function analyze(dataset: Dataset, args: Arguments): Promise<FullAnalysis | string> {
	const { spec, problems } = readLayerParams(args.layer, defaultLayer(dataset));
	if (problems.length) return `${args.file}: ${problems[0]!.replace(/^(\w+):/, (_, name: string) => `--${name === 'asof' ? 'as-of' : name}:`)}`;
	const graph = layerGraph(dataset, spec);
	if (args.broker !== undefined && !graph.nodes.includes(args.broker)) return `${args.file}: --broker: no node with id "${args.broker}"`;
	// A large layer's shortest-path searches run on worker threads, the broker report's sums riding along on the
	// metrics' own searches. Without a --broker or a united-states node, the default broker (highest betweenness) is
	// known only after them: the node of highest degree goes along the first sources, the top node of their
	// betweenness along the rest, and only what neither guess covered is searched again.
	let options: FullAnalysisOptions = { broker: args.broker, pairs: args.pairs };
	if (graph.nodes.length >= PARALLEL_FROM) {
		const csr = toCsr(graph);
		const known = args.broker ?? (graph.nodes.includes('united-states') ? 'united-states' : undefined);
		let found: { paths: PathCentrality; broker: number; partial: BrokerPartial };
		if (known !== undefined) {
			const { broker: partial, ...paths } = await pathCentralityInNode(csr, { broker: { node: graph.nodes.indexOf(known), limit: args.pairs } });
			found = { paths, broker: graph.nodes.indexOf(known), partial: partial! };
		} else {
			const degree = degreeCentrality(csr);
			const pick = (betweenness: Float64Array) => graph.nodes.indexOf(defaultBroker(graph.nodes, betweenness)!);
			found = await pathCentralityPickingBrokerInNode(csr, { guess: indexOfMax(degree), limit: args.pairs, pick });
		}
		options = { ...options, broker: graph.nodes[found.broker]!, arrays: computeMetricArrays(csr, { paths: found.paths }), brokerPartial: found.partial };
	}
	const analysis = fullAnalysis(dataset, spec, options);
	return 'problem' in analysis ? `${args.file}: --${analysis.problem}` : analysis;
}

/** The listed items, and a line saying how many more there are. */
function listed<T>(items: T[], total: number, format: (item: T) => string): string[] {
	const more = total > items.length ? [`  … ${total - items.length} more (--pairs N lists more)`] : [];
	return [...items.map(format), ...more];
}

const cell = (value: number | null) => (value === null ? '' : String(Number(value.toPrecision(6))));

/** A metric no node has a value for, in one line: "Eigenvector is blank: why". */
const blankLine = ({ metric, why }: FullAnalysis['blank'][number]) => `${metricDescriptor(metric).label} is blank: ${why}.`;

function table({ description, nodes, blank, broker, balance }: FullAnalysis, args: Arguments): string {
	const header = ['id', ...METRICS.map((metric) => metric.id)];
	const rows = Object.entries(nodes).map(([id, values]) => [id, ...METRIC_IDS.map((metric) => cell(values[metric]))]);
	const widths = header.map((name, column) => Math.max(name.length, ...rows.map((row) => row[column]!.length)));
	const line = (row: string[]) => row.map((text, column) => (column ? text.padStart(widths[column]!) : text.padEnd(widths[column]!))).join('  ');
	const out = [`${args.file}: ${rows.length} nodes. ${description}`, line(header), ...rows.map(line), ...blank.map(blankLine), ''];
	if (broker) {
		out.push(`Broker: ${broker.headline}`);
		out.push(`  constraint ${formatMetric(broker.constraint)}, effective size ${formatMetric(broker.effectiveSize)}; Gould-Fernandez: ${Object.entries(broker.brokerage).map(([role, n]) => `${role} ${n}`).join(', ')}`);
		out.push(...listed(broker.bridged.top, broker.bridged.total, (pair) => `  bridges ${pair.source}–${pair.target}: ${formatShare(pair.share)} of ${pair.paths} shortest path(s), distance ${formatMetric(pair.distance)}`));
		const removal = broker.removal;
		out.push(...listed(removal.affected, removal.disconnected + removal.lengthened, (pair) => `  without it ${pair.source}–${pair.target}: ${formatMetric(pair.before)} → ${pair.after === null ? 'cut apart' : formatMetric(pair.after)}`));
	}
	const share = balance.shareBalanced === null ? 'no signed triangles' : `${formatShare(balance.shareBalanced)} balanced`;
	out.push(`Balance: ${balance.total} signed triangles, ${balance.balanced} balanced, ${balance.unbalanced} unbalanced (${share})`);
	out.push(...listed(balance.unbalancedTriangles, balance.unbalanced, (triangle) => `  unbalanced ${triangle.nodes.join(', ')}: ${triangle.sides.map((side) => `${side.source}${side.sign > 0 ? ' + ' : ' - '}${side.target}`).join('; ')}`));
	return out.join('\n');
}

/** One JSON object per line: the layer, each node's metrics, then the broker's report and balance; written as it goes. */
function writeNdjson(analysis: FullAnalysis): void {
	const write = (record: object) => process.stdout.write(`${JSON.stringify(record)}\n`);
	write({ type: 'layer', layer: analysis.layer, description: analysis.description, blank: analysis.blank });
	for (const [id, metrics] of Object.entries(analysis.nodes)) write({ type: 'node', id, ...metrics });
	if (analysis.broker) write({ type: 'broker', ...analysis.broker });
	write({ type: 'balance', ...analysis.balance });
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
	else if (args.format === 'ndjson') writeNdjson(analysis);
	else if (args.format === 'csv') {
		process.stdout.write(metricsCsv(analysis.nodes));
		for (const blank of analysis.blank) console.error(`note: ${blankLine(blank)}`);
	}
	else console.log(table(analysis, args));
	return 0;
}

runCli('analyze', main);
