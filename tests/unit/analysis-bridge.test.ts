import { describe, expect, it } from 'vitest';
import { bridgeHighlight, bridgeReport } from '../../src/lib/analysis/bridge';
import { bridgeStory, storyText, verdictOf } from '../../src/lib/analysis/bridge-story';
import { defaultLayer, type LayerSpec } from '../../src/lib/analysis/layer';
import type { Dataset, DatasetEdge } from '../../src/lib/model';
import { layerName, loadReference, referenceNames } from './analysis-reference';

describe('bridgeReport equals networkx path enumeration on the same layer', () => {
	for (const name of referenceNames()) {
		const reference = loadReference(name);
		for (const expected of reference.bridges) {
			it.skipIf(!reference.fresh)(`${name}: ${expected.broker} between ${expected.pair.join(' and ')} on ${layerName(expected.layer)}`, () => {
				const report = bridgeReport(reference.dataset, expected.pair, expected.broker, expected.layer);
				const scenario = expected.layer.statuses.includes('proposed') ? report.proposals! : report.current;
				expect(scenario.slices.map((slice) => slice.domain)).toEqual(expected.slices.map((slice) => slice.domain));
				scenario.slices.forEach((slice, i) => {
					const want = expected.slices[i]!;
					const where = `${slice.domain ?? 'all fields'}`;
					expect({ where, direct: { cooperation: [...slice.direct.cooperation].sort(), friction: [...slice.direct.friction].sort() } }).toEqual({
						where,
						direct: { cooperation: [...want.direct.cooperation].sort(), friction: [...want.direct.friction].sort() }
					});
					expect({ where, paths: slice.paths, through: slice.throughBroker, throughForum: slice.throughBrokerOrForum }).toEqual({
						where,
						paths: want.paths,
						through: want.throughBroker,
						throughForum: want.throughBrokerOrForum
					});
					if (want.distance === null) expect(slice.distance).toBeNull();
					else expect(slice.distance!).toBeCloseTo(want.distance, 9);
					if (want.distanceWithoutBroker === null) expect(slice.distanceWithoutBroker).toBeNull();
					else expect(slice.distanceWithoutBroker!).toBeCloseTo(want.distanceWithoutBroker, 9);
					expect(slice.forums.map((forum) => forum.id).sort()).toEqual([...want.forums].sort());
					expect(slice.forums.filter((forum) => forum.facilitatedBy.length).map((forum) => forum.id).sort()).toEqual([...want.facilitated].sort());
				});
			});
		}
	}
});

// A hand-made triangle in two fields. Defense: A and B share no tie; A-US-B, A-TALKS-B (facilitated by US) and
// A-DRILL-B are the three 2-step routes: 1 through US (1/3), 2 through US or a forum it facilitates; without US, 2 steps.
// TALKS is the one forum of all three (DRILL has no US tie).
// Diplomacy: A and B are tied directly (and by friction). With the proposal, A and B get a defense tie.
const node = (id: string, type: string) => ({ id, label: id === 'us' ? 'United States' : id.toUpperCase(), type, ...(id === 'us' ? { textName: 'the United States' } : {}) });
let n = 0;
const tie = (source: string, target: string, domain: DatasetEdge['domain'], change: Partial<DatasetEdge> = {}): DatasetEdge => ({
	id: `${source}-${target}-${n++}`,
	source,
	target,
	kind: 'cooperation',
	status: 'active',
	domain,
	label: `${source}–${target}`,
	evidence: [],
	...change
});
const dataset: Dataset = {
	format: 'alliance-explorer/1',
	meta: { id: 'triangle', title: 'Triangle', asOf: '2014-06' },
	nodes: [node('a', 'state'), node('b', 'state'), node('us', 'state'), node('talks', 'institution'), node('drill', 'event'), node('c', 'state')],
	edges: [
		tie('us', 'a', 'defense'),
		tie('us', 'b', 'defense'),
		tie('a', 'talks', 'defense'),
		tie('b', 'talks', 'defense'),
		tie('us', 'talks', 'defense', { relation: 'facilitation' }),
		tie('a', 'drill', 'defense'),
		tie('b', 'drill', 'defense'),
		tie('a', 'b', 'diplomacy'),
		tie('a', 'b', 'diplomacy', { kind: 'friction' }),
		tie('us', 'a', 'diplomacy', { relation: 'facilitation', label: 'US brokers contact' }),
		tie('a', 'c', 'defense'),
		tie('a', 'b', 'defense', { status: 'proposed', measure: 'm' }),
		tie('a', 'b', 'defense', { status: 'stalled' })
	],
	measures: [{ id: 'm', domain: 'defense', title: 'M' }]
};
const layer: LayerSpec = defaultLayer(dataset);

