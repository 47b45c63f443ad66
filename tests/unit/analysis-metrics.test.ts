import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { toCsr } from '../../src/lib/analysis/csr';
import { eigenvectorCentrality } from '../../src/lib/analysis/eigenvector';
import { blankMetrics, computeMetricArrays, computeMetrics, METRIC_IDS, METRICS, metricsByNode } from '../../src/lib/analysis/metrics';
import { metricsCsv } from '../../src/lib/analysis/metrics-csv';
import { difference, layerName, loadReference, referenceNames, REGENERATE } from './analysis-reference';
import { hasNetworkx, PYTHON } from './io-helpers';

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

/** A chain of n nodes, p0 – p1 – … – p(n-1): its names and Csr. */
function chain(n: number) {
	const nodes = Array.from({ length: n }, (_, i) => `p${i}`);
	return { nodes, csr: toCsr({ nodes, weighted: false, ties: nodes.slice(1).map((_, i) => ({ source: i, target: i + 1, weight: 1, edgeIds: [] })) }) };
}

/** Every measure of a graph by node name. */
const measured = ({ nodes, csr }: ReturnType<typeof chain>) => metricsByNode(nodes, computeMetricArrays(csr));

describe('a measure no node has a value for', () => {
	it('eigenvector on a chain of 100 equals its closed form, sin(kπ/101) scaled to unit length (7,930 rounds)', () => {
		const values = eigenvectorCentrality(chain(100).csr);
		const form = Array.from({ length: 100 }, (_, k) => Math.sin(((k + 1) * Math.PI) / 101));
		const norm = Math.hypot(...form);
		expect(Math.max(...form.map((value, k) => Math.abs(value / norm - values[k]!)))).toBeLessThan(1e-9);
	});

	it('on a chain of 1,000, eigenvector does not settle within 10,000 rounds: every node blank, the other measures kept, the reason given', () => {
		const nodes = measured(chain(1000));
		expect(Object.values(nodes).every((values) => values.eigenvector === null)).toBe(true);
		expect(Object.values(nodes).every((values) => METRIC_IDS.every((metric) => metric === 'eigenvector' || values[metric] !== null))).toBe(true);
		expect(blankMetrics(nodes)).toEqual([{ metric: 'eigenvector', why: expect.stringMatching(/did not settle within 10,000 rounds; .* networkx stops with an error there too$/) }]);
	});

	it.skipIf(!hasNetworkx)('networkx, asked the same (max_iter=10000, tol=1e-13), fails on a chain of 150 as this does', () => {
		expect(Object.values(measured(chain(150))).every((values) => values.eigenvector === null)).toBe(true);
		const script = 'import networkx as nx\ntry:\n    nx.eigenvector_centrality(nx.path_graph(150), max_iter=10000, tol=1e-13)\n    print("converged")\nexcept nx.PowerIterationFailedConvergence:\n    print("failed")';
		expect(spawnSync(PYTHON, ['-c', script], { encoding: 'utf8' }).stdout.trim()).toBe('failed');
	});

	it('constraint and effective size are blank on a layer without ties; a layer with values has no blank measure', () => {
		const apart = { nodes: ['a', 'b', 'c'], csr: toCsr({ nodes: ['a', 'b', 'c'], weighted: false, ties: [] }) };
		expect(blankMetrics(measured(apart)).map(({ metric, why }) => [metric, why])).toEqual([
			['constraint', 'it is undefined for a node without ties, and no node of this layer has one'],
			['effectiveSize', 'it is undefined for a node without ties, and no node of this layer has one']
		]);
		expect(blankMetrics(measured(chain(10)))).toEqual([]);
		expect(blankMetrics({})).toEqual([]);
	});
});
