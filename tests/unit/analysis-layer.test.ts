import { describe, expect, it } from 'vitest';
import { toCsr } from '../../src/lib/analysis/csr';
import { defaultLayer, describeLayer, describeProjection, edgeInLayer, formatPartialDate, layerGraph, type LayerSpec } from '../../src/lib/analysis/layer';
import { readLayerParams, writeLayerParams } from '../../src/lib/analysis/layer-params';
import type { Dataset, DatasetEdge } from '../../src/lib/model';
import { loadDataset } from './analysis-reference';
import { fixture } from './paths';

const parallel = loadDataset(fixture('analysis', 'graphs', 'parallel.json'));
const base = defaultLayer(parallel);
const summary = (change: Partial<LayerSpec> = {}, dataset: Dataset = parallel) => {
	const graph = layerGraph(dataset, { ...base, ...change });
	return graph.ties.map((tie) => `${graph.nodes[tie.source]}-${graph.nodes[tie.target]} ${tie.weight} [${tie.edgeIds.join(' ')}]`);
};

describe('layerGraph projects a layer to a simple undirected graph, one connection per pair', () => {
	it('keeps active cooperation ties by default (a missing kind counts as cooperation), strongest weight per pair, no self-loops', () => {
		// a-b: weights 2 and 1 -> max 2; b-c: 1 and 2 -> 2; stalled d-e, proposed e-a and the loop e-e are out.
		expect(summary()).toEqual(['a-b 2 [a--b--0 b--a--1]', 'b-c 2 [b--c--3 c--b--4]', 'b-d 3 [b--d--11]', 'c-d 1 [c--d--5]']);
		// The loop is counted, for the method to say what it leaves out; the friction layer has none.
		expect(layerGraph(parallel, base).loops).toBe(1);
		expect(layerGraph(parallel, { ...base, kind: 'friction' }).loops).toBe(0);
		// b→a is the layer's one directed tie; it joins a and b as the undirected a–b does.
		expect(layerGraph(parallel, base).directed).toBe(1);
	});

	it('makes a pair’s strength the sum or the number of its ties when asked', () => {
		expect(summary({ strength: 'sum' }).slice(0, 2)).toEqual(['a-b 3 [a--b--0 b--a--1]', 'b-c 3 [b--c--3 c--b--4]']);
		expect(summary({ strength: 'count' })).toEqual(['a-b 2 [a--b--0 b--a--1]', 'b-c 2 [b--c--3 c--b--4]', 'b-d 1 [b--d--11]', 'c-d 1 [c--d--5]']);
	});

	it('builds the friction layer and the layer of both kinds', () => {
		expect(summary({ kind: 'friction' })).toEqual(['a-b 3 [a--b--2]', 'a-d 2 [a--d--6 a--d--7]', 'c-e 1 [c--e--12]']);
		expect(summary({ kind: 'all', strength: 'sum' })[0]).toBe('a-b 6 [a--b--0 b--a--1 a--b--2]');
	});

	it('takes stalled ties and the brief’s proposals in only when their status is chosen', () => {
		expect(summary({ statuses: ['active', 'stalled'] })).toContain('d-e 1 [d--e--8]');
		expect(summary({ statuses: ['active', 'proposed'] })).toContain('a-e 5 [e--a--9]');
		expect(summary({ statuses: ['stalled'] })).toEqual(['d-e 1 [d--e--8]']);
	});

	it('leaves out nodes and edges a restriction excludes, keeping isolated nodes as networkx does', () => {
		const graph = layerGraph(parallel, base, { nodes: (node) => node.id !== 'b' });
		expect(graph.nodes).toEqual(['a', 'c', 'd', 'e', 'f']);
		expect(graph.ties.map((tie) => tie.edgeIds[0])).toEqual(['c--d--5']);
		expect(layerGraph(parallel, base).nodes).toContain('f');
	});

	it('refuses an unknown kind, strength, status or date with the value', () => {
		expect(() => layerGraph(parallel, { ...base, kind: 'rivalry' as never })).toThrow('unknown kind of tie "rivalry"');
		expect(() => layerGraph(parallel, { ...base, strength: 'mean' as never })).toThrow('unknown strength "mean"');
		expect(() => layerGraph(parallel, { ...base, statuses: ['frozen' as never] })).toThrow('unknown status "frozen"');
		expect(() => layerGraph(parallel, { ...base, asOf: 'June' })).toThrow('as-of date "June"');
	});
});

