// A layer: the ties analysis runs on, chosen by kind, field(s), status(es), the brief's proposals and an as-of date,
// projected to a simple undirected graph where a pair is tied once however many ties it has; its strength is a
// declared function of their weights. Direction and self-loops are dropped.
import type { Dataset, DatasetEdge, DatasetNode, Status } from '../model';
import { dateSpanOf, holdsDuring } from '../model/dates';
import { STATUSES } from '../model/vocabulary';
import { count, joinWords } from './format';

export const TIE_KINDS = ['cooperation', 'friction', 'all'] as const;
export type TieKind = (typeof TIE_KINDS)[number];

/** How a pair's parallel ties make one strength: the strongest tie's weight, their sum, or how many there are. */
export const STRENGTHS = ['max', 'sum', 'count'] as const;
export type Strength = (typeof STRENGTHS)[number];

export interface LayerSpec {
	/** cooperation (edges without a kind count as cooperation), friction, or both */
	kind: TieKind;
	/** the fields (domains) whose ties count; null: every tie, with or without a field */
	domains: string[] | null;
	/** the statuses whose ties count; `proposed` brings in the brief's proposals */
	statuses: Status[];
	/** with `proposed`: only the proposals of these measures; null: all of them */
	measures: string[] | null;
	/** active and stalled ties count only if they hold at this (partial) date; null: at any date */
	asOf: string | null;
	strength: Strength;
	/** read strengths in the metrics: path length 1/strength, eigenvector, PageRank and Burt weights */
	weighted: boolean;
}

/** The default layer of a dataset: active cooperation in every field, as of the dataset's date, unweighted. */
export function defaultLayer(dataset: Pick<Dataset, 'meta'>): LayerSpec {
	return { kind: 'cooperation', domains: null, statuses: ['active'], measures: null, asOf: dataset.meta.asOf ?? null, strength: 'max', weighted: false };
}

/** Extra restrictions a report adds to a layer: nodes or edges left out (what-if). */
export interface LayerRestriction {
	edges?: (edge: DatasetEdge) => boolean;
	nodes?: (node: DatasetNode) => boolean;
}

/** One pair of the layer: `source < target` as node indexes, with every dataset edge collapsed into it. */
export interface LayerTie {
	source: number;
	target: number;
	/** the pair's strength: `strength` of its ties' weights (each defaults to 1) */
	weight: number;
	edgeIds: string[];
}

export interface LayerGraph {
	spec: LayerSpec;
	weighted: boolean;
	/** node ids in dataset order; a node's index is its position here */
	nodes: string[];
	ties: LayerTie[];
	/** how many of the layer's ties join a node to itself: left out, as every measure here is of ties between two nodes */
	loops: number;
	/** how many of the layer's ties between two nodes are directed: each joins its ends both ways, as every tie does here */
	directed: number;
}

/** True when the edge's kind belongs to the layer's kind; a missing kind reads as cooperation. */
export function kindInLayer(edge: Pick<DatasetEdge, 'kind'>, kind: TieKind): boolean {
	return kind === 'all' || (edge.kind === 'friction' ? 'friction' : 'cooperation') === kind;
}

/** True when the edge is one of the layer's ties (its ends aside). */
export function edgeInLayer(edge: DatasetEdge, spec: LayerSpec): boolean {
	if (!kindInLayer(edge, spec.kind)) return false;
	if (spec.domains !== null && (edge.domain === undefined || !spec.domains.includes(edge.domain))) return false;
	const status = edge.status ?? 'active';
	if (!spec.statuses.includes(status)) return false;
	if (status === 'proposed') return spec.measures === null || (typeof edge.measure === 'string' && spec.measures.includes(edge.measure));
	return spec.asOf === null || holdsDuring(edge, spec.asOf);
}

export function checkLayer(spec: LayerSpec, caller: string): void {
	if (!TIE_KINDS.includes(spec.kind)) throw new Error(`${caller}: unknown kind of tie "${String(spec.kind)}"`);
	if (!STRENGTHS.includes(spec.strength)) throw new Error(`${caller}: unknown strength "${String(spec.strength)}"`);
	for (const status of spec.statuses) if (!STATUSES.includes(status)) throw new Error(`${caller}: unknown status "${String(status)}"`);
	if (spec.asOf !== null && !dateSpanOf(spec.asOf)) throw new Error(`${caller}: as-of date "${spec.asOf}" is not like 2014, 2014-06 or 2014-06-30`);
}

const combine: Record<Strength, (strength: number, weight: number) => number> = {
	max: (strength, weight) => Math.max(strength, weight),
	sum: (strength, weight) => strength + weight,
	count: (strength) => strength + 1
};

