// bridgeReport: the bridge view's figures. For a pair (Japan and South Korea in the brief) and a broker (the United
// States), per field and overall, on a layer's current ties and with the brief's proposals: are the two tied directly
// and by which ties; how far apart they are on cooperation ties and what share of their shortest paths runs through
// the broker (and through forums it facilitates); which forums hold all three; the broker's facilitation ties.
import type { Dataset, DatasetEdge } from '../model';
import { nameInText } from '../model/names';
import { toCsr, type Csr } from './csr';
import { describeLayer, edgeInLayer, layerGraph, type LayerSpec } from './layer';
import { currentTies, withProposals } from './scenarios';
import { SingleSourcePaths } from './shortest-paths';

/** Relations by which one actor facilitates, hosts, convenes or brokers a tie between others (docs/curation.md). */
export const FACILITATION_RELATIONS: readonly string[] = ['facilitation'];

export function isFacilitation(edge: Pick<DatasetEdge, 'relation'>): boolean {
	return edge.relation !== undefined && FACILITATION_RELATIONS.includes(edge.relation);
}

export interface BridgeForum {
	id: string;
	/** the pair's and the broker's cooperation ties with it */
	edgeIds: string[];
	/** the broker's ties with it by which it facilitates, hosts or convenes it */
	facilitatedBy: string[];
}

export interface BridgeSlice {
	/** the field, or null for every field */
	domain: string | null;
	/** the cooperation layer this slice's paths run on */
	layer: LayerSpec;
	layerSentence: string;
	/** direct ties between the pair on this slice's statuses and date, by kind */
	direct: { cooperation: string[]; friction: string[] };
	/** on cooperation ties: steps between the pair (path length when weighted); null when not connected */
	distance: number | null;
	/** number of shortest paths between the pair */
	paths: number;
	/** of those, how many run through the broker */
	throughBroker: number;
	/** of those, how many run through the broker or a forum it facilitates */
	throughBrokerOrForum: number;
	/** throughBroker / paths (0 when they are tied directly and that tie is their shortest path); null when not connected */
	share: number | null;
	/** the pair's distance with the broker left out; null when that cuts them apart */
	distanceWithoutBroker: number | null;
	/** up to ROUTES shortest paths as node ids, pair ends included (in a stable order) */
	routes: string[][];
	/** nodes tied by cooperation to both of the pair and to the broker */
	forums: BridgeForum[];
	/** the broker's facilitation ties with either of the pair or with a node both of them are tied to */
	facilitation: string[];
}

export interface BridgeScenario {
	/** the base layer's statuses and date, with or without the brief's proposals */
	layer: LayerSpec;
	layerSentence: string;
	/** overall first, then one per field present in the dataset */
	slices: BridgeSlice[];
}

export interface BridgeReport {
	pair: [string, string];
	broker: string;
	labels: { a: string; b: string; broker: string };
	/** the names as a sentence uses them ("the United States"; textName, else the label) */
	inText: { a: string; b: string; broker: string };
	current: BridgeScenario;
	/** null when the dataset holds no proposals */
	proposals: BridgeScenario | null;
}

export const ROUTES = 12;

export function bridgeReport(dataset: Dataset, pair: [string, string], broker: string, spec: LayerSpec): BridgeReport {
	const [a, b] = pair;
	const nodes = new Map(dataset.nodes.map((node) => [node.id, node]));
	for (const id of [a, b, broker]) if (!nodes.has(id)) throw new Error(`bridgeReport: no node "${id}" in the dataset`);
	if (new Set([a, b, broker]).size < 3) throw new Error('bridgeReport: the pair and the broker must be three different nodes');
	const domains = [...new Set(dataset.edges.map((edge) => edge.domain).filter((domain): domain is NonNullable<typeof domain> => domain !== undefined))].sort();
	const title = (id: string) => dataset.measures?.find((measure) => measure.id === id)?.title;
	const scenario = (layer: LayerSpec): BridgeScenario => ({
		layer,
		layerSentence: describeLayer(layer, title),
		slices: [null, ...domains].map((domain) => bridgeSlice(dataset, a, b, broker, domain, { ...layer, kind: 'cooperation', domains: domain === null ? spec.domains : [domain] }))
	});
	const hasProposals = dataset.edges.some((edge) => edge.status === 'proposed');
	return {
		pair: [a, b],
		broker,
		labels: { a: nodes.get(a)!.label, b: nodes.get(b)!.label, broker: nodes.get(broker)!.label },
		inText: { a: nameInText(nodes.get(a)!), b: nameInText(nodes.get(b)!), broker: nameInText(nodes.get(broker)!) },
		current: scenario(currentTies(spec)),
		proposals: hasProposals ? scenario(withProposals(spec, spec.statuses.includes('proposed') ? spec.measures : null)) : null
	};
}

