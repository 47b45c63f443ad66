import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDatasetFile } from '$lib/io';
import { parseDataset, type Dataset } from '$lib/model';
import { resolveAppearance, type AppearanceInputs, type Channel } from '$lib/view/appearance';
import { applyFilter, NO_FILTER, type FilterState, type GraphView } from '$lib/view/filter';
import { legendEntries, legendGroups, typeInWords, type LegendState } from '$lib/view/legend';
import { legendSvg } from '$lib/view/legend-svg';
import { CATEGORY_HUES, CATEGORY_OTHER, EDGE_KIND_COLOURS, HIGHLIGHT, NEUTRAL_FILL, NODE_TYPES, RANKING_RAMP, THEME_COLOURS } from '$lib/view/palette';
import { partnerCounts } from '$lib/view/summary';
import { fixture } from './paths';

const regional = (() => {
	const result = parseDataset(readFileSync(fixture('explorer-data', 'regional-sample.json'), 'utf8'));
	if (!result.ok) throw new Error('regional-sample.json is invalid');
	return result.dataset;
})();
const karate = (() => {
	const result = readDatasetFile('karate.graphml', readFileSync(fixture('attributes', 'karate.graphml'), 'utf8'));
	if (!result.ok) throw new Error('karate.graphml must import');
	return result.dataset;
})();

/** The legend of a view with these choices, as the page builds it. */
function legendOf(dataset: Dataset, filter: FilterState, tokens: Partial<Record<Channel, string>> = {}, state: Partial<LegendState> & { inputs?: Partial<AppearanceInputs> } = {}) {
	const view: GraphView = applyFilter(dataset, filter);
	const inputs: AppearanceInputs = { partners: partnerCounts(dataset, view.nodes, view.edges), metrics: null, communities: null, ...state.inputs };
	const appearance = resolveAppearance(dataset, { colour: null, size: null, shape: null, ...tokens }, inputs);
	return legendEntries(dataset, view, { ties: 'summary', appearance, highlight: null, selected: false, ...state });
}

describe('legendEntries', () => {
	it('lists every type, kind and status on show', () => {
		expect(legendOf(regional, NO_FILTER)).toMatchObject({
			nodeTypes: ['state', 'institution', 'agreement', 'event', 'other'],
			otherTypes: ['network'],
			typesShow: { colour: true, shape: true },
			colour: null,
			shape: null,
			edgeKinds: ['cooperation', 'friction'],
			edgeStatuses: ['stalled', 'proposed'],
			directed: true
		});
	});

	it('leaves out what the filters hide', () => {
		const entries = legendOf(regional, { ...NO_FILTER, kinds: ['friction'], hideIsolated: true, statuses: ['active'] });
		expect(entries).toMatchObject({ nodeTypes: ['state'], otherTypes: [], edgeKinds: ['friction'], edgeStatuses: [], directed: true });
	});

	it('states the size rule with the range of partners shown, and the tie drawing', () => {
		const partners = new Map(regional.nodes.map((node) => [node.id, new Set<string>()]));
		for (const edge of regional.edges) {
			partners.get(edge.source)!.add(edge.target);
			partners.get(edge.target)!.add(edge.source);
		}
		const counts = [...partners.values()].map((set) => set.size);
		const entries = legendOf(regional, NO_FILTER);
		expect(entries.size).toEqual({ rule: 'partners', fewest: Math.min(...counts), most: Math.max(...counts) });
		expect(entries.ties).toBe('summary');
		expect(legendOf(regional, NO_FILTER, {}, { ties: 'all', selected: true })).toMatchObject({ ties: 'all', selected: true });
	});

	it("gives karate's clubs with their colours, not the node types, and follows a filter on them", () => {
		const both = legendOf(karate, NO_FILTER, { colour: 'attr:club' });
		expect(both.typesShow).toEqual({ colour: false, shape: true });
		expect(both.colour).toEqual({
			type: 'partition',
			title: 'club',
			categories: [
				{ label: 'Mr. Hi', colour: CATEGORY_HUES[0] },
				{ label: 'Officer', colour: CATEGORY_HUES[1] }
			]
		});
		const officers = legendOf(karate, { ...NO_FILTER, attributes: [{ scope: 'node', name: 'club', values: ['Officer'] }] }, { colour: 'attr:club' });
		expect(officers.colour).toEqual({ type: 'partition', title: 'club', categories: [{ label: 'Officer', colour: CATEGORY_HUES[1] }] });
	});

	it('folds values past the palette, and those not recorded, into one grey line', () => {
		const communities = Object.fromEntries(regional.nodes.map((node, i) => [node.id, i]));
		const entries = legendOf(regional, NO_FILTER, { colour: 'community' }, { inputs: { communities: { ...communities, 'lone-island': undefined } as unknown as Record<string, number> } });
		const categories = entries.colour?.type === 'partition' ? entries.colour.categories : [];
		expect(categories).toHaveLength(8);
		expect(categories.at(-1)).toEqual({ label: '4 other values, not recorded', colour: CATEGORY_OTHER });
	});

	it('gives a ranking its ends and a size its smallest and largest value', () => {
		const metrics = Object.fromEntries(regional.nodes.map((node, i) => [node.id, { betweenness: i / 100 }])) as unknown as AppearanceInputs['metrics'];
		const entries = legendOf(regional, NO_FILTER, { colour: 'metric:betweenness', size: 'metric:betweenness' }, { inputs: { metrics } });
		expect(entries.colour).toEqual({ type: 'ranking', title: 'Betweenness', low: '0', high: '0.11', missing: 0 });
		expect(entries.size).toEqual({ rule: 'ranking', title: 'Betweenness', low: '0', high: '0.11', missing: 0 });
	});

	it('writes unstyled type ids in words', () => {
		expect(typeInWords('domestic-actor')).toBe('domestic actor');
		expect(typeInWords('think_tank')).toBe('think tank');
	});
});

