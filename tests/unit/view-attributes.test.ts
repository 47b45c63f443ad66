import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDatasetFile } from '$lib/io';
import { FORMAT, objectFromFields, parseDataset, type Dataset, type DatasetNode } from '$lib/model';
import {
	attributeCatalogue,
	categoryKey,
	EDGE_FIELDS_SHOWN,
	extraColumns,
	fieldValue,
	formatValue,
	NODE_FIELDS_SHOWN,
	otherFields
} from '$lib/view/attributes';
import { applyFilter, filterGroups, NO_FILTER, withAttributeFilter, type AttributeFilter } from '$lib/view/filter';
import { briefDataset, fixture } from './paths';

function imported(...parts: string[]): Dataset {
	const result = readDatasetFile(parts.at(-1)!, readFileSync(fixture(...parts), 'utf8'));
	if (!result.ok) throw new Error(`${parts.join('/')} must import`);
	return result.dataset;
}

const karate = imported('attributes', 'karate.graphml');
const typed = imported('io', 'typed.graphml');
const brief = (() => {
	const result = parseDataset(readFileSync(briefDataset, 'utf8'));
	if (!result.ok) throw new Error('the brief must be valid');
	return result.dataset;
})();

describe('the attributes an item carries', () => {
	it("lists the fields a panel has no place for, in the item's order: networkx's club, our group and textName", () => {
		expect(otherFields(karate.nodes[0]!, NODE_FIELDS_SHOWN)).toEqual([['club', 'Mr. Hi']]);
		const us = brief.nodes.find((node) => node.id === 'united-states')!;
		expect(otherFields(us, NODE_FIELDS_SHOWN).map(([name]) => name)).toEqual(Object.keys(us).filter((name) => !NODE_FIELDS_SHOWN.has(name)));
		expect(otherFields(us, NODE_FIELDS_SHOWN).map(([name]) => name)).toEqual(expect.arrayContaining(['group', 'textName']));
		// karate's ties carry weight, which the evidence panel shows as the tie's strength
		expect(otherFields(karate.edges[0]!, EDGE_FIELDS_SHOWN)).toEqual([]);
	});

	it('reads a field named "__proto__" or "constructor" as the item’s own, and never an inherited member', () => {
		const node = objectFromFields([
			['id', 'x'],
			['__proto__', 'a value'],
			['constructor', 2]
		]);
		expect(otherFields(node, new Set(['id']))).toEqual([
			['__proto__', 'a value'],
			['constructor', 2]
		]);
		expect(fieldValue({ id: 'y' }, 'constructor')).toBeUndefined();
		expect(fieldValue({ id: 'y' }, '__proto__')).toBeUndefined();
		expect(fieldValue({ id: 'y' }, 'toString')).toBeUndefined();
	});

	it('writes values compactly: lists with commas, objects as name: value, numbers as the analysis rounds them, long text cut', () => {
		expect(formatValue(['JPN', 'Tokyo'])).toBe('JPN, Tokyo');
		expect(formatValue({ x: 12.34567, y: -3 })).toBe('x: 12.346, y: -3');
		expect(formatValue([{ a: [1, 2] }, null])).toBe('{a: [1, 2]}, —');
		expect(formatValue(true)).toBe('true');
		expect(formatValue('x'.repeat(300))).toBe(`${'x'.repeat(239)}…`);
		expect(formatValue('x'.repeat(300), Infinity)).toHaveLength(300);
	});

	it('keys categories by their text, missing and empty values as "unspecified", and lists as no category', () => {
		expect([categoryKey('Officer'), categoryKey(2), categoryKey(false), categoryKey(undefined), categoryKey(null), categoryKey('')]).toEqual([
			'Officer',
			'2',
			'false',
			'unspecified',
			'unspecified',
			'unspecified'
		]);
		expect(categoryKey(['a'])).toBeNull();
	});

	it('gives a table a column for every field its rows carry beyond its own', () => {
		expect(extraColumns(typed.nodes, new Set(['id', 'label', 'type']))).toEqual(['population', 'area', 'capital']);
		expect(extraColumns(karate.nodes, new Set(['id', 'label', 'type']))).toEqual(['club']);
	});
});

