import { describe, expect, it } from 'vitest';
import { compareMetrics } from '../../src/lib/analysis/compare';
import { edgeInLayer, type LayerSpec } from '../../src/lib/analysis/layer';
import { computeMetrics, METRIC_IDS, type NodeMetrics } from '../../src/lib/analysis/metrics';
import { compareScenarios, currentTies, scenarioMeasures, withProposals } from '../../src/lib/analysis/scenarios';
import { whatIf } from '../../src/lib/analysis/whatif';
import { difference, layerName, loadReference, referenceNames } from './analysis-reference';

function misses(actual: Record<string, NodeMetrics | null>, expected: Record<string, NodeMetrics>): string[] {
	const found: string[] = [];
	for (const [id, values] of Object.entries(expected))
		for (const metric of METRIC_IDS) if (!(difference(actual[id]?.[metric] ?? null, values[metric]) <= 1e-9)) found.push(`${id}.${metric}`);
	return found;
}

const rowsBy = (rows: Array<{ id: string; before: NodeMetrics | null; after: NodeMetrics | null }>, side: 'before' | 'after') =>
	Object.fromEntries(rows.map((row) => [row.id, row[side]]));

describe('scenarios and what-if equal networkx on the layers networkx was given', () => {
	for (const name of referenceNames()) {
		const reference = loadReference(name);
		const byLayer = (layer: LayerSpec) => reference.cases.find((c) => !c.removed && JSON.stringify(c.layer) === JSON.stringify(layer))?.nodes;
		for (const { layer, nodes, removed } of reference.cases) {
			if (!removed && layer.statuses.includes('proposed')) {
				it.skipIf(!reference.fresh)(`${name}: the ties as they stand against ${layerName(layer)}`, () => {
					const comparison = compareScenarios(reference.dataset, currentTies(layer), withProposals(layer, layer.measures));
					expect(misses(rowsBy(comparison.rows, 'after'), nodes)).toEqual([]);
					const before = byLayer(currentTies(layer));
					if (before) expect(misses(rowsBy(comparison.rows, 'before'), before)).toEqual([]);
				});
			}
			if (removed) {
				it.skipIf(!reference.fresh)(`${name}: without ${[...removed.nodes, ...removed.edges].join(' and ')}, ${layerName(layer)}`, () => {
					const result = whatIf(reference.dataset, removed, layer);
					expect(misses(rowsBy(result.rows, 'after'), nodes)).toEqual([]);
					for (const id of removed.nodes) expect(result.rows.find((row) => row.id === id)!.after).toBeNull();
				});
			}
		}
	}
});

describe('the sample alliance network', () => {
	const { dataset, cases } = loadReference('alliance-sample');
	const layer: LayerSpec = { kind: 'cooperation', domains: null, statuses: ['active', 'stalled'], measures: null, asOf: '2014-06-30', strength: 'max', weighted: false };

	it('dates ties as of the dataset: a swap that ended in 2013 and a 2014-12 arrangement are out as of 2014-06-30', () => {
		const out = dataset.edges.filter((edge) => edge.status !== 'proposed' && edge.kind === 'cooperation' && !edgeInLayer(edge, layer)).map((edge) => edge.id);
		expect(out).toEqual(['japan--south-korea--currency-swap', 'japan--south-korea--information-sharing']);
	});

	it('lists each measure with the proposals it adds', () => {
		expect(scenarioMeasures(dataset).map((measure) => [measure.id, measure.edgeIds.length])).toEqual([
			['conclude-gsomia', 1],
			['history-dialogue', 2],
			['japan-korea-fta', 1]
		]);
	});

	it('states in words how US betweenness and the Japan–South Korea distance move with the proposals', () => {
		const active = cases[0]!.layer;
		const comparison = compareScenarios(dataset, currentTies(active), withProposals(active), { broker: 'united-states', pair: ['japan', 'south-korea'] });
		// The proposed observer seat ties the US to the trilateral summit, which counts only with stalled ties; on active ties
		// alone the proposals tie Japan and South Korea directly twice more, and they trade directly already: distance 1 both ways.
		expect(comparison.pairDistance).toEqual({ source: 'japan', target: 'south-korea', before: 1, after: 1 });
		const us = (nodes: Record<string, NodeMetrics>) => nodes['united-states']!.betweenness!;
		expect(comparison.broker!.before).toBeCloseTo(us(cases[0]!.nodes), 12);
		expect(comparison.headline).toBe(
			`From “Active cooperation ties as of 30 June 2014” to “Active cooperation ties as of 30 June 2014, with the brief's proposals”: United States's betweenness goes from ${Number(
				comparison.broker!.before!.toFixed(3)
			)} to ${Number(comparison.broker!.after!.toFixed(3))}; Japan and South Korea stay 1 step apart.`
		);
	});

	it('sorts the rows by the size of the change', () => {
		const comparison = compareScenarios(dataset, currentTies(layer), withProposals(layer), { sortBy: 'degree' });
		const sizes = comparison.rows.map((row) => Math.abs(row.change.degree!));
		expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
	});
});

describe('compareMetrics', () => {
	it('puts nodes missing on one side last, with null changes', () => {
		const { dataset } = loadReference('star');
		const layer = loadReference('star').cases[0]!.layer;
		const before = computeMetrics(dataset, layer);
		const after = computeMetrics(dataset, layer, { nodes: (node) => node.id !== 'l1' });
		const rows = compareMetrics(before, after);
		expect(rows.at(-1)).toMatchObject({ id: 'l1', after: null, change: { betweenness: null } });
		// Without l1 the hub still carries every leaf pair: betweenness 1 before and after.
		expect(rows.find((row) => row.id === 'hub')!.change.betweenness).toBe(0);
	});
});
