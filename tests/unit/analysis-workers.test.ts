import { describe, expect, it } from 'vitest';
import { toCsr } from '../../src/lib/analysis/csr';
import { defaultLayer, layerGraph } from '../../src/lib/analysis/layer';
import { brokerLayer, brokerReport } from '../../src/lib/analysis/broker';
import { computeMetricArrays, metricsByNode } from '../../src/lib/analysis/metrics';
import { splitSources } from '../../src/lib/analysis/path-centrality';
import { brokerPartialInNode, pathCentralityInNode, spawnNodeWorker } from '../../src/lib/workers/node';
import { runJobs } from '../../src/lib/workers/pool';
import { difference, loadReference } from './analysis-reference';

const reference = loadReference('random-300');

describe('the costly metrics without shortest paths, on a worker thread beside the path pass', () => {
	for (const weighted of [false, true]) {
		it(`give, with the path pass, every metric networkx gives on the 300-node graph, ${weighted ? 'weighted' : 'unweighted'}`, async () => {
			const graph = layerGraph(reference.dataset, { ...defaultLayer(reference.dataset), weighted });
			const csr = toCsr(graph);
			const [[local], paths] = await Promise.all([runJobs([{ type: 'local' as const, csr }], 1, { spawn: spawnNodeWorker, workers: 1 }), pathCentralityInNode(csr, { workers: 2 })]);
			expect(Object.keys(local!).sort()).toEqual(['constraint', 'effectiveSize', 'eigenvector', 'pagerank']);
			const actual = metricsByNode(graph.nodes, computeMetricArrays(csr, { paths, local }));
			const expected = reference.cases.find((c) => c.layer.weighted === weighted && !c.removed)!.nodes;
			const misses = Object.entries(expected).flatMap(([id, values]) =>
				Object.entries(values)
					.filter(([metric, value]) => !(difference(actual[id]![metric as keyof (typeof actual)[string]], value) <= 1e-9))
					.map(([metric]) => `${id}.${metric}`)
			);
			expect(misses).toEqual([]);
		});
	}
});

describe('path centrality on worker threads, split by source ranges', () => {
	for (const weighted of [false, true]) {
		it(`equals networkx on the 300-node graph with 3 workers, ${weighted ? 'weighted' : 'unweighted'}, reporting progress up to n`, async () => {
			const graph = layerGraph(reference.dataset, { ...defaultLayer(reference.dataset), weighted });
			const progress: number[] = [];
			const result = await pathCentralityInNode(toCsr(graph), { workers: 3, onProgress: (done) => progress.push(done) });
			const expected = reference.cases.find((c) => c.layer.weighted === weighted && !c.removed)!.nodes;
			graph.nodes.forEach((id, v) => {
				expect(Math.abs(result.betweenness[v]! - expected[id]!.betweenness!)).toBeLessThan(1e-9);
				expect(Math.abs(result.closeness[v]! - expected[id]!.closeness!)).toBeLessThan(1e-9);
				expect(Math.abs(result.harmonic[v]! - expected[id]!.harmonic!)).toBeLessThan(1e-9);
			});
			expect(progress.at(-1)).toBe(300);
			expect(progress).toEqual([...progress].sort((a, b) => a - b));
		});
	}

	it('stops every worker and rejects with the reason when cancelled', async () => {
		const controller = new AbortController();
		const run = pathCentralityInNode(toCsr(layerGraph(reference.dataset, defaultLayer(reference.dataset))), {
			workers: 2,
			signal: controller.signal,
			onProgress: (done) => done > 0 && controller.abort(new Error('cancelled by the user'))
		});
		await expect(run).rejects.toThrow('cancelled by the user');
	});

	// Efficiency sums added in another order differ in the last bits: compare them to 1e-12, the rest exactly.
	const rounded = (report: ReturnType<typeof brokerReport>) => {
		const { before, after } = report.removal.efficiency;
		return { ...report, removal: { ...report.removal, efficiency: { before: Number(before.toFixed(12)), after: Number(after.toFixed(12)) } } };
	};

	it('gives the broker report the same sums and pair lists from 3 worker threads as from one', async () => {
		const alliance = loadReference('alliance-sample');
		for (const { layer } of alliance.cases.filter((c) => c.broker)) {
			const { csr, v } = brokerLayer(alliance.dataset, 'united-states', layer);
			const partial = await brokerPartialInNode(csr, v, 5, { workers: 3 });
			expect(rounded(brokerReport(alliance.dataset, 'united-states', layer, { pairs: 5, partial }))).toEqual(rounded(brokerReport(alliance.dataset, 'united-states', layer, { pairs: 5 })));
		}
		const layer = reference.cases[0]!.layer;
		const { csr, v } = brokerLayer(reference.dataset, 'n0', layer);
		const partial = await brokerPartialInNode(csr, v, 10, { workers: 3 });
		expect(rounded(brokerReport(reference.dataset, 'n0', layer, { pairs: 10, partial }))).toEqual(rounded(brokerReport(reference.dataset, 'n0', layer, { pairs: 10 })));
	});

	it('computes the broker report’s sums along with path centrality on the same searches, unweighted and weighted', async () => {
		for (const weighted of [false, true]) {
			const layer = { ...reference.cases[0]!.layer, weighted };
			const { csr, v } = brokerLayer(reference.dataset, 'n7', layer);
			const { broker, ...paths } = await pathCentralityInNode(csr, { workers: 2, broker: { node: v, limit: 10 } });
			const expected = reference.cases.find((c) => c.layer.weighted === weighted && !c.removed)!.nodes;
			expect(Math.abs(paths.betweenness[v]! - expected['n7']!.betweenness!)).toBeLessThan(1e-9);
			expect(rounded(brokerReport(reference.dataset, 'n7', layer, { pairs: 10, partial: broker }))).toEqual(rounded(brokerReport(reference.dataset, 'n7', layer, { pairs: 10 })));
		}
	});

	it('splits sources into near-equal contiguous ranges, never more ranges than nodes', () => {
		expect(splitSources(10, 3)).toEqual([
			[0, 3],
			[3, 6],
			[6, 10]
		]);
		expect(splitSources(2, 4)).toEqual([
			[0, 1],
			[1, 2]
		]);
		expect(splitSources(0, 2)).toEqual([[0, 0]]);
	});
});