describe('edgeInLayer: fields, measures and the as-of date', () => {
	const edge = (change: Partial<DatasetEdge>): DatasetEdge => ({ id: 'x', source: 'a', target: 'b', kind: 'cooperation', status: 'active', evidence: [], ...change });
	const spec: LayerSpec = { kind: 'cooperation', domains: ['defense'], statuses: ['active', 'proposed'], measures: ['m1'], asOf: '2014-06', strength: 'max', weighted: false };

	it('keeps a tie of a chosen field only; a tie without a field counts only when every field does', () => {
		expect(edgeInLayer(edge({ domain: 'defense' }), spec)).toBe(true);
		expect(edgeInLayer(edge({ domain: 'economics' }), spec)).toBe(false);
		expect(edgeInLayer(edge({}), spec)).toBe(false);
		expect(edgeInLayer(edge({}), { ...spec, domains: null })).toBe(true);
	});

	it('keeps a proposal only of a chosen measure, whatever its date', () => {
		expect(edgeInLayer(edge({ domain: 'defense', status: 'proposed', measure: 'm1' }), spec)).toBe(true);
		expect(edgeInLayer(edge({ domain: 'defense', status: 'proposed', measure: 'm2' }), spec)).toBe(false);
		expect(edgeInLayer(edge({ domain: 'defense', status: 'proposed', measure: 'm2' }), { ...spec, measures: null })).toBe(true);
	});

	it('keeps a current tie that holds at some time in the as-of period; undated ties always', () => {
		const at = (since: string | null, until: string | null = null) => edgeInLayer(edge({ domain: 'defense', since, until }), spec);
		expect([at(null), at('2014-06'), at('2014-06-30'), at('2014-07'), at('2010', '2013'), at('2010', '2014-06-01')]).toEqual([true, true, true, false, false, true]);
		expect(edgeInLayer(edge({ domain: 'defense', since: '2020' }), { ...spec, asOf: null })).toBe(true);
	});
});

describe('the layer in words', () => {
	it('says a layer in one sentence', () => {
		expect(describeLayer(base)).toBe('Active cooperation ties at any date');
		const brief: LayerSpec = { ...base, asOf: '2014-06' };
		expect(describeLayer(brief)).toBe('Active cooperation ties as of June 2014');
		expect(describeLayer({ ...brief, kind: 'all', domains: ['defense'], statuses: ['active', 'stalled', 'proposed'] })).toBe(
			"Active and stalled ties of both kinds (cooperation and friction) in defense as of June 2014, with the brief's proposals"
		);
		expect(describeLayer({ ...brief, statuses: ['active', 'proposed'], measures: ['gsomia'] }, () => 'Conclude a GSOMIA')).toBe(
			'Active cooperation ties as of June 2014, with the proposals of “Conclude a GSOMIA”'
		);
		expect(describeLayer({ ...brief, kind: 'friction', domains: ['diplomacy', 'defense', 'economics'], asOf: '2014-06-30' })).toBe(
			'Active friction ties in diplomacy, defense and economics as of 30 June 2014'
		);
	});

	it('says how parallel ties count', () => {
		expect(describeProjection(base, { loops: 0, directed: 0 })).toBe("Parallel ties between two nodes count once; a pair's strength is its strongest tie's weight; every pair is one step, whatever its strength.");
		expect(describeProjection({ strength: 'sum', weighted: true }, { loops: 0, directed: 0 })).toMatch(/sum of its ties’ weights; paths read a pair’s strength as closeness \(length 1\/strength\)/);
	});

	it('says what it sets aside, when the layer has any: the direction of directed ties, ties from a node to itself', () => {
		expect(describeProjection(base, { loops: 1, directed: 0 })).toBe(
			"Parallel ties between two nodes count once; a pair's strength is its strongest tie's weight; every pair is one step, whatever its strength. The one tie from a node to itself is left out."
		);
		expect(describeProjection(base, { loops: 1200, directed: 1 })).toMatch(
			/whatever its strength\. Direction is set aside: the one directed tie joins its ends both ways\. The 1,200 ties from a node to itself are left out\.$/
		);
		expect(describeProjection(base, { directed: 35_706, loops: 0 })).toMatch(/strength\. Direction is set aside: the 35,706 directed ties join their ends both ways\.$/);
	});

	it('reads partial dates as words', () => {
		expect([formatPartialDate('2014'), formatPartialDate('2014-06'), formatPartialDate('2014-06-05')]).toEqual(['2014', 'June 2014', '5 June 2014']);
	});
});

