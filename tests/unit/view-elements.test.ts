import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDataset, type Dataset } from '$lib/model';
import { canvasLabel, edgeWidth, nodeElements, summaryElement, summaryIds, tieElements } from '$lib/view/elements';
import { spiralPlacement } from '$lib/view/placement';
import { summariseTies } from '$lib/view/summary';
import { DEFAULT_LAYOUT, LAYOUTS, layoutById } from '$lib/view/layouts';
import { neighbourGroups } from '$lib/view/neighbours';
import { EDGE_KIND_COLOURS, NODE_TYPES, nodeStyleKey } from '$lib/view/palette';
import { searchNodes } from '$lib/view/search';
import { CLASSES, stylesheet } from '$lib/view/style';
import { fixture } from './paths';

const result = parseDataset(readFileSync(fixture('explorer-data', 'regional-sample.json'), 'utf8'));
if (!result.ok) throw new Error('regional-sample.json is invalid');
const regional: Dataset = result.dataset;

describe('element definitions', () => {
	const placement = spiralPlacement(regional.nodes.map((node) => node.id), regional.edges.map((edge) => [edge.source, edge.target] as const));
	const elements = [...nodeElements(regional, placement), ...tieElements(regional)];
	const byId = new Map(elements.map((element) => [element.data.id, element]));

	it('makes one node per dataset node and one edge per dataset edge, ids kept', () => {
		expect(elements.filter((e) => e.group === 'nodes')).toHaveLength(12);
		expect(elements.filter((e) => e.group === 'edges')).toHaveLength(23);
		expect(byId.get('arland')?.data.label).toBe('Arland');
	});

	it('gives a node of an unstyled type the "other" style key', () => {
		expect(byId.get('think-tank')?.data.type).toBe('other');
		expect(byId.get('sea-forum')?.data.type).toBe('institution');
	});

	it('carries kind, status, direction and width for the stylesheet', () => {
		expect(byId.get('calder--info-pact--facilitation')?.data).toMatchObject({
			source: 'calder',
			target: 'info-pact',
			kind: 'cooperation',
			status: 'proposed',
			domain: 'defense',
			directed: 'yes',
			width: edgeWidth(1)
		});
		expect(byId.get('arland--borovia--history')?.data).toMatchObject({ kind: 'friction', directed: 'no', label: 'History dispute' });
	});

	it('starts every node at its own position', () => {
		const spots = new Set(elements.filter((e) => e.group === 'nodes').map((e) => `${e.position?.x},${e.position?.y}`));
		expect(spots.size).toBe(12);
	});

	it('keeps both parallel edges between the same pair', () => {
		const pair = elements.filter((e) => e.group === 'edges' && e.data.source === 'arland' && e.data.target === 'borovia');
		expect(pair.map((e) => e.data.id).sort()).toEqual(['arland--borovia--history', 'arland--borovia--trade']);
	});

	it('draws a summary in its strongest status, as wide as its count, with the ties it stands for', () => {
		const [summary] = summariseTies(regional, new Set(regional.edges.map((edge) => edge.id)));
		const element = summaryElement(summary!, 'summary-0', new Map(regional.edges.map((edge) => [edge.id, edge])));
		expect(element.data).toMatchObject({ id: 'summary-0', source: summary!.source, target: summary!.target, kind: summary!.kind, status: summary!.strongest, ties: summary!.ties });
	});

	it('gives summaries ids no node or tie uses, the same for a key every time', () => {
		const clash = { ...regional, nodes: [...regional.nodes, { id: 'summary-0', label: 'Taken' }] } as Dataset;
		const idOf = summaryIds(clash);
		expect(idOf('k1')).toBe('summary-1');
		expect(idOf('k2')).toBe('summary-2');
		expect(idOf('k1')).toBe('summary-1');
	});
});

describe('edgeWidth', () => {
	it('grows with weight, 1 when missing', () => {
		expect(edgeWidth(undefined)).toBe(edgeWidth(1));
		expect(edgeWidth(1)).toBeLessThan(edgeWidth(2));
		expect(edgeWidth(2)).toBeLessThan(edgeWidth(3));
	});

	it('stays within drawable bounds for extreme weights', () => {
		expect(edgeWidth(0.001)).toBeGreaterThan(1);
		expect(edgeWidth(1000)).toBeLessThanOrEqual(edgeWidth(5));
	});
});

