// The analysis state: the user's choices live in the view (the URL: layer, size, colour, highlight, broker, path,
// what-if removals, scenario, bridge lens); this reads them, derives what $lib/analysis makes of them (metrics of the
// layer, in Web Workers on a large graph; the reports), and changes them only through `go`.
import {
	bridgeHighlight,
	bridgeReport,
	bridgeStory,
	brokerReport,
	compareScenarios,
	computeMetricArrays,
	computeMetrics,
	currentTies,
	defaultLayer,
	describeLayer,
	describeProjection,
	layerGraph,
	louvainCommunities,
	METRIC_IDS,
	metricsByNode,
	scenarioMeasures,
	shortestPath,
	structuralBalance,
	toCsr,
	whatIf,
	withProposals,
	brokerLayerOf,
	whatIfRestriction,
	type BalanceReport,
	type BrokerLayer,
	type BrokerPartial,
	type BrokerReport,
	type LayerGraph,
	type LayerMetrics,
	type LayerSpec,
	type MetricId
} from '$lib/analysis';
import { graphEdgeIds, layerEdgeIds } from '$lib/analysis/layer';
import { degreeCentrality } from '$lib/analysis/degree';
import { defaultBroker } from '$lib/analysis/full-analysis';
import { paramsFrom, readLayerParams, writeLayerParams } from '$lib/analysis/layer-params';
import { untrack } from 'svelte';
import type { Dataset } from '$lib/model';
import { nodeLookup } from '$lib/model/records';
import { balanceInBrowser, brokerPartialInBrowser, localMetricsInBrowser, pathCentralityInBrowser, type BrowserPoolOptions } from '$lib/workers/browser';
import { needsAnalysis } from '$lib/view/appearance';
import { BY_LABEL, MANY_UP_TO } from '$lib/view/pick';
import { nextTask } from '$lib/view/tasks';
import type { Highlight } from '$lib/view/emphasis';
import type { LitView } from '$lib/view/highlight-words';
import { LAYER_PREFIX, type HighlightKey, type ViewState } from './url';

/**
 * From this many nodes, or this many ties (a dense network: 500 nodes all tied to each other are 124,750 ties, whose
 * metrics and balance held the page for 6.8–8.5 s), the metrics and the reports that cost nodes × ties run in Web Workers,
 * with progress.
 */
export const LARGE_GRAPH = 1000;
export const LARGE_GRAPH_TIES = 5000;

/** How many pairs and triangles the reports list (as the CLI and the API by default). */
const BROKER_PAIRS = 30;

/** Metric arrays by node index from a layer's metrics by node id (undefined values as NaN), as the broker report reads them. */
function metricArrays(nodes: readonly string[], metrics: LayerMetrics): Record<MetricId, Float64Array> {
	return Object.fromEntries(METRIC_IDS.map((metric) => [metric, Float64Array.from(nodes, (id) => metrics.nodes[id]?.[metric] ?? NaN)])) as Record<MetricId, Float64Array>;
}

const sameLayer = (a: LayerSpec, b: LayerSpec) => JSON.stringify(a) === JSON.stringify(b);

/** What the panel says when a computation throws: its message, without the error's name. */
const failed = (error: unknown) => `The analysis failed: ${error instanceof Error ? error.message : String(error)}`;

/**
 * A large graph's layer metrics in Web Workers: the shortest-path pass split across several, the other costly metrics
 * in one more beside them; with a broker, its report's sums from the same searches.
 */
function metricsInWorkers(
	graph: LayerGraph,
	spec: LayerSpec,
	options: BrowserPoolOptions & { broker?: { node: number; limit: number } }
): Promise<{ metrics: LayerMetrics; broker?: BrokerPartial }> {
	const csr = toCsr(graph);
	return Promise.all([pathCentralityInBrowser(csr, options), localMetricsInBrowser(csr, { signal: options.signal })]).then(([{ broker, ...paths }, local]) => ({
		metrics: { layer: spec, nodes: metricsByNode(graph.nodes, computeMetricArrays(csr, { paths, local })) },
		broker
	}));
}

