// The analysis panel's state: the user's choices and what $lib/analysis makes of them (metrics of the chosen layer,
// in Web Workers on a large graph; the broker's report, balance, a path, what-if, scenarios), and the one highlight.
import {
	asOfScenario,
	brokerReport,
	compareScenarios,
	computeMetrics,
	customScenario,
	layerGraph,
	louvainCommunities,
	scenarioMeasures,
	shortestPath,
	structuralBalance,
	toCsr,
	whatIf,
	withProposalsScenario,
	type Layer,
	type LayerMetrics,
	type MetricId
} from '$lib/analysis';
import type { Dataset } from '$lib/model';
import { pathCentralityInBrowser } from '$lib/workers/browser';
import { communityColours, type Highlight } from '$lib/view/emphasis';

/** From this many nodes on, shortest-path metrics run in Web Workers with a progress bar, and the O(n·m) reports are left out. */
export const LARGE_GRAPH = 1000;

/** What can be lit up on the graph; one at a time. */
export type HighlightKey = 'broker' | 'balance' | `triad-${number}` | 'path' | 'whatif' | 'scenario';

export type ScenarioChoice = 'with-proposals' | 'custom';

export class AnalysisState {
	layer: Layer = $state('cooperation');
	weighted = $state(false);
	sizeBy: MetricId | '' = $state('');
	colourCommunities = $state(false);
	/** '' for the default broker */
	broker = $state('');
	pathFrom = $state('');
	pathTo = $state('');
	removedNodes: string[] = $state([]);
	removedEdges: string[] = $state([]);
	whatIfMetric: MetricId = $state('betweenness');
	scenario: ScenarioChoice = $state('with-proposals');
	/** measures whose proposed ties the custom scenario adds */
	customMeasures: string[] = $state([]);
	scenarioMetric: MetricId = $state('betweenness');
	active: HighlightKey | null = $state(null);

	metrics: LayerMetrics | null = $state.raw(null);
	progress: { done: number; total: number } | null = $state(null);
	failure: string | null = $state(null);
	#controller: AbortController | null = null;

	readonly options = $derived({ layer: this.layer, weighted: this.weighted });
	readonly large = $derived(this.current.nodes.length >= LARGE_GRAPH);
	readonly #labels: Readonly<Record<string, string>> = $derived(Object.fromEntries(this.current.nodes.map((node) => [node.id, node.label])));
	readonly nodesByLabel = $derived([...this.current.nodes].sort((a, b) => a.label.localeCompare(b.label)));
	/** the ties what-if can take away: proposed ones are not in the network to begin with */
	readonly removableEdges = $derived(
		this.current.edges.filter((edge) => edge.status !== 'proposed')
			.map((edge) => ({ id: edge.id, label: `${this.name(edge.source)} – ${this.name(edge.target)}: ${edge.label ?? edge.relation ?? edge.kind}` }))
			.sort((a, b) => a.label.localeCompare(b.label))
	);

	/** The broker shown: the one chosen, else the United States when the dataset has it, else the first by label. */
	readonly brokerId = $derived(this.broker || (Object.hasOwn(this.#labels, 'united-states') ? 'united-states' : (this.nodesByLabel[0]?.id ?? '')));
	readonly report = $derived(!this.large && this.brokerId ? brokerReport(this.current, this.brokerId, this.options) : null);
	readonly balance = $derived(this.large ? null : structuralBalance(this.current));
	readonly path = $derived(
		this.pathFrom && this.pathTo && this.pathFrom !== this.pathTo ? shortestPath(this.current, this.pathFrom, this.pathTo, this.options) : null
	);
	readonly communities = $derived(this.colourCommunities ? louvainCommunities(this.current, this.options) : null);
	readonly whatIf = $derived(
		!this.large && (this.removedNodes.length || this.removedEdges.length)
			? whatIf(this.current, { nodes: this.removedNodes, edges: this.removedEdges }, { ...this.options, sortBy: this.whatIfMetric })
			: null
	);

	readonly measures = $derived(scenarioMeasures(this.current));
	readonly #scenarios = $derived.by(() => {
		const dataset = this.current;
		return {
			base: asOfScenario(dataset),
			alternative: this.scenario === 'custom' ? customScenario(dataset, this.customMeasures) : withProposalsScenario(dataset)
		};
	});
	readonly comparison = $derived(
		this.large
			? null
			: compareScenarios(this.current, this.#scenarios.base, this.#scenarios.alternative, {
					...this.options,
					sortBy: this.scenarioMetric,
					broker: this.brokerId || undefined
				})
	);
	/** the ties the alternative scenario adds to the base */
	readonly addedEdges = $derived.by(() => {
		const { base, alternative } = this.#scenarios;
		return this.current.edges.filter((edge) => alternative.edges(edge) && !base.edges(edge))
			.map((edge) => edge.id);
	});