describe('stylesheet', () => {
	const rule = (sheet: ReturnType<typeof stylesheet>, selector: string) =>
		(sheet as { selector: string; style: Record<string, unknown> }[]).find((r) => r.selector === selector)?.style;

	it('draws friction dashed in another hue than cooperation, in both themes', () => {
		for (const theme of ['light', 'dark'] as const) {
			const sheet = stylesheet(theme);
			expect(rule(sheet, 'edge[kind = "cooperation"]')).toMatchObject({ 'line-style': 'solid', 'line-color': EDGE_KIND_COLOURS.cooperation[theme] });
			expect(rule(sheet, 'edge[kind = "friction"]')).toMatchObject({ 'line-style': 'dashed', 'line-color': EDGE_KIND_COLOURS.friction[theme] });
			expect(EDGE_KIND_COLOURS.cooperation[theme]).not.toBe(EDGE_KIND_COLOURS.friction[theme]);
		}
	});

	it('makes proposed edges translucent and spaced, stalled ones grey, parallel edges curved apart', () => {
		const sheet = stylesheet('light');
		expect(rule(sheet, 'edge[status = "proposed"]')?.opacity).toBeLessThan(1);
		expect(rule(sheet, 'edge[status = "stalled"]')?.['line-color']).toMatch(/^#([0-9a-f]{2})\1\1$/i);
		expect(rule(sheet, 'edge')?.['curve-style']).toBe('bezier');
	});

	it('gives every styled node type its own shape and colour', () => {
		const sheet = stylesheet('light');
		const shapes = Object.keys(NODE_TYPES).map((type) => rule(sheet, `node[type = "${type}"]`)?.shape);
		expect(new Set(shapes).size).toBe(Object.keys(NODE_TYPES).length);
		expect(rule(sheet, `.${CLASSES.hidden}`)).toEqual({ display: 'none' });
	});

	it('marks a hovered neighbourhood by fading the rest, without restyling its labels (which redraws them)', () => {
		const sheet = stylesheet('light');
		const near = rule(sheet, `node.${CLASSES.near}`)!;
		expect(near.opacity).toBe(1);
		const labelProperties = Object.keys(near).filter((property) => /^(font-|text-|color$)/.test(property));
		expect(labelProperties).toEqual([]);
		expect(rule(sheet, `.${CLASSES.faded}, .${CLASSES.dimmed}`)?.opacity).toBeLessThan(0.5);
	});

	it('maps types it does not know to the neutral style', () => {
		expect(nodeStyleKey('network')).toBe('other');
		expect(nodeStyleKey(undefined)).toBe('other');
		expect(nodeStyleKey('state')).toBe('state');
	});
});

describe('layouts', () => {
	it('offers force-directed first and by default, then ForceAtlas2, concentric, circle, grid and breadthfirst', () => {
		expect(LAYOUTS.map((layout) => layout.id)).toEqual(['fcose', 'forceatlas2', 'concentric', 'circle', 'grid', 'breadthfirst']);
		expect(DEFAULT_LAYOUT).toBe('fcose');
		expect(layoutById('nonsense').id).toBe('fcose');
	});

	it('fits to the window and animates only when asked', () => {
		for (const layout of LAYOUTS.filter((l) => l.options)) {
			expect(layout.options!(true)).toMatchObject({ name: layout.id, fit: true, animate: true });
			expect(layout.options!(false)).toMatchObject({ animate: false });
		}
	});

	it('runs force-directed layouts in the worker: fCoSE for graphs that show labels, ForceAtlas2 for large ones', () => {
		expect(layoutById('fcose').engine!(30, 120)).toBe('fcose');
		expect(layoutById('fcose').engine!(10_000, 50_000)).toBe('forceatlas2');
		// A small but dense network (the complete graph of 150) gets ForceAtlas2 too.
		expect(layoutById('fcose').engine!(150, 11_175)).toBe('forceatlas2');
		expect(layoutById('forceatlas2').engine!(30, 120)).toBe('forceatlas2');
	});
});

describe('searchNodes', () => {
	it('finds by the start of a label, ignoring case', () => {
		expect(searchNodes(regional, 'bor').map((hit) => hit.node.id)).toEqual(['borovia']);
	});

	it('finds by alias and says which alias matched', () => {
		expect(searchNodes(regional, 'arlport')).toEqual([{ node: regional.nodes[0], alias: 'Arlport' }]);
	});

	it('ranks label prefixes first, then words inside labels, then text inside words', () => {
		expect(searchNodes(regional, 'ar').map((hit) => hit.node.id)).toEqual(['arland', 'dunmark', 'summit-2013']);
		expect(searchNodes(regional, 'fo').map((hit) => hit.node.id)).toEqual(['sea-forum', 'info-pact']);
	});

	it('ignores accents and returns nothing for a blank query', () => {
		expect(searchNodes(regional, 'Ésse').map((hit) => hit.node.id)).toEqual(['essen-north']);
		expect(searchNodes(regional, '   ')).toEqual([]);
	});
});

describe('neighbourGroups', () => {
	it('groups a node\'s neighbours into cooperation and friction, with every tie', () => {
		const groups = neighbourGroups(regional, 'borovia');
		expect(groups.friction.map((n) => n.node.id)).toEqual(['arland', 'essen-north']);
		const arland = groups.cooperation.find((n) => n.node.id === 'arland');
		expect(arland?.edges.map((e) => e.id)).toEqual(['arland--borovia--trade']);
		expect(groups.cooperation.map((n) => n.node.label)).toEqual([
			'Calder',
			'Arland',
			'Harbour Summit 2013',
			'Information Pact',
			'Policy Circle',
			'Sea Forum',
			'Trade Council',
			'Trilateral Free Trade Agreement'
		].sort((a, b) => a.localeCompare(b)));
	});

	it('has no neighbours for an isolated node', () => {
		expect(neighbourGroups(regional, 'lone-island')).toEqual({ cooperation: [], friction: [], loops: { cooperation: [], friction: [] } });
	});

	it('keeps a tie of a node to itself apart: the node is no partner of its own', () => {
		const tie = (id: string, source: string, target: string) => ({ ...regional.edges[0]!, id, source, target, kind: 'cooperation' as const });
		const looped = { ...regional, edges: [tie('self', 'borovia', 'borovia'), tie('pair', 'borovia', 'arland')] };
		const groups = neighbourGroups(looped, 'borovia');
		expect(groups.cooperation.map((n) => n.node.id)).toEqual(['arland']);
		expect(groups.loops.cooperation.map((edge) => edge.id)).toEqual(['self']);
		expect(groups.loops.friction).toEqual([]);
	});
});

describe('canvasLabel', () => {
	/** The label without the zero-width spaces that let the canvas break a long word. */
	const shown = (label: string) => label.replaceAll('\u200b', '');

	it('keeps a label of up to 100 characters and cuts a longer one to 99 and an ellipsis, at whole code points', () => {
		expect(canvasLabel('Japan')).toBe('Japan');
		expect(canvasLabel("U.S.–Japan–ROK defense ministers' meeting (May 2014)")).toBe("U.S.–Japan–ROK defense ministers' meeting (May 2014)");
		expect(shown(canvasLabel('x'.repeat(100)))).toBe('x'.repeat(100));
		expect(shown(canvasLabel('x'.repeat(5_000)))).toBe(`${'x'.repeat(99)}…`);
		// 60 flags of two regional indicators each, 240 UTF-16 units: cut after 99 code points, no half surrogate pair.
		const flags = '🇯🇵'.repeat(60);
		const cut = shown(canvasLabel(flags));
		expect(Array.from(cut)).toHaveLength(100);
		expect(cut).toBe(`${Array.from(flags).slice(0, 99).join('')}…`);
		expect(canvasLabel(flags).isWellFormed()).toBe(true);
		// 80 emoji are 160 UTF-16 units but 80 characters: kept whole.
		expect(shown(canvasLabel('🙂'.repeat(80)))).toBe('🙂'.repeat(80));
	});

	it('lets the canvas break a word of more than 20 characters every 20, and no other', () => {
		expect(canvasLabel('remilitarization of the China–Japan–South Korea summit')).toBe('remilitarization of the China–Japan–South Korea summit');
		expect(canvasLabel(`a ${'x'.repeat(45)} b`)).toBe(`a ${'x'.repeat(20)}\u200b${'x'.repeat(20)}\u200bxxxxx b`);
		expect(canvasLabel('https://example.org/a/very/long/path')).toBe('https://example.org/\u200ba/very/long/path');
	});

	it('is the label the canvas gets for nodes and ties', () => {
		const long = 'y'.repeat(300);
		const [node, edge] = [regional.nodes[0]!, regional.edges[0]!];
		const dataset: Dataset = { ...regional, nodes: [{ ...node, label: long }, ...regional.nodes.slice(1)], edges: [{ ...edge, label: long }] };
		expect(nodeElements(dataset, new Map())[0]!.data.label).toBe(canvasLabel(long));
		expect(tieElements(dataset)[0]!.data.label).toBe(canvasLabel(long));
		expect(canvasLabel(long).replaceAll('\u200b', '')).toBe(`${'y'.repeat(99)}…`);
	});
});