/** Metrics of a layer before and after a change (a scenario's proposals, a what-if removal). */
type MetricPair = { before: LayerMetrics; after: LayerMetrics };
const NO_BACKGROUND = { report: null, balance: null, scenario: null, whatIf: null };

export class AnalysisState {
	/** the comparison tables' sort metric: a reading aid, not part of the shared view */
	whatIfMetric: MetricId = $state('betweenness');
	scenarioMetric: MetricId = $state('betweenness');

	metrics: LayerMetrics | null = $state.raw(null);
	progress: { done: number; total: number } | null = $state(null);
	failure: string | null = $state(null);
	#controller: AbortController | null = null;
	/** a large graph's reports, computed in Web Workers one after another; what is being computed, and how far */
	background: { report: BrokerReport | null; balance: BalanceReport | null; scenario: MetricPair | null; whatIf: MetricPair | null } = $state.raw(NO_BACKGROUND);
	reportProgress: { task: string; done: number; total: number } | null = $state(null);
	#reports: AbortController | null = null;
	/** what the metrics, finished or under way, are of; kept while the panel closes, dropped when they change */
	#metricsRun: { dataset: Dataset; layer: LayerSpec; attempt: number } | null = null;
	/** what the reports, finished or under way, are of */
	#reportsRun: { metrics: LayerMetrics; inputs: string; attempt: number } | null = null;
	/** raised by `again`, after a cancel or a failure: the metrics and reports then start afresh */
	#attempt = $state(0);
	/** the broker report's sums from the metrics' own searches, for that broker and layer */
	#brokerAlong: { broker: string; layer: LayerSpec; partial: BrokerPartial } | null = null;

	readonly #lookup = $derived(nodeLookup(this.current.nodes));
	readonly #known = (id: string | null) => (id !== null && this.#lookup.ids.has(id) ? id : null);

