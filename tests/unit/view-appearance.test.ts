import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDatasetFile } from '$lib/io';
import { FORMAT, objectFromFields, type Dataset, type DatasetNode } from '$lib/model';
import {
	choiceToken,
	DEFAULT_CHOICES,
	NODE_SIZE,
	needsAnalysis,
	rampColour,
	rankedSize,
	readChoice,
	resolveAppearance,
	sizeByPartners,
	type AppearanceInputs,
	type Channel
} from '$lib/view/appearance';
import { CATEGORY_HUES, CATEGORY_OTHER, RANKING_RAMP } from '$lib/view/palette';
import { fixture } from './paths';

const karate = (() => {
	const result = readDatasetFile('karate.graphml', readFileSync(fixture('attributes', 'karate.graphml'), 'utf8'));
	if (!result.ok) throw new Error('karate.graphml must import');
	return result.dataset;
})();

/** Nodes whose fields are set as own properties, so "__proto__" and "constructor" are fields like any other. */
function dataset(nodes: Array<Record<string, unknown>>): Dataset {
	return { format: FORMAT, meta: { id: 't', title: 'T' }, nodes: nodes.map((fields) => objectFromFields(Object.entries(fields)) as DatasetNode), edges: [] };
}

const NO_INPUTS: AppearanceInputs = { partners: new Map(), metrics: null, communities: null };
const tokens = (change: Partial<Record<Channel, string>>) => ({ colour: null, size: null, shape: null, ...change });

describe('channel tokens in the URL', () => {
	it('reads each kind a channel takes and writes it back the same', () => {
		const cases: Array<[Channel, string]> = [
			['colour', 'community'],
			['colour', 'metric:betweenness'],
			['colour', 'attr:club'],
			['colour', 'partition:group'],
			['size', 'metric:pagerank'],
			['size', 'attr:population'],
			['shape', 'attr:club'],
			['shape', 'attr:__proto__'],
			['colour', 'attr:a:b|c']
		];
		for (const [channel, token] of cases) {
			const choice = readChoice(channel, token);
			expect(choice, token).not.toBeNull();
			expect(choiceToken(choice!)).toBe(token);
		}
		expect(readChoice('colour', 'attr:constructor')).toEqual({ field: { source: 'attribute', name: 'constructor' }, as: null });
	});

	it('refuses what a channel cannot take: sizes by communities, shapes by measures, unknown measures, empty names', () => {
		for (const [channel, token] of [
			['size', 'community'],
			['size', 'partition:x'],
			['shape', 'metric:degree'],
			['shape', 'community'],
			['colour', 'metric:shoe-size'],
			['colour', 'attr:'],
			['colour', 'rainbow']
		] as const)
			expect(readChoice(channel, token), `${channel}=${token}`).toBeNull();
		expect(readChoice('colour', null)).toBeNull();
		for (const channel of ['colour', 'size', 'shape'] as const) expect(choiceToken(DEFAULT_CHOICES[channel])).toBeNull();
	});

	it('says which tokens need the analysis', () => {
		expect(needsAnalysis('community')).toBe('communities');
		expect(needsAnalysis('metric:degree')).toBe('metrics');
		expect(needsAnalysis('attr:metric:x')).toBeNull();
		expect(needsAnalysis(null)).toBeNull();
	});
});

