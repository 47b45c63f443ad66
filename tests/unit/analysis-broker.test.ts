import { describe, expect, it } from 'vitest';
import { brokerLayerOf, brokerReport, rankOf } from '../../src/lib/analysis/broker';
import type { Dataset } from '../../src/lib/model';
import { defaultLayer, layerGraph } from '../../src/lib/analysis/layer';
import { layerName, loadDataset, loadReference, referenceNames } from './analysis-reference';
import { fixture } from './paths';

const star = loadDataset(fixture('analysis', 'graphs', 'star.json'));
const pairKey = (pair: { source: string; target: string }) => `${pair.source}|${pair.target}`;

describe('brokerReport agrees with networkx path enumeration and removal', () => {
	for (const name of referenceNames()) {
		const reference = loadReference(name);
		for (const { layer, broker } of reference.cases) {
			if (!broker) continue;
			it.skipIf(!reference.fresh)(`${name}: ${broker.id} on ${layerName(layer)}`, () => {
				const report = brokerReport(reference.dataset, broker.id, layer, { pairs: Infinity });
				expect(report.bridged.total).toBe(broker.bridged.length);
				expect(report.bridged.sole).toBe(broker.bridged.filter((pair) => pair.share === 1).length);
				const shares = new Map(report.bridged.top.map((pair) => [pairKey(pair), pair]));
				expect([...shares.keys()].sort()).toEqual(broker.bridged.map(pairKey).sort());
				for (const expected of broker.bridged) {
					const actual = shares.get(pairKey(expected))!;
					expect(Math.abs(actual.share - expected.share)).toBeLessThan(1e-12);
					expect(actual.paths).toBe(expected.paths);
				}
				const affected = Object.fromEntries(report.removal.affected.map((pair) => [pairKey(pair), [pair.before, pair.after]]));
				expect(affected).toEqual(Object.fromEntries(broker.affected.map((pair) => [pairKey(pair), [pair.before, pair.after]])));
				expect([report.removal.components.before, report.removal.components.after]).toEqual(broker.components);
				expect(Math.abs(report.removal.efficiency.before - broker.efficiency[0])).toBeLessThan(1e-12);
				expect(Math.abs(report.removal.efficiency.after - broker.efficiency[1])).toBeLessThan(1e-12);
				expect(report.removal.disconnected).toBe(broker.affected.filter((pair) => pair.after === null).length);
				expect(report.highlight.nodes.slice(1).sort()).toEqual([...broker.carrying].sort());
				// The page hands in the broker's layer made from its metrics' layer graph: the same report.
				const built = brokerLayerOf(layerGraph(reference.dataset, layer), broker.id);
				expect(brokerReport(reference.dataset, broker.id, layer, { pairs: Infinity, built })).toEqual(report);
			});
		}
	}
});

describe('brokerReport on the star', () => {
	// Star: hub with leaves l1..l5. Every leaf pair (10 pairs) has one shortest path, through the hub (share 1, distance 2).
	// Removing the hub cuts all 10 pairs: components 1 -> 5 leaves; efficiency before = (5*2*1 + 20*1/2) / 30 = 2/3.
	const report = brokerReport(star, 'hub', defaultLayer(star));

	it('ranks the hub first on betweenness and last-constrained', () => {
		expect(report.ranks.find((rank) => rank.metric === 'betweenness')).toEqual({ metric: 'betweenness', value: 1, rank: 1, of: 6, tiedWith: 0 });
		expect(report.ranks.find((rank) => rank.metric === 'constraint')!.rank).toBe(1);
	});

	it('bridges every leaf pair alone and cuts them all apart when removed', () => {
		expect(report.bridged).toMatchObject({ total: 10, sole: 10 });
		expect(report.bridged.top.every((pair) => pair.share === 1 && pair.distance === 2)).toBe(true);
		expect(report.removal).toMatchObject({ components: { before: 1, after: 5 }, disconnected: 10, lengthened: 0 });
		expect(report.removal.efficiency.before).toBeCloseTo(2 / 3, 15);
	});

	it('highlights the hub and its five ties, dims the rest, and says it all in plain words', () => {
		expect(report.highlight).toMatchObject({ nodes: ['hub', 'l1', 'l2', 'l3', 'l4', 'l5'], centre: ['hub'], dim: true });
		expect(report.highlight.edgeIds.sort()).toEqual(['hub--l1--0', 'hub--l2--1', 'hub--l3--2', 'hub--l4--3', 'hub--l5--4']);
		expect(report.headline).toBe(
			'On active cooperation ties at any date: HUB lies on a shortest route between 10 pairs of other nodes, and is the only route for 10 of them. Its betweenness, 1, ranks 1st of 6. Without it, 10 pairs would lose every route to each other and 0 pairs would be farther apart.'
		);
	});

	it('lists only the pairs asked for, and counts them all', () => {
		const capped = brokerReport(star, 'hub', defaultLayer(star), { pairs: 3 });
		expect(capped.bridged.top).toHaveLength(3);
		expect(capped.bridged.total).toBe(10);
		expect(capped.removal.affected).toHaveLength(3);
		expect(capped.removal.disconnected).toBe(10);
	});

	it('counts Gould-Fernandez roles with every leaf in a group of its own: liaison on each ordered open pair', () => {
		expect(report.brokerage).toEqual({ coordinator: 0, itinerant: 0, gatekeeper: 0, representative: 0, liaison: 20, total: 20 });
	});
});

describe('brokerLayerOf', () => {
	it('names a broker the layer does not hold', () => {
		expect(() => brokerLayerOf(layerGraph(star, defaultLayer(star)), 'nobody')).toThrow('no node "nobody"');
	});
});

describe('rankOf', () => {
	it('gives ties the same best rank, says how many share it, and ranks only the nodes with a value', () => {
		const values = Float64Array.from([0.5, 0.9, 0.5, NaN, 0.1]);
		const ranks = (order: 'asc' | 'desc') => [...values.keys()].map((v) => rankOf(values, order, v)).map(({ rank, of, tiedWith }) => [rank, of, tiedWith]);
		expect(ranks('desc')).toEqual([[2, 4, 1], [1, 4, 0], [2, 4, 1], [null, 4, 0], [4, 4, 0]]);
		expect(ranks('asc').map(([rank]) => rank)).toEqual([2, 4, 2, null, 1]);
	});

	it('says in the headline when every node shares the broker\'s betweenness', () => {
		const apart: Dataset = { ...star, edges: [] };
		const report = brokerReport(apart, 'hub', defaultLayer(apart));
		expect(report.ranks.find((rank) => rank.metric === 'betweenness')).toMatchObject({ value: 0, rank: 1, of: 6, tiedWith: 5 });
		expect(report.headline).toContain('Its betweenness, 0, ranks joint 1st of 6, with all the others.');
	});

	it('refuses an unknown broker with its id', () => {
		expect(() => brokerReport(star, 'nobody', defaultLayer(star))).toThrow('no node "nobody"');
	});
});
