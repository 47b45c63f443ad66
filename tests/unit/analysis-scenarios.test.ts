import { describe, expect, it } from 'vitest';
import { compareMetrics } from '../../src/lib/analysis/compare';
import { computeMetrics, METRIC_IDS, type NodeMetrics } from '../../src/lib/analysis/metrics';
import { asOfScenario, compareScenarios, customScenario, heldOn, scenarioMeasures, withProposalsScenario } from '../../src/lib/analysis/scenarios';
import { whatIf } from '../../src/lib/analysis/whatif';
import { difference, loadReference, referenceNames } from './analysis-reference';

function misses(actual: Record<string, NodeMetrics | null>, expected: Record<string, NodeMetrics>): string[] {
	const found: string[] = [];
	for (const [id, values] of Object.entries(expected))
		for (const metric of METRIC_IDS) if (!(difference(actual[id]?.[metric] ?? null, values[metric]) <= 1e-9)) found.push(`${id}.${metric}`);
	return found;
}

describe('scenarios and what-if equal networkx on the edges networkx was given', () => {
	for (const name of referenceNames()) {
		const reference = loadReference(name);
		for (const { weighted, nodes, scenario, removed } of reference.cases) {
			if (scenario) {
				it.skipIf(!reference.fresh)(`${name}: the ${scenario} scenario, ${weighted ? 'weighted' : 'unweighted'}`, () => {
					const chosen = scenario === 'as-of' ? asOfScenario(reference.dataset) : withProposalsScenario(reference.dataset);
					const comparison = compareScenarios(reference.dataset, asOfScenario(reference.dataset), chosen, { weighted });
					expect(misses(Object.fromEntries(comparison.rows.map((row) => [row.id, row.after])), nodes)).toEqual([]);
				});
			}
			if (removed) {
				it.skipIf(!reference.fresh)(`${name}: without ${[...removed.nodes, ...removed.edges].join(' and ')}, ${weighted ? 'weighted' : 'unweighted'}`, () => {
					const result = whatIf(reference.dataset, removed, { weighted });
					expect(misses(Object.fromEntries(result.rows.map((row) => [row.id, row.after])), nodes)).toEqual([]);
					for (const id of removed.nodes) expect(result.rows.find((row) => row.id === id)!.after).toBeNull();
				});
			}
		}
	}
});

describe('the sample alliance network', () => {
	const { dataset } = loadReference('alliance-sample');

	it('dates ties as of the dataset: a swap that ended in 2013 and a 2014-12 arrangement are out as of 2014-06-30', () => {
		const current = asOfScenario(dataset);
		expect(current.label).toBe('As of 2014-06-30');
		const out = dataset.edges.filter((edge) => !current.edges(edge)).map((edge) => edge.id);
		expect(out).toEqual([
			'japan--south-korea--currency-swap',
			'japan--south-korea--information-sharing',
			'japan--south-korea--gsomia',
			'japan--south-korea--history-dialogue',
			'japan--south-korea--fta',
			'united-states--trilateral-summit--observer'
		]);
		expect([heldOn({ since: '2014' }, '2014-06-30'), heldOn({ since: '2014-07' }, '2014-06-30'), heldOn({ until: '2014-06' }, '2014-06-30')]).toEqual([true, false, true]);
	});

	it('adds one measure at a time in a custom scenario', () => {
		expect(scenarioMeasures(dataset).map((measure) => [measure.id, measure.edgeIds.length])).toEqual([
			['conclude-gsomia', 1],
			['history-dialogue', 2],
			['japan-korea-fta', 1]
		]);
		const custom = customScenario(dataset, ['history-dialogue']);
		const added = dataset.edges.filter((edge) => custom.edges(edge) && !asOfScenario(dataset).edges(edge)).map((edge) => edge.id);
		expect(added).toEqual(['japan--south-korea--history-dialogue', 'united-states--trilateral-summit--observer']);
		expect(() => customScenario(dataset, ['no-such-measure'])).toThrow('no measure "no-such-measure"');
	});

	it('states how US betweenness and the Japan–South Korea distance move with the proposals', () => {
		const comparison = compareScenarios(dataset, asOfScenario(dataset), withProposalsScenario(dataset));
		// The proposed observer seat ties the US to the trilateral summit: US betweenness rises from 0 to 0.0119
		// (networkx, reference cases as-of and with-proposals); Japan and South Korea trade directly in both: distance 1.
		const reference = loadReference('alliance-sample').cases;
		const us = (scenario: string) => reference.find((c) => c.scenario === scenario && !c.weighted)!.nodes['united-states']!.betweenness!;
		expect([us('as-of'), Number(us('with-proposals').toFixed(4))]).toEqual([0, 0.0119]);
		expect(comparison.broker!.before).toBeCloseTo(us('as-of'), 12);
		expect(comparison.broker!.after).toBeCloseTo(us('with-proposals'), 12);
		expect(comparison.pairDistance).toEqual({ source: 'japan', target: 'south-korea', before: 1, after: 1 });
		expect(comparison.headline).toBe(
			`With the brief's proposals vs as of 2014-06-30: United States betweenness ${Number(us('as-of').toFixed(3))} → ${Number(us('with-proposals').toFixed(3))}; Japan–South Korea cooperation distance 1 → 1.`
		);
	});

	it('sorts the rows by the size of the change', () => {
		const comparison = compareScenarios(dataset, asOfScenario(dataset), withProposalsScenario(dataset), { sortBy: 'degree' });
		const sizes = comparison.rows.map((row) => Math.abs(row.change.degree!));
		expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
	});
});

describe('compareMetrics', () => {
	it('puts nodes missing on one side last, with null changes', () => {
		const { dataset } = loadReference('star');
		const before = computeMetrics(dataset);
		const after = computeMetrics(dataset, { nodes: (node) => node.id !== 'l1' });
		const rows = compareMetrics(before, after);
		expect(rows.at(-1)).toMatchObject({ id: 'l1', after: null, change: { betweenness: null } });
		// Without l1 the hub still carries every leaf pair: betweenness 1 before and after.
		expect(rows.find((row) => row.id === 'hub')!.change.betweenness).toBe(0);
	});
});
