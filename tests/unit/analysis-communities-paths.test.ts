import { UndirectedGraph } from 'graphology';
import { modularity } from 'graphology-metrics/graph';
import { describe, expect, it } from 'vitest';
import { louvainCommunities } from '../../src/lib/analysis/communities';
import { defaultLayer } from '../../src/lib/analysis/layer';
import { describePath, shortestPath } from '../../src/lib/analysis/paths';
import { loadDataset, loadReference } from './analysis-reference';
import { fixture } from './paths';
import type { Dataset } from '../../src/lib/model';

const cliquePairs = (ids: string[]) => ids.flatMap((a, i) => ids.slice(i + 1).map((b) => [a, b]));

describe('louvainCommunities', () => {
	const random = loadDataset(fixture('analysis', 'graphs', 'random-300.json'));


	it('splits two cliques joined by one tie into the two cliques, an isolated node alone', () => {
		const ids = ['a', 'b', 'c', 'd', 'w', 'x', 'y', 'z', 'alone'];
		const pairs = [...cliquePairs(['a', 'b', 'c', 'd']), ...cliquePairs(['w', 'x', 'y', 'z']), ['d', 'w']];
		const dataset: Dataset = {
			format: 'alliance-explorer/1',
			meta: { id: 'cliques', title: 'Two cliques' },
			nodes: ids.map((id) => ({ id, label: id })),
			edges: pairs.map(([source, target]) => ({ id: `${source}-${target}`, source: source!, target: target!, kind: 'cooperation', status: 'active', evidence: [] }))
		};
		const { byNode, count } = louvainCommunities(dataset, defaultLayer(dataset));
		expect(count).toBe(3);
		expect(['a', 'b', 'c', 'd'].map((id) => byNode[id])).toEqual([0, 0, 0, 0]);
		expect(['w', 'x', 'y', 'z'].map((id) => byNode[id])).toEqual([1, 1, 1, 1]);
		expect(byNode.alone).toBe(2);
	});

	it('gives the same partition for the same seed, and a modularity graphology-metrics agrees with', () => {
		const first = louvainCommunities(random, defaultLayer(random), { seed: 7 });
		expect(louvainCommunities(random, defaultLayer(random), { seed: 7 })).toEqual(first);
		const graph = new UndirectedGraph();
		for (const node of random.nodes) graph.addNode(node.id, { community: first.byNode[node.id] });
		for (const edge of random.edges) if (!graph.hasEdge(edge.source, edge.target)) graph.addEdge(edge.source, edge.target);
		expect(Math.abs(modularity(graph, { getNodeCommunity: 'community', getEdgeWeight: null }) - first.modularity)).toBeLessThan(1e-12);
		expect(first.count).toBeGreaterThan(3);
	});
});

describe('shortestPath', () => {
	it('follows strong ties as short steps (length 1/strength), with the edges behind each step', () => {
		const reference = loadReference('weighted');
		const layer = defaultLayer(reference.dataset);
		const path = shortestPath(reference.dataset, 'a', 'f', { ...layer, weighted: true });
		// Lengths 1/strength: a-d-e-f = 1/2 + 1/3 + 1/1.5 = 1.5 beats a-h-g-f = 1/4 + 1 + 1/3 = 1.583,
		// a-b-g-f = 1 + 0.4 + 1/3 = 1.733 and a-b-c-f = a-d-c-f = 2: one shortest path.
		expect(path).toMatchObject({ found: true, from: 'a', to: 'f', count: 1, nodes: ['a', 'd', 'e', 'f'], edgeIds: ['a--d--2', 'd--e--9', 'e--f--5'] });
		expect(path.found && path.distance).toBeCloseTo(1.5, 12);
		expect(path.found && describePath(path, true)).toBe('3 steps, length 1.5, the only shortest route');
		// Unweighted, five 3-hop paths: a-b-c-f, a-b-g-f, a-d-c-f, a-d-e-f, a-h-g-f; walking back from f the lower index wins.
		const unweighted = shortestPath(reference.dataset, 'a', 'f', layer);
		expect(unweighted).toMatchObject({ distance: 3, count: 5, nodes: ['a', 'b', 'c', 'f'] });
		expect(unweighted.found && describePath(unweighted, false)).toBe('3 steps, one of 5 shortest routes');
		const direct = shortestPath(reference.dataset, 'a', 'b', layer);
		expect(direct.found && describePath(direct, false)).toBe('1 step, the only shortest route');
	});

	it('lists every collapsed parallel edge of a step, and says when there is no path', () => {
		const parallel = loadDataset(fixture('analysis', 'graphs', 'parallel.json'));
		const layer = defaultLayer(parallel);
		expect(shortestPath(parallel, 'a', 'c', layer)).toMatchObject({ nodes: ['a', 'b', 'c'], edgeIds: ['a--b--0', 'b--a--1', 'b--c--3', 'c--b--4'] });
		expect(shortestPath(parallel, 'a', 'f', layer)).toEqual({ found: false, from: 'a', to: 'f' });
		expect(shortestPath(parallel, 'a', 'd', { ...layer, kind: 'friction' })).toMatchObject({ nodes: ['a', 'd'], distance: 1, edgeIds: ['a--d--6', 'a--d--7'] });
		expect(shortestPath(parallel, 'a', 'c', { ...layer, kind: 'friction' }).found).toBe(false);
	});
});