	/** the sizing metric's value by node, for node size and concentric rings; null for none */
	readonly nodeMetric: Record<string, number | null> | null = $derived.by(() => {
		const metric = this.sizeBy;
		if (!metric || !this.metrics) return null;
		return Object.fromEntries(Object.entries(this.metrics.nodes).map(([id, values]) => [id, values[metric]]));
	});
	readonly nodeColours: Record<string, string> | null = $derived(this.communities ? communityColours(this.communities.byNode) : null);

	/** What the active key lights up, from the current results: it follows a change of layer or broker. */
	readonly highlight: Highlight | null = $derived.by(() => {
		const key = this.active;
		if (key === 'broker' && this.report) return { ...this.report.highlight, centre: [this.report.broker] };
		if (key === 'balance' && this.balance) return this.balance.highlight;
		if (key?.startsWith('triad-') && this.balance) {
			const triangle = this.balance.unbalancedTriangles[Number(key.slice('triad-'.length))];
			if (triangle) return { nodes: triangle.nodes, edgeIds: triangle.sides.flatMap((side) => side.edgeIds) };
		}
		if (key === 'path' && this.path?.found) return { nodes: this.path.nodes, edgeIds: this.path.edgeIds, centre: [this.path.from, this.path.to] };
		if (key === 'whatif') return { nodes: this.removedNodes, edgeIds: this.removedEdges };
		if (key === 'scenario') return { nodes: [], edgeIds: this.addedEdges };
		return null;
	});

	constructor(private readonly dataset: () => Dataset) {}

	private get current(): Dataset {
		return this.dataset();
	}

	name(id: string): string {
		return Object.hasOwn(this.#labels, id) ? this.#labels[id]! : id;
	}

	/** Choosing the highlight on show again clears it. */
	toggle(key: HighlightKey): void {
		this.active = this.active === key ? null : key;
	}

	/**
	 * Computes the chosen layer's metrics: at once on a small graph, in Web Workers with progress on a large one.
	 * Meant for an $effect, which reruns it when the dataset or the options change; returns the effect's teardown.
	 */
	computeMetrics(): () => void {
		const dataset = this.current;
		const options = this.options;
		this.metrics = null;
		this.failure = null;
		if (!this.large) {
			this.metrics = computeMetrics(dataset, options);
			return () => {};
		}
		const abort = new AbortController();
		this.#controller = abort;
		this.progress = { done: 0, total: dataset.nodes.length };
		// A run the choices have moved on from reports nothing: only the latest run's results and progress count.
		const current = () => this.#controller === abort;
		pathCentralityInBrowser(toCsr(layerGraph(dataset, options)), {
			signal: abort.signal,
			onProgress: (done, total) => {
				if (current()) this.progress = { done, total };
			}
		})
			.then((paths) => {
				if (current()) this.metrics = computeMetrics(dataset, { ...options, paths });
			})
			.catch((error: unknown) => {
				if (current()) this.failure = abort.signal.aborted ? 'Cancelled: choose the ties again to recompute.' : `The analysis failed: ${String(error)}`;
			})
			.finally(() => {
				if (current()) this.progress = null;
			});
		return () => abort.abort();
	}

	cancel(): void {
		this.#controller?.abort();
	}

	removeNode(id: string): void {
		if (id && !this.removedNodes.includes(id)) this.removedNodes = [...this.removedNodes, id];
	}

	removeEdge(id: string): void {
		if (id && !this.removedEdges.includes(id)) this.removedEdges = [...this.removedEdges, id];
	}

	/** Puts back a node or a tie taken out (a node and a tie may share an id: `kind` says which; both when absent). */
	restore(id: string, kind?: 'node' | 'edge'): void {
		if (kind !== 'edge') this.removedNodes = this.removedNodes.filter((node) => node !== id);
		if (kind !== 'node') this.removedEdges = this.removedEdges.filter((edge) => edge !== id);
	}

	toggleMeasure(id: string, on: boolean): void {
		this.customMeasures = on ? [...this.customMeasures.filter((measure) => measure !== id), id] : this.customMeasures.filter((measure) => measure !== id);
	}
}
