// npm run bench [-- --full]: betweenness on Barabási–Albert graphs (n = 2,000 and 10,000, m = 5) with our CSR kernel on
// worker threads and with graphology-metrics in the same run, their ratio, and the time for the whole metric set.
// graphology-metrics takes about 105 s at n = 10,000 here, so by default that size times graphology's own per-source
// routine on a sample of sources and extrapolates (labelled as such); --full runs graphology-metrics itself.
import { UndirectedGraph } from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import { createDijkstraIndexedBrandes, createUnweightedIndexedBrandes } from 'graphology-shortest-path/indexed-brandes';
import { availableParallelism, loadavg } from 'node:os';
import { toCsr, type Csr } from '../src/lib/analysis/csr';
import { computeMetricArrays, METRICS } from '../src/lib/analysis/metrics';
import { pathCentralityInNode } from '../src/lib/workers/node';
import { barabasiAlbert, type EdgeList } from './barabasi-albert';

const SIZES = [2000, 10_000];
const M = 5;
const SEED = 1;
const SAMPLE_SOURCES = 1000;
const TARGETS = new Map([[10_000, { betweenness: 6, all: 10 }]]);

const full = process.argv.includes('--full');
const workers = availableParallelism();

function csrOf({ n, edges }: EdgeList): Csr {
	const nodes = Array.from({ length: n }, (_, i) => String(i));
	const ties = edges.map(([a, b]) => ({ source: Math.min(a, b), target: Math.max(a, b), weight: 1, edgeIds: [] }));
	return toCsr({ nodes, ties, weighted: false });
}

function graphologyOf({ n, edges }: EdgeList): UndirectedGraph {
	const graph = new UndirectedGraph();
	for (let i = 0; i < n; i++) graph.addNode(String(i));
	for (const [a, b] of edges) graph.addEdge(String(a), String(b));
	return graph;
}

async function seconds<T>(run: () => T | Promise<T>): Promise<[number, T]> {
	const start = performance.now();
	const result = await run();
	return [(performance.now() - start) / 1000, result];
}

/** graphology-metrics' betweenness loop (centrality/betweenness.js) over `count` evenly spaced sources (delta reset by fill: same O(n)). */
function graphologySample(graph: UndirectedGraph, count: number, variant: Variant): void {
	const brandes = variant.getEdgeWeight ? createDijkstraIndexedBrandes(graph, variant.getEdgeWeight) : createUnweightedIndexedBrandes(graph);
	const delta = new Float64Array(graph.order);
	const centralities = new Float64Array(graph.order);
	for (let k = 0; k < count; k++) {
		const i = Math.floor((k * graph.order) / count);
		const [S, P, sigma] = brandes(i);
		delta.fill(0);
		while (S.size !== 0) {
			const w = S.pop()!;
			const coefficient = (1 + delta[w]!) / sigma[w]!;
			for (const v of P[w]!) delta[v]! += sigma[v]! * coefficient;
			if (w !== i) centralities[w]! += delta[w]!;
		}
	}
}

/** graphology-metrics' default reads a 'weight' attribute (Dijkstra, 1 where absent); null runs breadth-first like ours. */
interface Variant {
	name: string;
	getEdgeWeight: 'weight' | null;
}
const VARIANTS: Variant[] = [
	{ name: "default (getEdgeWeight 'weight', Dijkstra)", getEdgeWeight: 'weight' },
	{ name: 'getEdgeWeight null (breadth-first)', getEdgeWeight: null }
];

const fmt = (value: number) => `${value.toFixed(2)} s`;
const row = (label: string, value: string) => console.log(`  ${label.padEnd(64)} ${value}`);

async function bench(n: number): Promise<void> {
	const edges = barabasiAlbert(n, M, SEED);
	const csr = csrOf(edges);
	console.log(`BA(${n},${M}), seed ${SEED}: ${n} nodes, ${edges.edges.length} ties; ${workers} worker threads`);

	const [ours, paths] = await seconds(() => pathCentralityInNode(csr, { workers }));
	row(`betweenness, ours (CSR kernel, ${workers} workers, start-up included)`, fmt(ours));

	const graph = graphologyOf(edges);
	for (const variant of VARIANTS) {
		if (n <= 2000 || full) {
			const [time, values] = await seconds(() => betweennessCentrality(graph, { getEdgeWeight: variant.getEdgeWeight }));
			const worst = Math.max(...graph.mapNodes((id) => Math.abs(values[id]! - paths.betweenness[Number(id)]!)));
			row(`graphology-metrics ${variant.name}`, `${fmt(time)}   ratio to ours ${(time / ours).toFixed(1)}x, max |difference| ${worst.toExponential(1)}`);
		} else {
			const [time] = await seconds(() => graphologySample(graph, SAMPLE_SOURCES, variant));
			const estimate = (time * n) / SAMPLE_SOURCES;
			row(`graphology-metrics ${variant.name}`, `EXTRAPOLATED ${fmt(estimate)}   ratio to ours ${(estimate / ours).toFixed(1)}x (estimate)`);
			row('', `(its own per-source loop on ${SAMPLE_SOURCES} evenly spaced of ${n} sources took ${fmt(time)}, times ${n / SAMPLE_SOURCES}; --full runs it all)`);
		}
	}

	const [all] = await seconds(async () => computeMetricArrays(csr, { paths: await pathCentralityInNode(csr, { workers }) }));
	row(`all ${METRICS.length} metrics, ours (path metrics on ${workers} workers)`, fmt(all));
	const target = TARGETS.get(n);
	if (target)
		row(
			'targets: betweenness < 6 s, all metrics < 10 s',
			`${ours < target.betweenness ? 'met' : 'MISSED'}, ${all < target.all ? 'met' : 'MISSED'}`
		);
}

console.log(`load average before the run: ${loadavg().map((value) => value.toFixed(2)).join(' ')} (other work on the machine slows every figure)`);
for (const n of SIZES) await bench(n);