export function layerGraph(dataset: Dataset, spec: LayerSpec, restriction: LayerRestriction = {}): LayerGraph {
	checkLayer(spec, 'layerGraph');
	const nodes = (restriction.nodes ? dataset.nodes.filter(restriction.nodes) : dataset.nodes).map((node) => node.id);
	const index = new Map(nodes.map((id, i) => [id, i]));
	const byPair = new Map<number, LayerTie>();
	const add = combine[spec.strength];
	let loops = 0;
	let directed = 0;
	for (const edge of dataset.edges) {
		if (!edgeInLayer(edge, spec) || (restriction.edges && !restriction.edges(edge))) continue;
		const a = index.get(edge.source);
		const b = index.get(edge.target);
		if (a === undefined || b === undefined) continue;
		if (a === b) {
			loops++;
			continue;
		}
		if (edge.directed) directed++;
		const [source, target] = a < b ? [a, b] : [b, a];
		const key = source * nodes.length + target;
		const tie = byPair.get(key);
		const weight = spec.strength === 'count' ? 1 : (edge.weight ?? 1);
		if (tie) {
			tie.weight = add(tie.weight, weight);
			tie.edgeIds.push(edge.id);
		} else byPair.set(key, { source, target, weight, edgeIds: [edge.id] });
	}
	const ties = [...byPair.values()].sort((x, y) => x.source - y.source || x.target - y.target);
	return { spec, weighted: spec.weighted, nodes, ties, loops, directed };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "June 2014" for 2014-06, "30 June 2014" for 2014-06-30, "2014" for 2014. */
export function formatPartialDate(date: string): string {
	const [year, month, day] = date.split('-');
	if (!month) return year!;
	const name = MONTHS[Number(month) - 1] ?? month;
	return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`;
}

/**
 * The layer in one sentence an analyst can say: "Active cooperation ties in defense as of June 2014, with the brief's
 * proposals". `measureTitle` names chosen measures (else their ids are counted).
 */
export function describeLayer(spec: LayerSpec, measureTitle?: (id: string) => string | undefined): string {
	const current = spec.statuses.filter((status) => status !== 'proposed');
	const kind = spec.kind === 'all' ? 'ties of both kinds (cooperation and friction)' : `${spec.kind} ties`;
	const statusWords = current.length ? joinWords(current) : 'no current';
	const fields = spec.domains === null ? '' : spec.domains.length ? ` in ${joinWords(spec.domains)}` : ' in no field';
	const when = current.length ? (spec.asOf ? ` as of ${formatPartialDate(spec.asOf)}` : ' at any date') : '';
	let proposals = '';
	if (spec.statuses.includes('proposed')) {
		if (spec.measures === null) proposals = ", with the brief's proposals";
		else if (spec.measures.length === 0) proposals = ', with none of the proposals';
		else {
			const names = spec.measures.map((id) => measureTitle?.(id) ?? id);
			proposals = spec.measures.length <= 2 ? `, with the proposals of ${joinWords(names.map((name) => `“${name}”`))}` : `, with the proposals of ${spec.measures.length} measures`;
		}
	}
	const sentence = `${statusWords} ${kind}${fields}${when}${proposals}`;
	return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

const STRENGTH_WORDS: Record<Strength, string> = {
	max: "its strongest tie's weight",
	sum: 'the sum of its ties’ weights',
	count: 'the number of its ties'
};

/**
 * How the projection counts, in words: "Parallel ties count once; a pair's strength is …; every tie is one step.", and
 * what it sets aside, when the layer (a LayerGraph's counts) has any: the direction of directed ties, and ties from a
 * node to itself.
 */
export function describeProjection(spec: Pick<LayerSpec, 'strength' | 'weighted'>, { loops, directed }: Pick<LayerGraph, 'loops' | 'directed'>): string {
	const paths = spec.weighted
		? 'paths read a pair’s strength as closeness (length 1/strength), and eigenvector, PageRank and Burt’s measures use it as weight'
		: 'every pair is one step, whatever its strength';
	const direction =
		directed === 0 ? '' : directed === 1 ? ' Direction is set aside: the one directed tie joins its ends both ways.' : ` Direction is set aside: the ${count(directed, 'directed tie')} join their ends both ways.`;
	const left = loops === 0 ? '' : loops === 1 ? ' The one tie from a node to itself is left out.' : ` The ${count(loops, 'tie')} from a node to itself are left out.`;
	return `Parallel ties between two nodes count once; a pair's strength is ${STRENGTH_WORDS[spec.strength]}; ${paths}.${direction}${left}`;
}

/** The ids of the dataset edges a layer counts (between two different nodes of the dataset). */
export function layerEdgeIds(dataset: Dataset, spec: LayerSpec): ReadonlySet<string> {
	return graphEdgeIds(layerGraph(dataset, spec));
}

/** The ids of the dataset ties a layer graph holds. */
export function graphEdgeIds(graph: LayerGraph): ReadonlySet<string> {
	return new Set(graph.ties.flatMap((tie) => tie.edgeIds));
}
