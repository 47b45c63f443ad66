import { describe, expect, it } from 'vitest';
import { computeMetrics, METRIC_IDS, METRICS } from '../../src/lib/analysis/metrics';
import { metricsCsv } from '../../src/lib/analysis/metrics-csv';
import { difference, layerName, loadReference, referenceNames, REGENERATE } from './analysis-reference';

describe('every metric equals networkx to 1e-9', () => {
	for (const name of referenceNames()) {
		const reference = loadReference(name);
		describe(name, () => {
			// A stale reference fails here once, with the command that renews it, and its value tests are skipped.
			it(`has a reference made from the current ${reference.graph} (else run ${REGENERATE})`, () => {
				expect(reference.fresh).toBe(true);
			});
			for (const { layer, nodes, removed } of reference.cases) {
				if (removed) continue;
				it.skipIf(!reference.fresh)(`on ${layerName(layer)}`, () => {
					const actual = computeMetrics(reference.dataset, layer).nodes;
					expect(Object.keys(actual)).toEqual(Object.keys(nodes));
					const misses: string[] = [];
					for (const [id, expected] of Object.entries(nodes))
						for (const metric of METRIC_IDS) {
							const off = difference(actual[id]![metric], expected[metric]);
							if (!(off <= 1e-9)) misses.push(`${id}.${metric}: ${actual[id]![metric]} vs networkx ${expected[metric]}`);
						}
					expect(misses).toEqual([]);
				});
			}
		});
	}
});

describe('the metric registry', () => {
	it('lists each metric once, in the order of the output columns, each naming its networkx call', () => {
		expect(METRICS.map((metric) => metric.id)).toEqual([...METRIC_IDS]);
		for (const metric of METRICS) expect(metric.networkx).toMatch(/^[a-z_.]+\(|^G\.degree/);
	});
});

describe('metricsCsv', () => {
	it('writes a row per node, quotes ids that need it and leaves undefined values empty', () => {
		const values = { degree: 0.5, weightedDegree: 2, betweenness: 0, closeness: 0.5, harmonic: 1, eigenvector: 0.7, pagerank: 0.3, constraint: null, effectiveSize: null };
		expect(metricsCsv({ 'a,"b"': values }).split('\n')).toEqual([`id,${METRIC_IDS.join(',')}`, '"a,""b""",0.5,2,0,0.5,1,0.7,0.3,,', '']);
	});
});
