import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datasetView, readDatasetFile, readGexf, readGraphml, writeGexf, writeGraphml, writeJson } from '../../src/lib/io/index';
import { DOMAINS, EDGE_KINDS, STATUSES, validateDataset, type Dataset } from '../../src/lib/model/index';
import { loadDataset, roundTripDatasets } from './io-helpers';

// Text with what breaks naive XML writers: markup, quotes, CR/LF/tab, edge spaces, combining marks, RTL, astral.
const tricky = fc.constantFrom('a', 'Z', '0', ' ', '\n', '\r', '\t', '&', '<', '>', '"', "'", '…', '日', '한', 'é', '\u0301', '😀', '\u200f', '\\', ']]>', '&amp;', '&#10;');
/** Ids, labels and field names: any of the above (XML can carry all of it). */
const safeText = (minLength = 0) => fc.string({ unit: fc.oneof(tricky, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), minLength, maxLength: 10 });
/** Field values may also hold characters XML cannot carry at all (controls, U+FFFE): those go as JSON text. */
const anyText = fc.string({ unit: fc.oneof(tricky, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 10 });
const nonBlank = anyText.filter((text) => text.trim().length > 0);
const RESERVED = new Set(['id', 'label', 'type', 'aliases', 'description', 'group', 'source', 'target', 'kind', 'relation', 'domain', 'status', 'directed', 'weight', 'since', 'until', 'measure', 'evidence', 'viz', 'title', 'format', 'meta', 'sources', 'nodes', 'edges', 'measures', 'quote', 'locator', 'cites', 'asOf', 'usRole', '__proto__']);
const extraKey = safeText(1).filter((key) => !RESERVED.has(key));
const extraValue = fc.jsonValue({ maxDepth: 2 });
const extras = fc.dictionary(extraKey, extraValue, { maxKeys: 2 });
const positive = fc.double({ min: 1e-6, max: 1e6, noNaN: true });
const year = fc.integer({ min: 1900, max: 2030 }).map(String);
const viz = fc.record(
	{
		color: fc.record({ r: fc.integer({ min: 0, max: 255 }), g: fc.integer({ min: 0, max: 255 }), b: fc.integer({ min: 0, max: 255 }) }),
		position: fc.record({ x: fc.double({ min: -1e4, max: 1e4, noNaN: true }), y: fc.double({ min: -1e4, max: 1e4, noNaN: true }) }),
		size: positive
	},
	{ requiredKeys: [] }
);

const evidence = (sourceIds: string[]) =>
	fc.array(
		fc.tuple(fc.record({ source: fc.constantFrom(...sourceIds), quote: nonBlank }), fc.record({ locator: anyText, cites: fc.constantFrom(...sourceIds) }, { requiredKeys: [] }), extras).map(([base, optional, more]) => ({ ...more, ...base, ...optional })),
		{ maxLength: 3 }
	);

/** Valid imported datasets: unique ids, edges between existing nodes, references that resolve, extra fields anywhere. */
const datasetArbitrary = fc
	.record({
		sourceIds: fc.uniqueArray(safeText(1), { minLength: 1, maxLength: 3 }),
		nodeIds: fc.uniqueArray(safeText(1), { minLength: 1, maxLength: 6 }),
		edgeIds: fc.uniqueArray(safeText(1), { maxLength: 8 }),
		measureIds: fc.uniqueArray(safeText(1), { maxLength: 2 })
	})
	.chain(({ sourceIds, nodeIds, edgeIds, measureIds }) => {
		const node = (id: string) =>
			fc
				.tuple(fc.record({ label: safeText(1) }), fc.record({ type: nonBlank, aliases: fc.array(nonBlank, { maxLength: 3 }), description: anyText, group: nonBlank, viz }, { requiredKeys: [] }), extras)
				.map(([required, optional, more]) => ({ ...more, id, ...required, ...optional }));
		const edge = (id: string) =>
			fc
				.tuple(
					fc.record({ source: fc.constantFrom(...nodeIds), target: fc.constantFrom(...nodeIds), kind: fc.constantFrom(...EDGE_KINDS), status: fc.constantFrom(...STATUSES), evidence: evidence(sourceIds) }),
					fc.record(
						{
							relation: nonBlank,
							domain: fc.constantFrom(...DOMAINS),
							directed: fc.boolean(),
							weight: positive,
							since: year,
							until: fc.constant(null),
							label: anyText,
							measure: measureIds.length ? fc.option(fc.constantFrom(...measureIds)) : fc.constant(null)
						},
						{ requiredKeys: [] }
					),
					extras
				)
				.map(([required, optional, more]) => ({ ...more, id, ...required, ...optional }));
		return fc.record({
			format: fc.constant('alliance-explorer/1' as const),
			meta: fc.tuple(fc.record({ id: safeText(1), title: nonBlank }), fc.record({ description: anyText, asOf: year }, { requiredKeys: [] }), extras).map(([a, b, c]) => ({ ...c, ...a, ...b })),
			sources: fc.tuple(...sourceIds.map((id) => fc.tuple(fc.record({ title: nonBlank, year: fc.integer({ min: 1900, max: 2030 }) }, { requiredKeys: ['title'] }), extras).map(([s, more]) => ({ ...more, id, ...s })))),
			nodes: fc.tuple(...nodeIds.map(node)),
			edges: edgeIds.length ? fc.tuple(...edgeIds.map(edge)) : fc.constant([]),
			measures: fc.tuple(...measureIds.map((id) => fc.record({ domain: fc.constantFrom(...DOMAINS), title: nonBlank, evidence: evidence(sourceIds) }).map((m) => ({ id, ...m })))),
			'x-extra': extraValue
		});
	})
	// As if read from our JSON: -0 becomes 0 and undefined fields vanish, and a name that leaves a direction control
	// open (a right-to-left override in a label) has it closed, as every read does (closeDirections). Without this, the
	// rare generated label holding an open override failed the round trips below on the closer the reader adds.
	.map((dataset) => {
		const read = validateDataset(JSON.parse(JSON.stringify(dataset)), { curated: false });
		return read.ok ? read.dataset : (dataset as Dataset);
	});

describe('round trips keep every node, edge, attribute and evidence item', () => {
	it('generates valid datasets (the property below is about valid ones)', () => {
		fc.assert(fc.property(datasetArbitrary, (dataset) => validateDataset(dataset, { curated: false }).ok), { numRuns: 50 });
	});

	it('a tie label that leaves a right-to-left override open comes back from GraphML and GEXF closed, as from JSON', () => {
		const dataset: Dataset = {
			format: 'alliance-explorer/1',
			meta: { id: 'rlo', title: 'Override' },
			sources: [{ id: 's', title: 'S' }],
			nodes: [
				{ id: 'a', label: 'A' },
				{ id: 'b', label: '\u202Eb' }
			],
			edges: [{ id: 'e', source: 'a', target: 'b', kind: 'cooperation', status: 'active', evidence: [], label: '\u202Ex' }]
		} as Dataset;
		for (const back of [readGraphml('o.graphml', writeGraphml(dataset)), readGexf('o.gexf', writeGexf(dataset))]) {
			expect(back.ok && [back.dataset.nodes[1]!.label, back.dataset.edges[0]!.label]).toEqual(['\u202Eb\u202C', '\u202Ex\u202C']);
		}
	});

	it('JSON -> GraphML -> JSON is lossless for generated datasets', () => {
		fc.assert(
			fc.property(datasetArbitrary, (dataset) => {
				const back = readGraphml('generated.graphml', writeGraphml(dataset));
				expect(back.ok ? back.dataset : back.problems).toEqual(dataset);
			}),
			{ numRuns: 150 }
		);
	});

	it('JSON -> GEXF -> JSON is lossless for generated datasets', () => {
		fc.assert(
			fc.property(datasetArbitrary, (dataset) => {
				const back = readGexf('generated.gexf', writeGexf(dataset));
				expect(back.ok ? back.dataset : back.problems).toEqual(dataset);
			}),
			{ numRuns: 150 }
		);
	});

	describe.each(roundTripDatasets)('%s', (_name, path) => {
		const dataset = loadDataset(path);
		it.each([
			['GraphML', 'out.graphml', writeGraphml],
			['GEXF', 'out.gexf', writeGexf],
			['JSON', 'out.json', writeJson]
		])('through %s, read back by file name, equals the original', (_format, name, write) => {
			const back = readDatasetFile(name, write(dataset));
			expect(back.ok ? back.dataset : back.problems).toEqual(dataset);
		});

		it.each([
			['GraphML', 'out.graphml', writeGraphml],
			['JSON', 'out.json', writeJson]
		])('through %s serialises to the very same JSON text (field order kept)', (_format, name, write) => {
			const back = readDatasetFile(name, write(dataset));
			expect(back.ok && writeJson(back.dataset)).toBe(writeJson(dataset));
		});
	});
});

describe('datasetView', () => {
	const dataset = loadDataset(roundTripDatasets[0]![1]);

	it('keeps the listed nodes, and only the listed edges whose both ends are kept', () => {
		const view = datasetView(dataset, { nodeIds: new Set(['japan', 'south-korea', 'united-states']), edgeIds: new Set(['japan--south-korea--history', 'japan--united-states--alliance', 'north-korea--japan--threat']) });
		expect(view.nodes.map((node) => node.id)).toEqual(['japan', 'south-korea', 'united-states']);
		expect(view.edges.map((edge) => edge.id)).toEqual(['japan--united-states--alliance', 'japan--south-korea--history']);
		expect(view.sources).toBe(dataset.sources);
		expect(validateDataset(view, { curated: false }).ok).toBe(true);
	});

	it('without a selection is the whole dataset, and never changes the dataset', () => {
		const before = structuredClone(dataset);
		expect(datasetView(dataset)).toEqual(dataset);
		datasetView(dataset, { nodeIds: new Set(['china']) });
		expect(dataset).toEqual(before);
	});

	it('exports a filtered view that reads back as exactly that view', () => {
		const view = datasetView(dataset, { nodeIds: new Set(['japan', 'gsomia', 'south-korea']) });
		const back = readGexf('view.gexf', writeGexf(view));
		expect(back.ok && back.dataset).toEqual(view);
		expect(view.edges.map((edge) => edge.id)).toEqual(['japan--south-korea--history', 'japan--south-korea--gsomia', 'japan--gsomia--proposed', 'japan--japan--self-loop']);
	});
});