function bridgeSlice(dataset: Dataset, a: string, b: string, broker: string, domain: string | null, layer: LayerSpec): BridgeSlice {
	const nodes = new Map(dataset.nodes.map((node) => [node.id, node]));
	const between = (edge: DatasetEdge, x: string, y: string) => (edge.source === x && edge.target === y) || (edge.source === y && edge.target === x);
	const anyKind = { ...layer, kind: 'all' as const };
	const direct = { cooperation: [] as string[], friction: [] as string[] };
	for (const edge of dataset.edges) if (between(edge, a, b) && edgeInLayer(edge, anyKind)) direct[edge.kind === 'friction' ? 'friction' : 'cooperation'].push(edge.id);

	const graph = layerGraph(dataset, layer);
	const index = new Map(graph.nodes.map((id, i) => [id, i]));
	const [s, t, v] = [index.get(a)!, index.get(b)!, index.get(broker)!];
	const csr = toCsr(graph);
	const neighbours = (x: number) => new Set(csr.targets.subarray(csr.offsets[x]!, csr.offsets[x + 1]!));
	const [ofA, ofB, ofBroker] = [neighbours(s), neighbours(t), neighbours(v)];
	const tiesWith = (x: number, y: number) => graph.ties.find((tie) => tie.source === Math.min(x, y) && tie.target === Math.max(x, y))?.edgeIds ?? [];

	const brokerEdges = dataset.edges.filter((edge) => (edge.source === broker || edge.target === broker) && edgeInLayer(edge, layer));
	const facilitates = (x: string) => brokerEdges.filter((edge) => isFacilitation(edge) && between(edge, broker, x)).map((edge) => edge.id);
	// A forum or mechanism is a shared third party of another type than the pair's (states, when they are states).
	const pairTypes = new Set([nodes.get(a)?.type, nodes.get(b)?.type].filter((type): type is string => type !== undefined));
	const typeOf = (x: number) => nodes.get(graph.nodes[x]!)?.type;
	const forums: BridgeForum[] = [...ofA]
		.filter((x) => x !== t && x !== v && ofB.has(x) && ofBroker.has(x) && !pairTypes.has(typeOf(x) ?? ''))
		.sort((x, y) => x - y)
		.map((x) => ({ id: graph.nodes[x]!, edgeIds: [s, t, v].flatMap((y) => tiesWith(x, y)), facilitatedBy: facilitates(graph.nodes[x]!) }));
	const shared = new Set([...ofA].filter((x) => ofB.has(x)).map((x) => graph.nodes[x]!));
	const facilitation = brokerEdges
		.filter((edge) => isFacilitation(edge) && [a, b, ...shared].some((x) => between(edge, broker, x)))
		.map((edge) => edge.id);

	const search = new SingleSourcePaths(csr).run(s);
	const distance = search.dist[t] === Infinity ? null : search.dist[t]!;
	const paths = distance === null ? 0 : search.sigma[t]!;
	const facilitatedForums = forums.filter((forum) => forum.facilitatedBy.length).map((forum) => index.get(forum.id)!);
	const through = (removed: number[]) => (distance === null ? 0 : paths - pathsAvoiding(graph, s, t, removed, distance));
	const without = new SingleSourcePaths(toCsr({ ...graph, ties: graph.ties.filter((tie) => tie.source !== v && tie.target !== v) })).run(s);
	const throughBroker = through([v]);
	return {
		domain,
		layer,
		layerSentence: describeLayer(layer),
		direct,
		distance,
		paths,
		throughBroker,
		throughBrokerOrForum: through([v, ...facilitatedForums]),
		share: distance === null ? null : throughBroker / paths,
		distanceWithoutBroker: without.dist[t] === Infinity ? null : without.dist[t]!,
		routes: distance === null ? [] : shortestRoutes(search, s, t, ROUTES).map((route) => route.map((x) => graph.nodes[x]!)),
		forums,
		facilitation
	};
}

/** Shortest s-t paths of exactly `length` that avoid the removed nodes: their count, or 0 when none is that short. */
function pathsAvoiding(graph: ReturnType<typeof layerGraph>, s: number, t: number, removed: number[], length: number): number {
	const out = new Set(removed.filter((x) => x !== s && x !== t));
	const csr: Csr = toCsr({ ...graph, ties: graph.ties.filter((tie) => !out.has(tie.source) && !out.has(tie.target)) });
	const search = new SingleSourcePaths(csr).run(s);
	return search.dist[t] === length ? search.sigma[t]! : 0;
}

/** Up to `limit` shortest paths from the search's source to t, walking the shortest-path DAG back in index order. */
function shortestRoutes(search: SingleSourcePaths, s: number, t: number, limit: number): number[][] {
	const { offsets, targets } = search.csr;
	const routes: number[][] = [];
	const walk = (y: number, suffix: number[]) => {
		if (routes.length >= limit) return;
		if (y === s) {
			routes.push([s, ...suffix]);
			return;
		}
		for (let e = offsets[y]!; e < offsets[y + 1]!; e++) {
			const x = targets[e]!;
			if (search.onShortestPath(x, y, e)) walk(x, [y, ...suffix]);
		}
	};
	walk(t, []);
	return routes;
}

/**
 * The bridge view's picture: the pair, the broker and the slice's forums, with every tie among them on the slice's
 * statuses and date (cooperation and friction), everything else dimmed.
 */
export function bridgeHighlight(dataset: Dataset, report: BridgeReport, slice: BridgeSlice): { nodes: string[]; edgeIds: string[]; centre: string[]; dim: true } {
	const nodes = [...report.pair, report.broker, ...slice.forums.map((forum) => forum.id)];
	const members = new Set(nodes);
	const anyKind = { ...slice.layer, kind: 'all' as const };
	const edgeIds = dataset.edges
		.filter((edge) => members.has(edge.source) && members.has(edge.target) && edge.source !== edge.target && edgeInLayer(edge, anyKind))
		.map((edge) => edge.id);
	return { nodes, edgeIds, centre: [...report.pair, report.broker], dim: true };
}
