import { describe, expect, it } from 'vitest';
import { brokerReport, ranks } from '../../src/lib/analysis/broker';
import { loadDataset, loadReference, referenceNames } from './analysis-reference';
import { fixture } from './paths';

const pairKey = (pair: { source: string; target: string }) => `${pair.source}|${pair.target}`;

describe('brokerReport agrees with networkx path enumeration and removal', () => {
	for (const name of referenceNames()) {
		const reference = loadReference(name);
		for (const { layer, weighted, broker } of reference.cases) {
			if (!broker) continue;
			it.skipIf(!reference.fresh)(`${name}: ${broker.id} on the ${layer} layer, ${weighted ? 'weighted' : 'unweighted'}`, () => {
				const report = brokerReport(reference.dataset, broker.id, { layer, weighted });
				const shares = new Map(report.bridged.map((pair) => [pairKey(pair), pair]));
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
			});
		}
	}
});

describe('brokerReport on the star', () => {
	// Star: hub with leaves l1..l5. Every leaf pair (10 pairs) has one shortest path, through the hub (share 1, distance 2).
	// Removing the hub cuts all 10 pairs: components 1 -> 5 leaves; efficiency before = (5*2*1 + 20*1/2) / 30 = 2/3.
	const report = brokerReport(loadDataset(fixture('analysis', 'graphs', 'star.json')), 'hub');

	it('ranks the hub first on betweenness and last-constrained', () => {
		expect(report.ranks.find((rank) => rank.metric === 'betweenness')).toEqual({ metric: 'betweenness', value: 1, rank: 1, of: 6 });
		expect(report.ranks.find((rank) => rank.metric === 'constraint')!.rank).toBe(1);
	});

	it('bridges every leaf pair alone and cuts them all apart when removed', () => {
		expect(report.bridged).toHaveLength(10);
		expect(report.bridged.every((pair) => pair.share === 1 && pair.distance === 2)).toBe(true);
		expect(report.removal).toMatchObject({ components: { before: 1, after: 5 }, disconnected: 10, lengthened: 0 });
		expect(report.removal.efficiency.before).toBeCloseTo(2 / 3, 15);
	});

	it('highlights the hub and its five ties, and says so in one line of numbers', () => {
		expect(report.highlight.nodes).toEqual(['hub']);
		expect(report.highlight.edgeIds.sort()).toEqual(['hub--l1--0', 'hub--l2--1', 'hub--l3--2', 'hub--l4--3', 'hub--l5--4']);
		expect(report.headline).toBe(
			'HUB lies on shortest cooperation paths of 10 pairs (on every one of them for 10), betweenness 1 (rank 1 of 6); without it 10 pairs are cut apart and 0 farther apart, components 1 → 5, global efficiency 0.667 → 0.'
		);
	});

	it('counts Gould-Fernandez roles with every leaf in a group of its own: liaison on each ordered open pair', () => {
		expect(report.brokerage).toEqual({ coordinator: 0, itinerant: 0, gatekeeper: 0, representative: 0, liaison: 20, total: 20 });
	});
});

describe('ranks', () => {
	it('gives ties the same best rank and skips undefined values', () => {
		expect(ranks(Float64Array.from([0.5, 0.9, 0.5, NaN, 0.1]), 'desc')).toEqual([2, 1, 2, null, 4]);
		expect(ranks(Float64Array.from([0.5, 0.9, 0.5, NaN, 0.1]), 'asc')).toEqual([2, 4, 2, null, 1]);
	});

	it('refuses an unknown broker with its id', () => {
		expect(() => brokerReport(loadDataset(fixture('analysis', 'graphs', 'star.json')), 'nobody')).toThrow('no node "nobody"');
	});
});