describe('layer parameters (URL, API, CLI)', () => {
	const defaults: LayerSpec = { ...base, asOf: '2014-06' };
	const layers: LayerSpec[] = [
		defaults,
		{ ...defaults, kind: 'friction', domains: ['defense', 'economics'], statuses: ['active', 'stalled'], asOf: null, strength: 'sum', weighted: true },
		{ ...defaults, statuses: ['active', 'proposed'], measures: ['a,b', 'c & d'] },
		{ ...defaults, statuses: ['active', 'proposed'], measures: [] },
		{ ...defaults, domains: [] }
	];

	it('writes only what differs from the defaults, and reads every layer back unchanged', () => {
		expect(writeLayerParams(defaults, defaults)).toEqual([]);
		for (const layer of layers) {
			const params = new URLSearchParams(writeLayerParams(layer, defaults, 'layer.'));
			expect(readLayerParams(params, defaults, 'layer.')).toEqual({ spec: layer, problems: [] });
		}
		expect(new URLSearchParams(writeLayerParams(layers[1]!, defaults)).toString()).toBe('kind=friction&fields=defense%2Ceconomics&status=active%2Cstalled&asof=any&strength=sum&weighted=true');
	});

	it('names each parameter it cannot read and keeps its default', () => {
		const { spec, problems } = readLayerParams(new URLSearchParams('kind=rivalry&status=active,frozen&asof=June&strength=mean&weighted=yes'), defaults);
		expect(spec).toEqual(defaults);
		expect(problems).toEqual([
			'kind: "rivalry" is not one of cooperation, friction, all',
			'status: "frozen" is not a list of active, stalled, proposed',
			'asof: "June" is not a date like 2014, 2014-06 or 2014-06-30, or "any"',
			'strength: "mean" is not one of max, sum, count',
			'weighted: "yes" is not true or false'
		]);
	});
});

describe('toCsr', () => {
	it('lists each tie in both rows, neighbours in ascending order, with lengths 1/strength when weighted', () => {
		const graph = {
			nodes: ['a', 'b', 'c', 'd'],
			weighted: true,
			ties: [
				{ source: 1, target: 3, weight: 2, edgeIds: [] },
				{ source: 0, target: 2, weight: 1, edgeIds: [] },
				{ source: 0, target: 1, weight: 5, edgeIds: [] },
				{ source: 2, target: 3, weight: 4, edgeIds: [] }
			]
		};
		const csr = toCsr(graph);
		expect([...csr.offsets]).toEqual([0, 2, 4, 6, 8]);
		expect([...csr.targets]).toEqual([1, 2, 0, 3, 0, 3, 1, 2]);
		expect([...csr.weights]).toEqual([5, 1, 5, 2, 1, 4, 2, 4]);
		expect([...csr.lengths]).toEqual([0.2, 1, 0.2, 0.5, 1, 0.25, 0.5, 0.25]);
		expect([...toCsr({ ...graph, weighted: false }).lengths]).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
	});
});