describe('legendGroups', () => {
	it('draws node types in their colours and shapes by default, and in one neutral fill when colour follows something else', () => {
		const plain = legendGroups(legendOf(regional, NO_FILTER), 'light');
		expect(plain[0]).toMatchObject({ title: null, items: expect.arrayContaining([{ label: 'State', mark: { kind: 'shape', shape: 'ellipse', colour: NODE_TYPES.state!.colour.light } }]) });
		const communities = Object.fromEntries(regional.nodes.map((node) => [node.id, 0]));
		const coloured = legendGroups(legendOf(regional, NO_FILTER, { colour: 'community' }, { inputs: { communities } }), 'dark');
		expect(coloured[0]).toEqual({ title: 'Colour: community (Louvain)', items: [{ label: 'community 1', mark: { kind: 'shape', shape: 'ellipse', colour: CATEGORY_HUES[0] } }] });
		expect(coloured[1]).toMatchObject({ title: 'Shape: node type', items: expect.arrayContaining([{ label: 'State', mark: { kind: 'shape', shape: 'ellipse', colour: NEUTRAL_FILL.dark } }]) });
	});

	it('says what is lit and dimmed, and the selection only when the picture keeps it', () => {
		const entries = legendOf(regional, NO_FILTER, {}, { highlight: { text: 'the ties of the measure “X”', dim: true }, selected: true });
		const last = legendGroups(entries, 'light').at(-1)!;
		expect(last.items.map((item) => item.label)).toEqual(['Highlighted: the ties of the measure “X”', 'Dimmed: everything else', 'Selected']);
		expect(last.items[0]!.mark).toMatchObject({ kind: 'halo', halo: HIGHLIGHT.light });
		expect(legendGroups(entries, 'light', { selection: false }).at(-1)!.items.map((item) => item.label)).not.toContain('Selected');
	});

	it('gives the line-width rule and the size scale with their values', () => {
		const groups = legendGroups(legendOf(regional, NO_FILTER), 'light');
		const ties = groups.find((group) => group.title === 'Ties')!;
		expect(ties.items.at(-1)).toEqual({ label: 'One line per pair and kind; width: number of ties, style: its strongest status', mark: null, id: 'legend-width' });
		const size = groups.find((group) => group.id === 'legend-size')!;
		expect(size.title).toBe('Size: partners among the shown ties');
		expect(size.items[0]!.mark).toMatchObject({ kind: 'sizes', small: 8, large: 28, low: '0' });
	});
});

describe('legendSvg', () => {
	it("draws the same marks as the page, in the export theme's text colour, wrapping within the width", () => {
		const metrics = Object.fromEntries(karate.nodes.map((node, i) => [node.id, { pagerank: i }])) as unknown as AppearanceInputs['metrics'];
		const entries = legendOf(karate, NO_FILTER, { colour: 'attr:club', size: 'metric:pagerank' }, { inputs: { metrics }, highlight: { text: 'the shortest path from 0 to 33', dim: false } });
		const text = THEME_COLOURS.light.text;
		const { markup, height } = legendSvg(legendGroups(entries, 'light'), { x: 24, top: 100, width: 400, textColour: text });
		expect(markup).toContain(`font-weight="bold" fill="${text}">Colour: club</text>`);
		expect(markup).toContain(`fill="${CATEGORY_HUES[0]}"/>`);
		expect(markup).toContain('>Size: PageRank</text>');
		expect(markup).toContain('>33</text>');
		expect(markup).toContain(`fill="${HIGHLIGHT.light}"`);
		expect(markup).toContain('>Highlighted: the shortest path from 0 to 33</text>');
		expect(markup).not.toContain('dominant-baseline');
		expect(markup).not.toMatch(/fill="#eceff4"/);
		expect(height).toBeGreaterThan(3 * 18);
	});

	it('draws a ramp from its low to its high value, and escapes text from the data', () => {
		const metrics = Object.fromEntries(karate.nodes.map((node, i) => [node.id, { degree: i / 33 }])) as unknown as AppearanceInputs['metrics'];
		const entries = legendOf(karate, NO_FILTER, { colour: 'metric:degree' }, { inputs: { metrics }, highlight: { text: '<b> & "x"', dim: false } });
		const { markup } = legendSvg(legendGroups(entries, 'dark'), { x: 0, top: 0, width: 2000, textColour: THEME_COLOURS.dark.text });
		for (const stop of RANKING_RAMP) expect(markup).toContain(`fill="${stop}"`);
		expect(markup).toContain('>0</text>');
		expect(markup).toContain('>1</text>');
		expect(markup).toContain('&#60;b&#62; &#38; &#34;x&#34;');
		expect(markup).toContain(`stroke="${EDGE_KIND_COLOURS.cooperation.dark}"`);
	});
});

describe('legendSvg wrapping', () => {
	it('wraps a label wider than the legend onto lines of its own', () => {
		const long = `Highlighted: ${'word '.repeat(40).trim()}`;
		const { markup, height } = legendSvg([{ title: null, items: [{ label: long, mark: { kind: 'halo', halo: '#ff0', colour: '#00f' } }] }], { x: 0, top: 0, width: 300, textColour: '#000' });
		const lines = [...markup.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((match) => match[1]!);
		expect(lines.length).toBeGreaterThan(1);
		expect(lines.join(' ')).toBe(long);
		for (const line of lines) expect(line.length * 6.6).toBeLessThanOrEqual(300);
		expect(height).toBeGreaterThanOrEqual(lines.length * 18);
	});
});
