// Scenarios of the brief: "as of" the dataset's date (active and stalled ties dated then), "with the brief's proposals"
// (plus every proposed tie), and custom (as of, plus the proposed ties of chosen measures); compared node by node.
import type { Dataset, DatasetEdge } from '../model';
import { compareMetrics, type ComparisonRow } from './compare';
import { layerGraph, type Layer } from './layer';
import { computeMetrics, type MetricId } from './metrics';
import { shortestPathOnLayer } from './paths';

export interface Scenario {
	id: string;
	label: string;
	/** which edges the scenario's layers are built from */
	edges: (edge: DatasetEdge) => boolean;
}

/** First day a partial date (2014, 2014-06, 2014-06-30) covers, and last. */
const dateStart = (date: string) => (date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date);
const dateEnd = (date: string) => (date.length === 4 ? `${date}-12-31` : date.length === 7 ? `${date}-31` : date);

/** Whether an active or stalled edge holds on `asOf` by its since and until (undated edges always hold). */
export function heldOn(edge: Pick<DatasetEdge, 'since' | 'until'>, asOf: string | undefined): boolean {
	if (!asOf) return true;
	const day = dateStart(asOf);
	return (!edge.since || dateStart(edge.since) <= day) && (!edge.until || dateEnd(edge.until) >= day);
}

export function asOfScenario(dataset: Dataset): Scenario {
	const asOf = dataset.meta.asOf;
	return { id: 'as-of', label: asOf ? `As of ${asOf}` : 'Current ties', edges: (edge) => edge.status !== 'proposed' && heldOn(edge, asOf) };
}

export function withProposalsScenario(dataset: Dataset): Scenario {
	const current = asOfScenario(dataset).edges;
	return { id: 'with-proposals', label: "With the brief's proposals", edges: (edge) => edge.status === 'proposed' || current(edge) };
}

export function customScenario(dataset: Dataset, measureIds: readonly string[]): Scenario {
	const known = new Set((dataset.measures ?? []).map((measure) => measure.id));
	for (const id of measureIds) if (!known.has(id)) throw new Error(`customScenario: no measure "${id}" in the dataset`);
	const chosen = new Set(measureIds);
	const current = asOfScenario(dataset).edges;
	return {
		id: 'custom',
		label: chosen.size ? `With ${measureIds.join(', ')}` : asOfScenario(dataset).label,
		edges: (edge) => (edge.status === 'proposed' ? !!edge.measure && chosen.has(edge.measure) : current(edge))
	};
}

/** The measures a custom scenario can toggle, each with the proposed edges it adds. */
export function scenarioMeasures(dataset: Dataset): Array<{ id: string; title: string; edgeIds: string[] }> {
	return (dataset.measures ?? []).map(({ id, title }) => ({
		id,
		title,
		edgeIds: dataset.edges.filter((edge) => edge.status === 'proposed' && edge.measure === id).map((edge) => edge.id)
	}));
}

export interface ScenarioOptions {
	layer?: Layer;
	weighted?: boolean;
	sortBy?: MetricId;
	/** node whose betweenness the headline follows; default united-states when present */
	broker?: string;
	/** pair whose distance the headline follows; default japan and south-korea when present */
	pair?: [string, string];
}

export interface PairDistance {
	source: string;
	target: string;
	/** null when the pair is not connected in that scenario */
	before: number | null;
	after: number | null;
}

export interface ScenarioComparison {
	base: { id: string; label: string };
	alternative: { id: string; label: string };
	layer: Layer;
	weighted: boolean;
	rows: ComparisonRow[];
	broker: { id: string; metric: 'betweenness'; before: number | null; after: number | null } | null;
	pairDistance: PairDistance | null;
	headline: string;
}

const fixed = (value: number | null) => (value === null ? 'none' : String(Number(value.toFixed(3))));

export function compareScenarios(dataset: Dataset, base: Scenario, alternative: Scenario, options: ScenarioOptions = {}): ScenarioComparison {
	const ids = new Set(dataset.nodes.map((node) => node.id));
	const broker = options.broker ?? (ids.has('united-states') ? 'united-states' : undefined);
	const pair = options.pair ?? (ids.has('japan') && ids.has('south-korea') ? (['japan', 'south-korea'] as [string, string]) : undefined);
	for (const id of [broker, ...(pair ?? [])]) if (id !== undefined && !ids.has(id)) throw new Error(`compareScenarios: no node "${id}" in the dataset`);
	const layerOptions = { layer: options.layer ?? 'cooperation', weighted: options.weighted ?? false };
	const before = computeMetrics(dataset, { ...layerOptions, edges: base.edges });
	const after = computeMetrics(dataset, { ...layerOptions, edges: alternative.edges });
	const rows = compareMetrics(before, after, options.sortBy);
	const labelOf = new Map(dataset.nodes.map((node) => [node.id, node.label]));
	const name = (id: string) => labelOf.get(id) ?? id;

	const brokerChange = broker
		? { id: broker, metric: 'betweenness' as const, before: before.nodes[broker]!.betweenness, after: after.nodes[broker]!.betweenness }
		: null;
	const distance = (scenario: Scenario) => {
		const path = shortestPathOnLayer(layerGraph(dataset, { ...layerOptions, edges: scenario.edges }), pair![0], pair![1]);
		return path.found ? path.distance : null;
	};
	const pairDistance = pair ? { source: pair[0], target: pair[1], before: distance(base), after: distance(alternative) } : null;

	const parts: string[] = [];
	if (brokerChange) parts.push(`${name(brokerChange.id)} betweenness ${fixed(brokerChange.before)} → ${fixed(brokerChange.after)}`);
	if (pairDistance)
		parts.push(`${name(pairDistance.source)}–${name(pairDistance.target)} ${layerOptions.layer} distance ${fixed(pairDistance.before)} → ${fixed(pairDistance.after)}`);
	const top = rows[0];
	if (!brokerChange && top) parts.push(`largest change: ${name(top.id)} betweenness ${fixed(top.change.betweenness)}`);
	return {
		base: { id: base.id, label: base.label },
		alternative: { id: alternative.id, label: alternative.label },
		...layerOptions,
		rows,
		broker: brokerChange,
		pairDistance,
		headline: `${alternative.label} vs ${base.label.toLowerCase()}: ${parts.join('; ')}.`
	};
}
