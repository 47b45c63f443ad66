// Property tests for issue 11: random keys that are Object.prototype's members ("__proto__", "constructor",
// "toString", "hasOwnProperty"), "|", formula starts and unicode, as ids, labels, types and field names, through every
// reader and writer, the analysis and the page state. Object.prototype must stay as it was, and round trips lose nothing.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { brokerReport, compareMetrics, computeMetrics, louvainCommunities } from '$lib/analysis';
import { fullAnalysis } from '$lib/analysis/full-analysis';
import { defaultLayer } from '$lib/analysis/layer';
import { ViewBox } from './view-box.svelte';
import { exportDataset, readDatasetFile, readDatasetFiles, readGexf, readGraphml, writeGexf, writeGraphml, writeJson } from '$lib/io';
import { objectFromFields, validateDataset, type Dataset } from '$lib/model';
import { AnalysisState } from '$lib/state/analysis.svelte';
import { DEFAULT_VIEW, parseView, viewToParams } from '$lib/state/url';
import { resolveAppearance } from '$lib/view/appearance';
import { applyFilter, NO_FILTER } from '$lib/view/filter';
import { neighbourGroups } from '$lib/view/neighbours';
import { searchNodes } from '$lib/view/search';
import { tieCounts } from '$lib/view/tie-counts';

const prototypeState = () => `${Object.getOwnPropertyNames(Object.prototype).sort().join(',')}|${Object.keys(Object.getPrototypeOf({}) as object).join(',')}`;
const pristine = prototypeState();
afterEach(() => expect(prototypeState()).toBe(pristine));

const HOSTILE = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '__defineGetter__', 'isPrototypeOf', 'propertyIsEnumerable', '|', 'a|b', '|b', 'b|', '=cmd', '+1', '-2', '@SUM', 'Ωmega', '日本', '한국', '😀', 'x.y', '[0]', '"q"'];
/** A key: one of the hostile ones, or a short string of letters, "|" and unicode. */
const key = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: fc.constantFrom('a', 'b', '|', '_', '日', '😀', 'é', 'p', 'o', 't', '='), minLength: 1, maxLength: 6 }));
const value = fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 }));

const NODE_FIELDS = new Set(['id', 'label', 'type', 'aliases', 'description', 'group', 'note', 'position', 'viz']);
const EDGE_FIELDS = new Set(['id', 'source', 'target', 'kind', 'relation', 'domain', 'status', 'directed', 'weight', 'since', 'until', 'label', 'measure', 'note', 'evidence', 'viz']);
const LEVEL_FIELDS = new Set(['format', 'meta', 'sources', 'nodes', 'edges', 'measures']);
const META_FIELDS = new Set(['id', 'title', 'description', 'asOf']);
/** Extra fields under hostile names, as own properties ("__proto__" included), never colliding with the contract's. */
const extras = (reserved: ReadonlySet<string>) => fc.uniqueArray(fc.tuple(key.filter((name) => !reserved.has(name)), value), { maxLength: 3, selector: ([name]) => name });

/** Valid datasets whose ids, labels, node types and extra field names are all hostile keys; ties may share node ids. */
const hostileDataset = fc
	.record({ nodeIds: fc.uniqueArray(key, { minLength: 1, maxLength: 6 }), edgeIds: fc.uniqueArray(key, { maxLength: 6 }) })
	.chain(({ nodeIds, edgeIds }) =>
		fc.record({
			nodes: fc.tuple(...nodeIds.map((id) => fc.tuple(key, key, extras(NODE_FIELDS)).map(([label, type, more]) => objectFromFields([['id', id], ['label', label], ['type', type], ...more])))),
			edges: edgeIds.length
				? fc.tuple(
						...edgeIds.map((id) =>
							fc
								.tuple(fc.constantFrom(...nodeIds), fc.constantFrom(...nodeIds), fc.constantFrom('cooperation', 'friction'), key, extras(EDGE_FIELDS))
								.map(([source, target, kind, quote, more]) =>
									objectFromFields([['id', id], ['source', source], ['target', target], ['kind', kind], ['status', 'active'], ['evidence', [{ source: 'brief', quote }]], ...more])
								)
						)
					)
				: fc.constant([]),
			meta: extras(META_FIELDS),
			level: extras(LEVEL_FIELDS)
		})
	)
	.map(({ nodes, edges, meta, level }) =>
		objectFromFields([
			['format', 'alliance-explorer/1'],
			['meta', objectFromFields([['id', 'hostile'], ['title', 'Hostile keys'], ...meta])],
			['sources', [{ id: 'brief', title: 'A brief' }]],
			['nodes', nodes],
			['edges', edges],
			...level
		]) as unknown as Dataset
	)
	.filter((dataset) => validateDataset(dataset, { curated: false }).ok);

const RUNS = { numRuns: 60 };