describe('attributeCatalogue', () => {
	it("offers karate's club (networkx GraphML) as a category of two values, and its tie weight as a number", () => {
		expect(attributeCatalogue(karate, 'node')).toEqual([
			{
				scope: 'node',
				name: 'club',
				kind: 'category',
				carriers: 34,
				missing: 0,
				categories: [
					{ key: 'Mr. Hi', count: 17 },
					{ key: 'Officer', count: 17 }
				],
				range: null
			}
		]);
		expect(attributeCatalogue(karate, 'edge')).toMatchObject([{ name: 'weight', kind: 'number', range: { min: 1, max: 7 }, missing: 0 }]);
	});

	it('lists categories most frequent first, equal counts in the order of their numbers ("2" before "10"), unrecorded last', () => {
		const ranks = ['10', '2', 'b', 'a', '2', '', '10', '1', ''];
		const dataset = { ...typed, nodes: ranks.map((rank, i) => ({ id: `n${i}`, label: `N${i}`, rank })) };
		expect(attributeCatalogue(dataset, 'node')[0]!.categories).toEqual([
			{ key: '2', count: 2 },
			{ key: '10', count: 2 },
			{ key: '1', count: 1 },
			{ key: 'a', count: 1 },
			{ key: 'b', count: 1 },
			{ key: 'unspecified', count: 2 }
		]);
	});

	it('types numbers and true/false, counts the nodes without a value, and leaves out labels and types', () => {
		const catalogue = attributeCatalogue(typed, 'node');
		expect(catalogue.map((info) => [info.name, info.kind, info.missing])).toEqual([
			['population', 'number', 0],
			['area', 'number', 0],
			['capital', 'category', 0]
		]);
		expect(catalogue[0]!.range).toEqual({ min: 2691000, max: 13960000 });
	});

	it('offers a number with a value on every node as a range without categories, and no text unique to each node', () => {
		const nodes = Array.from({ length: 1000 }, (_, i) => ({ id: `n${i}`, label: `N${i}`, score: i / 10, code: `c${i}`, tier: i < 10 ? 'top' : i % 2 ? 'odd' : undefined }));
		const dataset: Dataset = { format: FORMAT, meta: { id: 'x', title: 'X' }, nodes: nodes as DatasetNode[], edges: [] };
		const catalogue = attributeCatalogue(dataset, 'node');
		expect(catalogue.map((info) => info.name)).toEqual(['score', 'tier']);
		expect(catalogue[0]).toMatchObject({ kind: 'number', carriers: 1000, missing: 0, categories: [], range: { min: 0, max: 99.9 } });
		// Counting stops past forty values, yet a field with few values, some missing, is counted in full.
		expect(catalogue[1]).toMatchObject({ kind: 'category', carriers: 505, missing: 495, categories: [{ key: 'odd', count: 495 }, { key: 'top', count: 10 }, { count: 495 }] });
	});

	it("offers the brief's node groups and tie relations, not its descriptions, notes, aliases or positions", () => {
		const nodes = attributeCatalogue(brief, 'node').map((info) => info.name);
		expect(nodes).toContain('group');
		for (const name of ['description', 'note', 'aliases', 'position', 'label', 'id']) expect(nodes).not.toContain(name);
		const edges = attributeCatalogue(brief, 'edge').map((info) => info.name);
		expect(edges).toEqual(expect.arrayContaining(['relation', 'weight']));
		for (const name of ['note', 'label', 'kind', 'domain', 'status', 'evidence']) expect(edges).not.toContain(name);
	});
});

describe('attribute filters', () => {
	const club = (values: string[]): AttributeFilter => ({ scope: 'node', name: 'club', values });

	it("keeps one karate club and the ties among its members (networkx: 17 nodes, 32 ties)", () => {
		const view = applyFilter(karate, { ...NO_FILTER, attributes: [club(['Officer'])] });
		expect([view.nodes.size, view.edges.size]).toEqual([17, 32]);
		expect(applyFilter(karate, { ...NO_FILTER, attributes: [club([])] }).nodes.size).toBe(0);
	});

	it('keeps ties within a range, either end open (networkx: 21 ties of weight 4 or more)', () => {
		const range = (min: number | null, max: number | null): AttributeFilter => ({ scope: 'edge', name: 'weight', range: { min, max } });
		expect(applyFilter(karate, { ...NO_FILTER, attributes: [range(4, null)] }).edges.size).toBe(21);
		expect(applyFilter(karate, { ...NO_FILTER, attributes: [range(null, 3)] }).edges.size).toBe(78 - 21);
		expect(applyFilter(karate, { ...NO_FILTER, attributes: [range(null, null)] }).edges.size).toBe(78);
		expect(applyFilter(karate, { ...NO_FILTER, attributes: [range(4, null)] }).nodes.size).toBe(34);
	});

	it('hides items without a value while a range applies, and shows them under "unspecified" in a values filter', () => {
		const data: Dataset = {
			format: FORMAT,
			meta: { id: 't', title: 'T' },
			nodes: [objectFromFields([['id', 'a'], ['label', 'A'], ['__proto__', 5]]) as DatasetNode, { id: 'b', label: 'B' }],
			edges: []
		};
		expect([...applyFilter(data, { ...NO_FILTER, attributes: [{ scope: 'node', name: '__proto__', range: { min: 0, max: null } }] }).nodes]).toEqual(['a']);
		expect([...applyFilter(data, { ...NO_FILTER, attributes: [{ scope: 'node', name: '__proto__', values: ['unspecified'] }] }).nodes]).toEqual(['b']);
		expect([...applyFilter(data, { ...NO_FILTER, attributes: [{ scope: 'node', name: 'constructor', values: ['unspecified'] }] }).nodes]).toEqual(['a', 'b']);
	});

	it('replaces, adds and takes out one filter, keeping the order of the others', () => {
		const weight: AttributeFilter = { scope: 'edge', name: 'weight', range: { min: 2, max: null } };
		const filters = [club(['Officer']), weight];
		expect(withAttributeFilter(filters, 'node', 'club', club(['Mr. Hi']))).toEqual([club(['Mr. Hi']), weight]);
		expect(withAttributeFilter(filters, 'node', 'club', null)).toEqual([weight]);
		expect(withAttributeFilter(filters, 'edge', 'club', club([]))).toEqual([...filters, club([])]);
		expect(withAttributeFilter(filters, 'edge', 'nothing', null)).toEqual(filters);
	});
});

describe('filterGroups', () => {
	it("shows the brief's four vocabularies with the values it holds", () => {
		expect(filterGroups(brief, NO_FILTER).map((group) => [group.field, group.options])).toEqual([
			['kinds', ['cooperation', 'friction']],
			['domains', ['diplomacy', 'defense', 'economics']],
			['statuses', ['active', 'stalled', 'proposed']],
			['nodeTypes', expect.arrayContaining(['state', 'institution', 'agreement', 'event'])]
		]);
	});

	it('shows no friction box, no field group and no status group for karate, which has none of them', () => {
		expect(filterGroups(karate, NO_FILTER)).toEqual([]);
		// a link that filters by kind keeps its group, so the filter can be undone
		expect(filterGroups(karate, { ...NO_FILTER, kinds: ['friction'] })).toEqual([{ field: 'kinds', title: 'Kind', options: ['cooperation'] }]);
	});
});