describe('resolveAppearance', () => {
	it('draws node types and sizes by partners when nothing is chosen', () => {
		const partners = new Map([
			['a', 0],
			['b', 4],
			['c', 16]
		]);
		const appearance = resolveAppearance(dataset([{ id: 'a' }, { id: 'b' }, { id: 'c' }]), tokens({}), { ...NO_INPUTS, partners });
		expect(appearance.colour).toEqual({ type: 'types' });
		expect(appearance.shape).toEqual({ type: 'types' });
		expect(appearance.size).toMatchObject({ type: 'partners', fewest: 0, most: 16 });
		expect(appearance.ring).toBeNull();
		expect(appearance.notes).toEqual([]);
	});

	it("colours karate's clubs (networkx GraphML) one hue each, the most frequent first, ties in order of their names", () => {
		const appearance = resolveAppearance(karate, tokens({ colour: 'attr:club' }), NO_INPUTS);
		if (appearance.colour.type !== 'partition') throw new Error('club is a category');
		// 17 members each: equal counts go by name, "Mr. Hi" before "Officer"
		expect(appearance.colour.categories).toEqual([
			{ key: 'Mr. Hi', label: 'Mr. Hi', count: 17, colour: CATEGORY_HUES[0] },
			{ key: 'Officer', label: 'Officer', count: 17, colour: CATEGORY_HUES[1] }
		]);
		expect(appearance.colour.title).toBe('club');
		expect(appearance.colour.byNode.get('0')).toBe(CATEGORY_HUES[0]);
		expect(appearance.colour.byNode.get('33')).toBe(CATEGORY_HUES[1]);
		expect(appearance.colour.byNode.size).toBe(34);
	});

	it('reads attributes named "__proto__" and "constructor", and values such as "toString", as data', () => {
		// Computed keys: a literal `__proto__: …` would set the prototype instead of a field.
		const nodes: Array<Record<string, unknown>> = [
			{ id: '__proto__', ['__proto__']: 'toString', constructor: 3 },
			{ id: 'constructor', ['__proto__']: 'toString', constructor: 1 },
			{ id: 'b', ['__proto__']: 'valueOf', constructor: 2 },
			{ id: 'c' }
		];
		const data = dataset(nodes);
		const colour = resolveAppearance(data, tokens({ colour: 'attr:__proto__', size: 'attr:constructor', shape: 'attr:__proto__' }), NO_INPUTS);
		expect(colour.notes).toEqual([]);
		if (colour.colour.type !== 'partition' || colour.shape.type !== 'partition') throw new Error('__proto__ holds categories');
		expect(colour.colour.categories.map((category) => [category.key, category.count])).toEqual([
			['toString', 2],
			['valueOf', 1],
			['unspecified', 1]
		]);
		expect(colour.colour.byNode.get('c')).toBe(CATEGORY_OTHER);
		expect(colour.shape.byNode.get('__proto__')).toBe('ellipse');
		expect(colour.shape.byNode.get('b')).toBe('round-rectangle');
		expect(colour.shape.byNode.get('c')).toBe('hexagon');
		expect(colour.size).toMatchObject({ type: 'ranking', title: 'constructor', low: 1, high: 3, missing: 1 });
		expect(colour.size.byNode.get('constructor')).toBe(NODE_SIZE.min);
		expect(colour.size.byNode.get('__proto__')).toBe(NODE_SIZE.max);
		expect(colour.size.byNode.get('c')).toBe(NODE_SIZE.min);
		expect([...colour.ring!]).toEqual([
			['__proto__', 3],
			['constructor', 1],
			['b', 2]
		]);
	});

	it('ranks numbers: colours along the ramp, sizes with the area in proportion', () => {
		const data = dataset([
			{ id: 'a', population: 10 },
			{ id: 'b', population: 20 },
			{ id: 'c', population: 30 }
		]);
		const appearance = resolveAppearance(data, tokens({ colour: 'attr:population', size: 'attr:population' }), NO_INPUTS);
		if (appearance.colour.type !== 'ranking') throw new Error('population is a number');
		expect([appearance.colour.byNode.get('a'), appearance.colour.byNode.get('c')]).toEqual([RANKING_RAMP[0], RANKING_RAMP.at(-1)]);
		// half way: the area half way between 18² and 60², sqrt((324 + 3600) / 2) = 44.29…
		expect(appearance.size.byNode.get('b')).toBe(44.3);
		expect([appearance.size.byNode.get('a'), appearance.size.byNode.get('c')]).toEqual([18, 60]);
	});

	it("colours a number's few values as categories when asked", () => {
		const data = dataset([
			{ id: 'a', group: 2 },
			{ id: 'b', group: 1 },
			{ id: 'c', group: 2 }
		]);
		const appearance = resolveAppearance(data, tokens({ colour: 'partition:group' }), NO_INPUTS);
		expect(appearance.colour.type === 'partition' && appearance.colour.categories.map((category) => category.key)).toEqual(['2', '1']);
	});

	it('colours communities from the analysis, and by a measure ranked', () => {
		const data = dataset([{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
		const metrics = { a: { degree: 0 }, b: { degree: 1 }, c: { degree: null } } as unknown as AppearanceInputs['metrics'];
		const communities = resolveAppearance(data, tokens({ colour: 'community' }), { ...NO_INPUTS, communities: { a: 0, b: 1, c: 0 } });
		expect(communities.colour.type === 'partition' && communities.colour.categories).toEqual([
			{ key: '0', label: 'community 1', count: 2, colour: CATEGORY_HUES[0] },
			{ key: '1', label: 'community 2', count: 1, colour: CATEGORY_HUES[1] }
		]);
		const ranked = resolveAppearance(data, tokens({ colour: 'metric:degree' }), { ...NO_INPUTS, metrics });
		expect(ranked.colour).toMatchObject({ type: 'ranking', title: 'Degree', low: 0, high: 1, missing: 1 });
		expect(ranked.colour.type === 'ranking' && ranked.colour.byNode.get('c')).toBe(CATEGORY_OTHER);
	});

	it('falls back to the default, saying why, for what the data cannot give', () => {
		const data = dataset([
			{ id: 'a', club: 'x' },
			{ id: 'b', club: 'x' }
		]);
		expect(resolveAppearance(data, tokens({ size: 'attr:club' }), NO_INPUTS)).toMatchObject({
			size: { type: 'partners' },
			notes: ['Size: “club” holds categories, not numbers; sized by partners instead.']
		});
		expect(resolveAppearance(data, tokens({ colour: 'attr:nothing' }), NO_INPUTS)).toMatchObject({
			colour: { type: 'types' },
			notes: ['Colour: no node attribute “nothing” can be used; coloured by node type instead.']
		});
		expect(resolveAppearance(data, tokens({ size: 'metric:betweenness', colour: 'community' }), NO_INPUTS).notes).toEqual([
			'Colour: community (Louvain) is being computed; coloured by node type meanwhile.',
			'Size: Betweenness is being computed; sized by partners meanwhile.'
		]);
	});

	it('falls back, saying why, for a measure no node of the layer has a value for (eigenvector that did not settle)', () => {
		const data = dataset([{ id: 'a' }, { id: 'b' }]);
		const metrics = { a: { eigenvector: null, degree: 1 }, b: { eigenvector: null, degree: 1 } } as unknown as AppearanceInputs['metrics'];
		const blank = resolveAppearance(data, tokens({ size: 'metric:eigenvector', colour: 'metric:eigenvector' }), { ...NO_INPUTS, metrics });
		expect(blank).toMatchObject({ size: { type: 'partners' }, colour: { type: 'types' }, ring: null });
		expect(blank.notes).toEqual([
			expect.stringMatching(/^Colour: Eigenvector is blank on this layer \(its power iteration .* did not settle within 10,000 rounds; .*\); coloured by node type instead\.$/),
			expect.stringMatching(/^Size: Eigenvector is blank on this layer \(.*\); sized by partners instead\.$/)
		]);
		// One node with a value is a ranking, not a blank measure.
		const one = resolveAppearance(data, tokens({ size: 'metric:degree' }), { ...NO_INPUTS, metrics });
		expect(one).toMatchObject({ size: { type: 'ranking', title: 'Degree' }, notes: [] });
	});
});

describe('scales', () => {
	it('sizes by partners with the area in proportion to the count', () => {
		// sqrt: 0 -> 0, 4 -> 2, 16 -> 4, so 4 partners sit half way: 18 + 0.5 * 42 = 39
		const sizes = sizeByPartners(new Map([['__proto__', 0], ['b', 4], ['c', 16]]));
		expect([...sizes]).toEqual([['__proto__', 18], ['b', 39], ['c', 60]]);
		expect([...sizeByPartners(new Map([['a', 3], ['b', 3]]))]).toEqual([['a', 39], ['b', 39]]);
	});

	it('sizes 200,000 nodes, too many to pass to Math.min and Math.max as arguments', () => {
		const partners = new Map(Array.from({ length: 200_000 }, (_, i) => [`n${i}`, i % 17] as const));
		const sizes = sizeByPartners(partners);
		expect([sizes.get('n0'), sizes.get('n16'), sizes.size]).toEqual([18, 60, 200_000]);
		const resolved = resolveAppearance(dataset([...partners.keys()].map((id) => ({ id }))), tokens({}), { ...NO_INPUTS, partners });
		expect(resolved.size).toMatchObject({ type: 'partners', fewest: 0, most: 16 });
	});

	it('ranks sizes from the smallest to the largest, equal values in the middle', () => {
		expect([rankedSize(0, 0, 1), rankedSize(1, 0, 1), rankedSize(-5, -5, 5)]).toEqual([18, 60, 18]);
		expect(rankedSize(3, 3, 3)).toBe(44.3);
	});

	it('runs the colour ramp from its first stop to its last, mixing between stops', () => {
		expect(rampColour(0)).toBe(RANKING_RAMP[0]!.toLowerCase());
		expect(rampColour(1)).toBe(RANKING_RAMP.at(-1)!.toLowerCase());
		expect(rampColour(2)).toBe(rampColour(1));
		// half way between the first two stops of nine: a sixteenth of the way along
		expect(rampColour(1 / 16)).toBe('#45347e');
	});
});