describe('bridgeReport on a hand-made triangle', () => {
	const report = bridgeReport(dataset, ['a', 'b'], 'us', layer);
	const [all, defense, diplomacy] = report.current.slices;

	it('counts the routes through the broker and through the forums it facilitates, field by field', () => {
		expect(defense).toMatchObject({ domain: 'defense', distance: 2, paths: 3, throughBroker: 1, throughBrokerOrForum: 2, share: 1 / 3, distanceWithoutBroker: 2 });
		expect(defense!.direct).toEqual({ cooperation: [], friction: [] });
		// DRILL holds A and B but not the broker: a route, not a forum of all three.
		expect(defense!.forums.map((forum) => [forum.id, forum.facilitatedBy.length])).toEqual([['talks', 1]]);
		expect(diplomacy).toMatchObject({ domain: 'diplomacy', distance: 1, paths: 1, throughBroker: 0, share: 0 });
		expect(diplomacy!.direct.cooperation).toHaveLength(1);
		expect(diplomacy!.direct.friction).toHaveLength(1);
		expect(all!.distance).toBe(1);
	});

	it('reads a stalled tie only when stalled ties count, and the proposals in their own scenario', () => {
		expect(bridgeReport(dataset, ['a', 'b'], 'us', { ...layer, statuses: ['active', 'stalled'] }).current.slices[1]!.distance).toBe(1);
		expect(report.proposals!.slices[1]).toMatchObject({ distance: 1, throughBroker: 0 });
	});

	it('names the verdict per field, honestly', () => {
		expect([verdictOf(defense!), verdictOf(diplomacy!), verdictOf(all!)]).toEqual(['one-of-several', 'tied-directly', 'tied-directly']);
	});

	it('lists the broker’s facilitation ties with the pair or a mechanism both belong to', () => {
		expect(all!.facilitation.map((id) => dataset.edges.find((edge) => edge.id === id)!.label)).toEqual(['us–talks', 'US brokers contact']);
	});

	it('writes a paragraph from those numbers, each figure carrying its ties', () => {
		const story = bridgeStory(report, dataset);
		const text = storyText(story.paragraphs[0]!);
		expect(text).toContain('A and B are tied directly in diplomacy (1 tie, against 1 friction tie), so no third party stands between them in that field.');
		expect(text).toContain(
			'In defense, they have no direct cooperation tie; their shortest links are 3 routes of 2 steps, and 1 of them (33%) runs through the United States: it is one bridge among others there; 1 more passes through TALKS, which the United States facilitates. Without the United States they would be 2 steps apart.'
		);
		expect(text).toContain('In short, the United States is one bridge among others in defense and not between them (they are tied directly) in diplomacy.');
		const figure = story.paragraphs[0]!.find((part) => typeof part !== 'string' && part.text === '1 of them (33%)');
		expect(figure).toMatchObject({ edges: [dataset.edges[0]!.id, dataset.edges[1]!.id] });
		expect(story.verdicts.proposals!.map((v) => v.verdict)).toEqual(['tied-directly', 'tied-directly', 'tied-directly']);
	});

	it('says so when nothing links the pair', () => {
		const apart = bridgeReport(dataset, ['c', 'drill'], 'us', { ...layer, domains: ['diplomacy'] });
		expect(verdictOf(apart.current.slices[0]!)).toBe('not-connected');
		expect(storyText(bridgeStory(apart, dataset).paragraphs[0]!)).toContain('no chain of cooperation ties links them, so the United States cannot be their bridge there');
	});

	it('draws the pair, the broker and the slice’s forums with every tie among them, the rest dimmed', () => {
		const picture = bridgeHighlight(dataset, report, defense!);
		expect(picture.nodes).toEqual(['a', 'b', 'us', 'talks']);
		expect(picture.dim).toBe(true);
		expect(picture.edgeIds).toEqual(dataset.edges.slice(0, 5).map((edge) => edge.id));
	});

	it('refuses a pair and broker that are not three different nodes', () => {
		expect(() => bridgeReport(dataset, ['a', 'a'], 'us', layer)).toThrow('three different nodes');
		expect(() => bridgeReport(dataset, ['a', 'x'], 'us', layer)).toThrow('no node "x"');
	});
});
