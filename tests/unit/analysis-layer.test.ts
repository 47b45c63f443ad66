import { describe, expect, it } from 'vitest';
import { toCsr } from '../../src/lib/analysis/csr';
import { layerGraph } from '../../src/lib/analysis/layer';
import { loadDataset } from './analysis-reference';
import { fixture } from './paths';

const parallel = loadDataset(fixture('analysis', 'graphs', 'parallel.json'));
const summary = (options: Parameters<typeof layerGraph>[1]) => {
	const graph = layerGraph(parallel, options);
	return graph.ties.map((tie) => `${graph.nodes[tie.source]}-${graph.nodes[tie.target]} ${tie.weight} [${tie.edgeIds.join(' ')}]`);
};

describe('layerGraph collapses a dataset to a simple undirected graph', () => {
	it('keeps cooperation ties (a missing kind counts as cooperation), adds parallel weights, drops proposed and self-loops', () => {
		expect(summary({})).toEqual([
			'a-b 3 [a--b--0 b--a--1]',
			'b-c 3 [b--c--3 c--b--4]',
			'b-d 3 [b--d--11]',
			'c-d 1 [c--d--5]',
			'd-e 1 [d--e--8]'
		]);
	});

	it('builds the friction layer and the layer of all ties', () => {
		expect(summary({ layer: 'friction' })).toEqual(['a-b 3 [a--b--2]', 'a-d 3 [a--d--6 a--d--7]', 'c-e 1 [c--e--12]']);
		expect(summary({ layer: 'all' })[0]).toBe('a-b 6 [a--b--0 b--a--1 a--b--2]');
	});

	it('takes proposed ties in when the edge filter says so, and leaves out filtered nodes with their ties', () => {
		expect(summary({ edges: () => true })).toContain('a-e 5 [e--a--9]');
		const graph = layerGraph(parallel, { nodes: (node) => node.id !== 'b' });
		expect(graph.nodes).toEqual(['a', 'c', 'd', 'e', 'f']);
		expect(graph.ties.map((tie) => tie.edgeIds[0])).toEqual(['c--d--5', 'd--e--8']);
	});

	it('keeps isolated nodes, as networkx does', () => {
		expect(layerGraph(parallel).nodes).toContain('f');
	});

	it('refuses an unknown layer', () => {
		expect(() => layerGraph(parallel, { layer: 'rivalry' as never })).toThrow('unknown layer "rivalry"');
	});
});

describe('toCsr', () => {
	it('lists each tie in both rows, neighbours in ascending order, whatever order the ties come in', () => {
		const csr = toCsr({
			nodes: ['a', 'b', 'c', 'd'],
			weighted: true,
			ties: [
				{ source: 1, target: 3, weight: 2, edgeIds: [] },
				{ source: 0, target: 2, weight: 1, edgeIds: [] },
				{ source: 0, target: 1, weight: 5, edgeIds: [] },
				{ source: 2, target: 3, weight: 4, edgeIds: [] }
			]
		});
		expect([...csr.offsets]).toEqual([0, 2, 4, 6, 8]);
		expect([...csr.targets]).toEqual([1, 2, 0, 3, 0, 3, 1, 2]);
		expect([...csr.weights]).toEqual([5, 1, 5, 2, 1, 4, 2, 4]);
	});
});
