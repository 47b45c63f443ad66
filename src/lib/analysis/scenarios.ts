// Scenarios of the brief: a layer as it stands (its current ties) against the same layer with the brief's proposals
// (all of them, or those of chosen measures), compared node by node and on one broker and one pair.
import type { Dataset } from '../model';
import { nameInText } from '../model/names';
import { compareMetrics, type ComparisonRow } from './compare';
import { formatMetric } from './format';
import { describeLayer, layerGraph, type LayerSpec } from './layer';
import { computeMetrics, type LayerMetrics, type MetricId } from './metrics';
import { shortestPathOnLayer } from './paths';

/** The layer without any proposal: what stands as of its date. */
export function currentTies(spec: LayerSpec): LayerSpec {
	return { ...spec, statuses: spec.statuses.filter((status) => status !== 'proposed'), measures: null };
}

/** The layer's current ties plus the proposals of the chosen measures (null: every proposal). */
export function withProposals(spec: LayerSpec, measures: string[] | null = null): LayerSpec {
	const current = currentTies(spec);
	return { ...current, statuses: [...current.statuses, 'proposed'], measures };
}

/** The measures a scenario can add, each with the proposed edges it brings. */
export function scenarioMeasures(dataset: Dataset): Array<{ id: string; title: string; edgeIds: string[] }> {
	return (dataset.measures ?? []).map(({ id, title }) => ({
		id,
		title,
		edgeIds: dataset.edges.filter((edge) => edge.status === 'proposed' && edge.measure === id).map((edge) => edge.id)
	}));
}

export interface ScenarioOptions {
	sortBy?: MetricId;
	/** both layers' metrics, computed elsewhere (in workers, on a large graph) */
	metrics?: { before: LayerMetrics; after: LayerMetrics };
	/** node whose betweenness the headline follows */
	broker?: string;
	/** pair whose distance the headline follows */
	pair?: [string, string];
}

export interface PairDistance {
	source: string;
	target: string;
	/** null when the pair is not connected on that layer */
	before: number | null;
	after: number | null;
}

export interface ScenarioComparison {
	base: { layer: LayerSpec; label: string };
	alternative: { layer: LayerSpec; label: string };
	rows: ComparisonRow[];
	broker: { id: string; metric: 'betweenness'; before: number | null; after: number | null } | null;
	pairDistance: PairDistance | null;
	headline: string;
}

export function compareScenarios(dataset: Dataset, base: LayerSpec, alternative: LayerSpec, options: ScenarioOptions = {}): ScenarioComparison {
	const ids = new Set(dataset.nodes.map((node) => node.id));
	const { broker, pair } = options;
	for (const id of [broker, ...(pair ?? [])]) if (id !== undefined && !ids.has(id)) throw new Error(`compareScenarios: no node "${id}" in the dataset`);
	const before = options.metrics?.before ?? computeMetrics(dataset, base);
	const after = options.metrics?.after ?? computeMetrics(dataset, alternative);
	const rows = compareMetrics(before, after, options.sortBy);
	const labelOf = new Map(dataset.nodes.map((node) => [node.id, nameInText(node)]));
	const name = (id: string) => labelOf.get(id) ?? id;
	const title = (id: string) => dataset.measures?.find((measure) => measure.id === id)?.title;

	const brokerChange = broker
		? { id: broker, metric: 'betweenness' as const, before: before.nodes[broker]!.betweenness, after: after.nodes[broker]!.betweenness }
		: null;
	const distance = (spec: LayerSpec) => {
		const path = shortestPathOnLayer(layerGraph(dataset, spec), pair![0], pair![1]);
		return path.found ? path.distance : null;
	};
	const pairDistance = pair ? { source: pair[0], target: pair[1], before: distance(base), after: distance(alternative) } : null;

	const steps = (value: number | null) => (value === null ? 'not connected' : `${formatMetric(value)} step${value === 1 ? '' : 's'} apart`);
	const parts: string[] = [];
	const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
	if (brokerChange) parts.push(`${capital(name(brokerChange.id))}'s betweenness goes from ${formatMetric(brokerChange.before)} to ${formatMetric(brokerChange.after)}`);
	if (pairDistance) {
		const [a, b] = [name(pairDistance.source), name(pairDistance.target)];
		parts.push(
			pairDistance.before === pairDistance.after
				? `${a} and ${b} stay ${steps(pairDistance.before)}`
				: `${a} and ${b} go from ${steps(pairDistance.before)} to ${steps(pairDistance.after)}`
		);
	}
	const top = rows[0];
	if (!brokerChange && top) parts.push(`the largest change in ${options.sortBy ?? 'betweenness'} is ${name(top.id)}'s (${formatMetric(top.change[options.sortBy ?? 'betweenness'])})`);
	const baseLabel = describeLayer(base, title);
	const alternativeLabel = describeLayer(alternative, title);
	return {
		base: { layer: base, label: baseLabel },
		alternative: { layer: alternative, label: alternativeLabel },
		rows,
		broker: brokerChange,
		pairDistance,
		headline: `From “${baseLabel}” to “${alternativeLabel}”: ${parts.join('; ')}.`
	};
}