	readonly defaults: LayerSpec = $derived(defaultLayer(this.current));
	readonly #layerRead = $derived(readLayerParams(paramsFrom(this.view.layer), this.defaults, LAYER_PREFIX));
	readonly layer: LayerSpec = $derived(this.#layerRead.spec);
	/** parameters of the URL's layer that could not be read, each kept at its default */
	readonly layerProblems: string[] = $derived(this.#layerRead.problems);
	readonly layerSentence = $derived(describeLayer(this.layer, (id) => this.current.measures?.find((measure) => measure.id === id)?.title));

	/** so many nodes that lists of them all are left out (the bridge view's pickers) */
	readonly manyNodes = $derived(this.current.nodes.length >= LARGE_GRAPH);
	/** so many nodes or ties that the metrics and reports are computed in Web Workers */
	readonly large = $derived(this.manyNodes || this.current.edges.length >= LARGE_GRAPH_TIES);
	readonly nodesByLabel = $derived([...this.current.nodes].sort((a, b) => BY_LABEL.compare(a.label, b.label)));
	/** the layer as a graph, made once for the broker's stand-in, what-if's ties and the path searches (at 50,000 ties each make costs tens of ms) */
	readonly #graph = $derived(layerGraph(this.current, this.layer));
	readonly projectionSentence = $derived(describeProjection(this.layer, this.#graph));
	readonly #layerEdges = $derived(graphEdgeIds(this.#graph));
	/**
	 * The ties what-if can take away: the layer's own, by label. Above MANY_UP_TO they stay in the dataset's order: the
	 * picker finds its first ones by label as it scans, and sorting 50,000 labels would hold the page.
	 */
	readonly removableEdges = $derived.by(() => {
		const edges = this.current.edges
			.filter((edge) => this.#layerEdges.has(edge.id))
			.map((edge) => ({ id: edge.id, label: `${this.name(edge.source)} – ${this.name(edge.target)}: ${edge.label ?? edge.relation ?? edge.kind}` }));
		return edges.length > MANY_UP_TO ? edges : edges.sort((a, b) => BY_LABEL.compare(a.label, b.label));
	});

	/**
	 * The broker: the one in the view, else the rule the CLI and the API follow (the United States when the dataset has
	 * it, else the node of highest betweenness, the first in the file among equals). On a large graph whose metrics are
	 * still being computed, the node of highest degree stands in until they are in.
	 */
	readonly brokerId: string = $derived.by(() => {
		const chosen = this.#known(this.view.broker);
		if (chosen) return chosen;
		if (this.#lookup.ids.has('united-states')) return 'united-states';
		const nodes = this.current.nodes.map((node) => node.id);
		const metrics = this.metrics ?? (this.large ? null : computeMetrics(this.current, this.layer));
		const measure = (metric: 'betweenness' | 'degree') => Float64Array.from(nodes, (id) => metrics?.nodes[id]?.[metric] ?? 0);
		return defaultBroker(nodes, metrics ? measure('betweenness') : degreeCentrality(toCsr(this.#graph))) ?? '';
	});
	readonly report = $derived(this.large ? this.background.report : this.brokerId ? brokerReport(this.current, this.brokerId, this.layer) : null);
	readonly balance = $derived(this.large ? this.background.balance : structuralBalance(this.current, this.layer));
	readonly pathEnds = $derived({ from: this.#known(this.view.path.from), to: this.#known(this.view.path.to) });
	readonly path = $derived.by(() => {
		const { from, to } = this.pathEnds;
		return from && to && from !== to ? shortestPath(this.current, from, to, this.layer) : null;
	});
	readonly communities = $derived(this.view.colour === 'community' ? louvainCommunities(this.current, this.layer) : null);
	readonly removed = $derived({
		nodes: this.view.without.nodes.filter((id) => this.#lookup.ids.has(id)),
		edges: this.view.without.edges.filter((id) => this.current.edges.some((edge) => edge.id === id))
	});
	readonly whatIf = $derived(
		!this.removed.nodes.length && !this.removed.edges.length
			? null
			: this.large
				? this.background.whatIf && whatIf(this.current, this.removed, this.layer, { sortBy: this.whatIfMetric, metrics: this.background.whatIf })
				: whatIf(this.current, this.removed, this.layer, { sortBy: this.whatIfMetric })
	);

	/** The bridge lens's pair: the view's, else Japan and South Korea when the dataset has them; null when none can be chosen. */
	readonly bridgePair: [string, string] | null = $derived.by(() => {
		const a = this.#known(this.view.bridge.a) ?? (this.#lookup.ids.has('japan') ? 'japan' : null);
		const b = this.#known(this.view.bridge.b) ?? (this.#lookup.ids.has('south-korea') ? 'south-korea' : null);
		return a && b && a !== b ? [a, b] : null;
	});
	// A few searches per field: cheap enough on the main thread even at 10,000 nodes.
	readonly bridge = $derived(
		this.bridgePair && this.brokerId && !this.bridgePair.includes(this.brokerId) ? bridgeReport(this.current, this.bridgePair, this.brokerId, this.layer) : null
	);

	readonly measures = $derived(scenarioMeasures(this.current));
	readonly scenarioLayers = $derived({ base: currentTies(this.layer), alternative: withProposals(this.layer, this.view.scenario) });
	readonly #scenarioOptions = $derived({ sortBy: this.scenarioMetric, broker: this.brokerId || undefined, pair: this.bridgePair ?? undefined });
	readonly comparison = $derived(
		!this.measures.length
			? null
			: this.large
				? this.background.scenario &&
					compareScenarios(this.current, this.scenarioLayers.base, this.scenarioLayers.alternative, { ...this.#scenarioOptions, metrics: this.background.scenario })
				: compareScenarios(this.current, this.scenarioLayers.base, this.scenarioLayers.alternative, this.#scenarioOptions)
	);
	/** the ties the scenario's proposals add to the current ties */
	readonly addedEdges = $derived.by(() => {
		const current = layerEdgeIds(this.current, this.scenarioLayers.base);
		return [...layerEdgeIds(this.current, this.scenarioLayers.alternative)].filter((id) => !current.has(id));
	});

	readonly bridgeStory = $derived(this.bridge ? bridgeStory(this.bridge, this.current) : null);
	/** the scenario and slice the bridge picture shows: the layer's (with proposals when it has them), the view's field */
	readonly bridgeSlice = $derived.by(() => {
		const report = this.bridge;
		if (!report) return null;
		const scenario = this.layer.statuses.includes('proposed') && report.proposals ? report.proposals : report.current;
		return scenario.slices.find((slice) => slice.domain === this.view.bridge.field) ?? scenario.slices[0]!;
	});
	readonly bridgeHighlight: Highlight | null = $derived(this.bridge && this.bridgeSlice ? bridgeHighlight(this.current, this.bridge, this.bridgeSlice) : null);

	/** whether the picture's colour or size follows one of the layer's metrics, which must then be computed */
	readonly metricsShown = $derived(needsAnalysis(this.view.colour) === 'metrics' || needsAnalysis(this.view.size) === 'metrics');

	/** What the view's highlight lights up, from the current results: it follows a change of layer or broker. */
	readonly highlight: Highlight | null = $derived.by(() => {
		const key = this.view.highlight;
		if (key === 'broker' && this.report) return this.report.highlight;
		if (key === 'balance' && this.balance) return this.balance.highlight;
		if (key?.startsWith('triad-') && this.balance) {
			const triangle = this.balance.unbalancedTriangles[Number(key.slice('triad-'.length))];
			if (triangle) return { nodes: triangle.nodes, edgeIds: triangle.sides.flatMap((side) => side.edgeIds) };
		}
		if (key === 'path' && this.path?.found) return { nodes: this.path.nodes, edgeIds: this.path.edgeIds, centre: [this.path.from, this.path.to] };
		if (key === 'whatif') return { nodes: this.removed.nodes, edgeIds: this.removed.edges };
		if (key === 'scenario') return { nodes: [], edgeIds: this.addedEdges };
		return null;
	});

	/** What the view's highlight lights up, for the legend and the caption to say in words. */
	readonly lit: LitView | null = $derived.by(() => {
		const key = this.view.highlight;
		if (!key || !this.highlight) return null;
		if (key === 'broker') return { kind: 'broker', broker: this.name(this.brokerId) };
		if (key === 'balance') return { kind: 'balance', triangles: this.balance?.unbalancedTriangles.length ?? 0 };
		if (key.startsWith('triad-')) return { kind: 'triad', nodes: this.highlight.nodes.map((id) => this.name(id)) };
		if (key === 'path') return { kind: 'path', from: this.name(this.pathEnds.from ?? ''), to: this.name(this.pathEnds.to ?? '') };
		if (key === 'whatif') return { kind: 'whatif', removed: [...this.removed.nodes.map((id) => this.name(id)), ...this.removedEdgeLabels] };
		return { kind: 'scenario', ties: this.addedEdges.length };
	});

	/** The bridge view's picture in words, while the lens shows it. */
	readonly bridgeLit: LitView | null = $derived(
		this.bridge && this.bridgeSlice
			? { kind: 'bridge', a: this.bridge.labels.a, b: this.bridge.labels.b, broker: this.bridge.labels.broker, forums: this.bridgeSlice.forums.length }
			: null
	);

	/** the ties what-if takes out, by their ends and label */
	readonly removedEdgeLabels = $derived(this.removed.edges.map((id) => this.removableEdges.find((edge) => edge.id === id)?.label ?? id));

	constructor(
		private readonly dataset: () => Dataset,
		private readonly viewOf: () => ViewState,
		private readonly go: (change: Partial<ViewState>) => void
	) {}

	private get current(): Dataset {
		return this.dataset();
	}

	get view(): ViewState {
		return this.viewOf();
	}

	name(id: string): string {
		return this.#lookup.labels.get(id) ?? id;
	}

	setLayer(change: Partial<LayerSpec>): void {
		this.go({ layer: writeLayerParams({ ...this.layer, ...change }, this.defaults, LAYER_PREFIX) });
	}

	/** Choosing the highlight on show again clears it. */
	toggle(key: HighlightKey): void {
		this.go({ highlight: this.view.highlight === key ? null : key });
	}

	setBroker(id: string): void {
		this.go({ broker: id || null });
	}

	setPath(end: 'from' | 'to', id: string): void {
		this.go({ path: { ...this.view.path, [end]: id || null } });
	}

	/** The bridge lens's pair and picture field; unchanged parts stay as they are. */
	setBridge(change: Partial<ViewState['bridge']>): void {
		this.go({ bridge: { ...this.view.bridge, ...change } });
	}

	/** A node channel's choice, as its URL token (appearance.ts); null for the default. */
	setAppearance(channel: 'colour' | 'size' | 'shape', token: string | null): void {
		this.go({ [channel]: token });
	}

	/**
	 * Computes the layer's metrics: at once on a small graph, in Web Workers with progress on a large one. Meant for an
	 * $effect that runs it while something shows them: it reruns when the dataset or the layer changes, and metrics
	 * finished or under way for the same ones are kept, so closing the panel and opening it again costs nothing. After
	 * a cancel or a failure they stay stopped until `again`. `metricsLifetime` drops them when they are moot.
	 */
	computeMetrics(): void {
		const dataset = this.current;
		const layer = this.layer;
		const attempt = this.#attempt;
		const run = this.#metricsRun;
		// Finished metrics stay even through `again`, which then restarts only what stopped.
		if (run && run.dataset === dataset && sameLayer(run.layer, layer) && (run.attempt === attempt || untrack(() => this.metrics))) return;
		this.#controller?.abort();
		this.#metricsRun = { dataset, layer, attempt };
		this.metrics = null;
		this.failure = null;
		if (!this.large) {
			this.metrics = computeMetrics(dataset, layer);
			return;
		}
		const abort = new AbortController();
		this.#controller = abort;
		this.progress = { done: 0, total: dataset.nodes.length };
		// A run the choices have moved on from reports nothing: only the latest run's results and progress count.
		const latest = () => this.#controller === abort;
		const graph = this.#graph;
		// The broker report's sums ride along on the same searches (a later change of broker searches again).
		const broker = untrack(() => this.brokerId);
		metricsInWorkers(graph, layer, {
			signal: abort.signal,
			onProgress: (done, total) => {
				if (latest()) this.progress = { done, total };
			},
			broker: broker ? { node: graph.nodes.indexOf(broker), limit: BROKER_PAIRS } : undefined
		})
			.then(({ metrics, broker: partial }) => {
				if (!latest()) return;
				this.#brokerAlong = partial ? { broker, layer, partial } : null;
				this.metrics = metrics;
			})
			.catch((error: unknown) => {
				if (latest()) this.failure = abort.signal.aborted ? 'Cancelled: the metrics of this layer were not computed.' : failed(error);
			})
			.finally(() => {
				if (latest()) this.progress = null;
			});
	}

	/**
	 * Meant for an $effect of its own: it reads the dataset and the layer, and when either changes (or the page
	 * closes) stops the metrics and reports of the old ones, finished or under way, and forgets them.
	 */
	metricsLifetime(): () => void {
		const dataset = this.current;
		const layer = this.layer;
		return () => {
			const run = this.#metricsRun;
			if (!run || run.dataset !== dataset || !sameLayer(run.layer, layer)) return;
			this.#controller?.abort();
			this.#reports?.abort();
			this.#controller = this.#reports = null;
			this.#metricsRun = this.#reportsRun = null;
			this.metrics = null;
			this.progress = this.reportProgress = null;
			this.failure = null;
			this.background = NO_BACKGROUND;
		};
	}

	cancel(): void {
		this.#controller?.abort();
	}

	/** Starts the metrics and reports afresh after a cancel or a failure. */
	again(): void {
		this.#attempt++;
	}

	/**
	 * On a large graph, the broker report, balance, scenario and what-if, in Web Workers one after another once the
	 * layer's metrics are in, each with progress. Meant for an $effect that runs it while the panel is open: it reruns
	 * when any of their inputs changes, and reports finished or under way for the same inputs are kept.
	 */
	computeReports(): void {
		const metrics = this.metrics;
		if (!this.large || !metrics) return;
		const dataset = this.current;
		const { layer, brokerId, removed } = this;
		const scenario = this.scenarioLayers;
		const attempt = this.#attempt;
		const inputs = JSON.stringify([brokerId, removed, scenario, this.measures.length]);
		const last = this.#reportsRun;
		if (last && last.metrics === metrics && last.inputs === inputs && last.attempt === attempt) return;
		this.#reports?.abort();
		this.#reportsRun = { metrics, inputs, attempt };
		const abort = new AbortController();
		this.#reports = abort;
		const latest = () => this.#reports === abort && !abort.signal.aborted;
		const step = (task: string) => (done: number, total: number) => {
			if (latest()) this.reportProgress = { task, done, total };
		};
		const save = (part: Partial<AnalysisState['background']>) => {
			if (latest()) this.background = { ...this.background, ...part };
		};
		const inWorkers = (spec: LayerSpec, task: string, restriction = {}) =>
			metricsInWorkers(layerGraph(dataset, spec, restriction), spec, { signal: abort.signal, onProgress: step(task) }).then(({ metrics }) => metrics);
		const graph = this.#graph;
		const nodes = graph.nodes;
		this.background = NO_BACKGROUND;
		const run = async () => {
			// Each report's own work on the page in a task of its own, after the metrics' (the table, the node sizes).
			await nextTask();
			if (brokerId && latest()) {
				const along = this.#brokerAlong;
				// Made once from the metrics' layer graph, for the search and the report both.
				let built: BrokerLayer | undefined;
				const brokers = () => (built ??= brokerLayerOf(graph, brokerId));
				const searched = () => {
					const { csr, v } = brokers();
					return brokerPartialInBrowser(csr, v, BROKER_PAIRS, { signal: abort.signal, onProgress: step(`${this.name(brokerId)}'s broker report`) });
				};
				const partial = along && along.broker === brokerId && sameLayer(along.layer, layer) ? along.partial : await searched();
				if (latest()) save({ report: brokerReport(dataset, brokerId, layer, { partial, arrays: metricArrays(nodes, metrics), built: brokers() }) });
				await nextTask();
			}
			if (!latest()) return;
			step('structural balance')(0, 1);
			save({ balance: await balanceInBrowser(dataset, layer, BROKER_PAIRS, { signal: abort.signal }) });
			if (this.measures.length) {
				const after = await inWorkers(scenario.alternative, "the scenario's metrics");
				const before = sameLayer(scenario.base, layer) ? metrics : await inWorkers(scenario.base, 'the current ties’ metrics');
				save({ scenario: { before, after } });
			}
			if (removed.nodes.length || removed.edges.length) {
				const after = await inWorkers(layer, 'what-if', whatIfRestriction(removed));
				save({ whatIf: { before: metrics, after } });
			}
		};
		// The run reads and writes this state as it goes: untracked, so the effect follows only the inputs read above.
		untrack(run)
			.catch((error: unknown) => {
				if (latest()) this.failure = failed(error);
			})
			.finally(() => {
				if (this.#reports === abort) this.reportProgress = null;
			});
	}

	removeNode(id: string): void {
		if (id && !this.removed.nodes.includes(id)) this.go({ without: { ...this.removed, nodes: [...this.removed.nodes, id] } });
	}

	removeEdge(id: string): void {
		if (id && !this.removed.edges.includes(id)) this.go({ without: { ...this.removed, edges: [...this.removed.edges, id] } });
	}

	/** Puts back a node or a tie taken out (a node and a tie may share an id: `kind` says which; both when absent). */
	restore(id: string, kind?: 'node' | 'edge'): void {
		const { nodes, edges } = this.removed;
		this.go({ without: { nodes: kind === 'edge' ? nodes : nodes.filter((node) => node !== id), edges: kind === 'node' ? edges : edges.filter((edge) => edge !== id) } });
	}

	/** The scenario's measures: all proposals (null), or a chosen list the toggles edit. */
	setScenario(measures: string[] | null): void {
		this.go({ scenario: measures });
	}

	toggleMeasure(id: string, on: boolean): void {
		const chosen = (this.view.scenario ?? []).filter((measure) => measure !== id);
		this.go({ scenario: on ? [...chosen, id] : chosen });
	}
}
