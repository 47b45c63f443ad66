// Our GEXF against the GEXF 1.3 rules we can check without the schema files (gephi/gexf 1.3/gexf.rnc).
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { writeGexf } from '../../src/lib/io/index';
import { loadDataset, roundTripDatasets } from './io-helpers';

const ATTRIBUTE_TYPES = new Set(['integer', 'long', 'double', 'float', 'boolean', 'liststring', 'listboolean', 'listinteger', 'listlong', 'listfloat', 'listdouble', 'string', 'anyURI', 'bigdecimal', 'biginteger', 'byte', 'char', 'short']);
const ARRAYS = new Set(['attributes', 'attribute', 'node', 'edge', 'attvalue']);

type Element = Record<string, unknown>;
const list = (value: unknown): Element[] => (value === undefined ? [] : Array.isArray(value) ? (value as Element[]) : [value as Element]);
const elementNames = (element: Element) => Object.keys(element).filter((key) => !key.startsWith('@_') && key !== '#text');

describe.each(roundTripDatasets)('GEXF written for %s follows GEXF 1.3', (_name, path) => {
	const dataset = loadDataset(path);
	const parsed = new XMLParser({ ignoreAttributes: false, parseAttributeValue: false, parseTagValue: false, isArray: (name) => ARRAYS.has(name) }).parse(writeGexf(dataset)) as Element;
	const gexf = parsed.gexf as Element;
	const graph = gexf.graph as Element;

	it('has the 1.3 namespace, version, viz namespace and schema location', () => {
		expect(gexf['@_xmlns']).toBe('http://gexf.net/1.3');
		expect(gexf['@_version']).toBe('1.3');
		expect(gexf['@_xmlns:viz']).toBe('http://gexf.net/1.3/viz');
		expect(gexf['@_xsi:schemaLocation']).toBe('http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd');
		expect(elementNames(gexf)).toEqual(['meta', 'graph']);
		expect(elementNames(gexf.meta as Element).every((name) => ['creator', 'keywords', 'description'].includes(name))).toBe(true);
	});

	it('declares every attribute once per class, with a title and a GEXF type', () => {
		expect(['directed', 'undirected', 'mutual']).toContain(graph['@_defaultedgetype']);
		expect(elementNames(graph)).toEqual(['attributes', 'nodes', 'edges']);
		for (const group of list(graph.attributes)) {
			expect(['node', 'edge']).toContain(group['@_class']);
			const attributes = list(group.attribute);
			expect(new Set(attributes.map((a) => a['@_id'])).size).toBe(attributes.length);
			for (const attribute of attributes) {
				expect(attribute['@_title']).toEqual(expect.any(String));
				expect(ATTRIBUTE_TYPES).toContain(attribute['@_type']);
			}
		}
	});

	it('gives every node and edge a unique id, edges existing ends, values only for declared attributes', () => {
		const declared = (scope: string) => new Set(list(graph.attributes).filter((g) => g['@_class'] === scope).flatMap((g) => list(g.attribute).map((a) => a['@_id'])));
		const nodesElement = graph.nodes as Element;
		const edgesElement = graph.edges as Element;
		const nodes = list(nodesElement.node);
		const edges = list(edgesElement.edge);
		expect(Number(nodesElement['@_count'])).toBe(nodes.length);
		expect(Number(edgesElement['@_count'])).toBe(edges.length);
		const nodeIds = new Set(nodes.map((node) => node['@_id']));
		expect(nodeIds.size).toBe(dataset.nodes.length);
		expect(new Set(edges.map((edge) => edge['@_id'])).size).toBe(dataset.edges.length);
		for (const [scope, items] of [['node', nodes], ['edge', edges]] as const) {
			const ids = declared(scope);
			for (const item of items) {
				expect(elementNames(item).every((name) => name === 'attvalues' || name.startsWith('viz:'))).toBe(true);
				for (const value of list((item.attvalues as Element | undefined)?.attvalue)) {
					expect(ids).toContain(value['@_for']);
					expect(value['@_value']).toEqual(expect.any(String));
				}
			}
		}
		for (const edge of edges) {
			expect(nodeIds).toContain(edge['@_source']);
			expect(nodeIds).toContain(edge['@_target']);
			if (edge['@_weight'] !== undefined) expect(Number.isFinite(Number(edge['@_weight']))).toBe(true);
		}
	});
});