describe('readers and writers', () => {
	it('JSON, GraphML and GEXF round trips keep every hostile id and field name', () => {
		fc.assert(
			fc.property(hostileDataset, (dataset) => {
				// Key order aside (nodes and edges go back before dataset-level extras), the same JSON value.
				const expected = JSON.parse(JSON.stringify(dataset)) as unknown;
				for (const [name, text, read] of [
					['x.json', writeJson(dataset), (file: string, body: string) => readDatasetFile(file, body)],
					['x.graphml', writeGraphml(dataset), readGraphml],
					['x.gexf', writeGexf(dataset), readGexf]
				] as const) {
					const back = read(name, text);
					if (!back.ok) throw new Error(`${name}: ${JSON.stringify(back.problems)}`);
					expect(Object.getPrototypeOf(back.dataset)).toBe(Object.prototype);
					expect(JSON.parse(JSON.stringify(back.dataset))).toEqual(expected);
					expect(JSON.stringify(back.dataset.nodes)).toBe(JSON.stringify(dataset.nodes));
				}
			}),
			RUNS
		);
	});

	it('CSV keeps every hostile id, label and type, formula starts included, and its two tables read back together', () => {
		fc.assert(
			fc.property(hostileDataset, (dataset) => {
				const files = exportDataset(dataset, 'csv', 'hostile');
				const back = readDatasetFiles(files.map(({ name, text }) => ({ name, text })));
				if (!back.ok) throw new Error(JSON.stringify(back.problems));
				expect(back.dataset.nodes.map((node) => [node.id, node.label, node.type])).toEqual(dataset.nodes.map((node) => [node.id, node.label, node.type]));
				expect(back.dataset.edges.map((edge) => [edge.id, edge.source, edge.target, edge.kind])).toEqual(dataset.edges.map((edge) => [edge.id, edge.source, edge.target, edge.kind]));
				for (const file of files) expect(file.text).not.toMatch(/(^|,|\r\n)[=+\-@]/);
			}),
			RUNS
		);
	});
});

describe('the analysis', () => {
	it('gives every node its metrics, takes any node as broker, and keeps every id through JSON', () => {
		fc.assert(
			fc.property(hostileDataset, (dataset) => {
				const ids = dataset.nodes.map((node) => node.id);
				const layer = defaultLayer(dataset);
				const result = fullAnalysis(dataset, layer);
				if ('problem' in result) throw new Error(result.problem);
				expect(Object.keys(result.nodes).sort()).toEqual([...ids].sort());
				expect(ids).toContain(result.broker!.broker);
				const parsed = JSON.parse(JSON.stringify(result)) as { nodes: object };
				expect(Object.keys(parsed.nodes).sort()).toEqual([...ids].sort());
				for (const id of ids) expect(brokerReport(dataset, id, layer).broker).toBe(id);
				expect(Object.keys(louvainCommunities(dataset, layer).byNode).sort()).toEqual([...ids].sort());
				const metrics = computeMetrics(dataset, layer);
				expect(compareMetrics(metrics, metrics, 'degree').map((row) => row.id).sort()).toEqual([...ids].sort());
			}),
			RUNS
		);
	});
});

describe('the page state and view', () => {
	it('names, counts, sizes, colours, searches, filters and links every node, and the analysis state follows any broker', () => {
		fc.assert(
			fc.property(hostileDataset, (dataset) => {
				const ids = dataset.nodes.map((node) => node.id);
				const box = new ViewBox();
				const analysis = new AnalysisState(() => dataset, () => box.view, box.go);
				analysis.computeMetrics();
				expect(ids).toContain(analysis.brokerId);
				for (const node of dataset.nodes) expect(analysis.name(node.id)).toBe(node.label);
				analysis.setAppearance('size', 'metric:degree');
				analysis.setAppearance('colour', 'community');
				expect(analysis.metricsShown).toBe(true);
				expect(Object.keys(analysis.metrics!.nodes).sort()).toEqual([...ids].sort());
				expect(Object.keys(analysis.communities!.byNode).sort()).toEqual([...ids].sort());
				for (const id of ids) {
					analysis.setBroker(id);
					analysis.toggle('broker');
					expect(analysis.highlight?.centre).toEqual([id]);
					analysis.toggle('broker');
				}
				// A node and a tie sharing an id are taken out and put back one at a time.
				const shared = dataset.edges.find((edge) => ids.includes(edge.id));
				if (shared) {
					analysis.removeNode(shared.id);
					analysis.removeEdge(shared.id);
					analysis.restore(shared.id, 'edge');
					expect(box.view.without).toEqual({ nodes: [shared.id], edges: [] });
				}

				const counts = tieCounts(dataset.edges);
				for (const id of counts.keys()) expect(ids).toContain(id);
				const appearance = resolveAppearance(
					dataset,
					{ colour: box.view.colour, size: box.view.size, shape: null },
					{ partners: new Map(), metrics: analysis.metrics!.nodes, communities: analysis.communities!.byNode }
				);
				expect(appearance.notes).toEqual([]);
				for (const id of ids) expect(typeof appearance.size.byNode.get(id)).toBe('number');
				for (const id of ids) expect(typeof (appearance.colour.type === 'partition' && appearance.colour.byNode.get(id))).toBe('string');
				for (const node of dataset.nodes) {
					expect(searchNodes(dataset, node.label, 50).map((hit) => hit.node.id)).toContain(node.id);
					const { cooperation, friction } = neighbourGroups(dataset, node.id);
					for (const group of [cooperation, friction]) {
						const neighbours = group.map((neighbour) => neighbour.node.id);
						expect(new Set(neighbours).size).toBe(neighbours.length);
						for (const id of neighbours) expect(ids).toContain(id);
					}
				}
				const types = [...new Set(dataset.nodes.map((node) => node.type!))];
				expect(applyFilter(dataset, { ...NO_FILTER, nodeTypes: types.slice(0, 1) }).nodes.size).toBe(dataset.nodes.filter((node) => node.type === types[0]).length);
				for (const id of ids) {
					const view = parseView(viewToParams({ ...DEFAULT_VIEW, dataset: id, selection: { kind: 'node', id }, focus: id }));
					expect([view.dataset, view.selection, view.focus]).toEqual([id, { kind: 'node', id }, id]);
				}
			}),
			{ numRuns: 30 }
		);
	});
});
