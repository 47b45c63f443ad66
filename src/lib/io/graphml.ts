// GraphML out and in. Every field is a <data> value under a declared, typed <key> (lists, objects and null as
// JSON text), the dataset-level fields are graph data, so our files round-trip losslessly and networkx reads them.
// Plain GraphML (networkx, yEd, Gephi) loads too: keys by attr.name, defaults applied, edge ids made when missing.
import { FORMAT, setField, type Dataset } from '../model';
import { assembleDataset, type ReadItem } from './assemble';
import { decodeValue, encodeValue, planColumns, readerFor, revive, type Column, type ValueReader } from './columns';
import type { ImportProblem, ReadResult } from './types';
import { attribute, children, edgeEnds, escapeAttribute, escapeText, parseXml, textOf, toXmlSafe, type XmlElement } from './xml';

const NODE_STRUCTURE = new Set(['id']);
const EDGE_STRUCTURE = new Set(['id', 'source', 'target']);
const NODE_LISTS = new Set(['aliases']);
const EDGE_LISTS = new Set(['evidence']);

/** Every edge directed: the graph says so; otherwise undirected, and the `directed` field carries each edge's direction. */
export function allDirected(dataset: Dataset): boolean {
	return dataset.edges.length > 0 && dataset.edges.every((edge) => edge.directed === true);
}

function levelOf(dataset: Dataset): Record<string, unknown> {
	const { nodes: _nodes, edges: _edges, ...level } = dataset;
	return level;
}

function keyLines(columns: Column[], scope: string): string[] {
	return columns.map(
		(column) =>
			`  <key id="${column.id}" for="${scope}" attr.name="${escapeAttribute(toXmlSafe(column.name))}" attr.type="${column.type === 'json' ? 'string' : column.type}"/>`
	);
}

/** The item's fields in its own key order, so reading back gives the same JSON text. */
function dataLines(columns: Map<string, Column>, item: Record<string, unknown>, indent: string): string[] {
	return Object.entries(item).flatMap(([name, value]) => {
		const column = columns.get(name);
		return column && value !== undefined ? [`${indent}<data key="${column.id}">${escapeText(encodeValue(column, value))}</data>`] : [];
	});
}

const byName = (columns: Column[]) => new Map(columns.map((column) => [column.name, column]));

function element(indent: string, open: string, body: string[], tag: string): string[] {
	return body.length ? [`${indent}<${open}>`, ...body, `${indent}</${tag}>`] : [`${indent}<${open}/>`];
}

/** The dataset as a GraphML document. */
export function writeGraphml(dataset: Dataset): string {
	const level = levelOf(dataset);
	const graphColumns = planColumns([level], new Set(), 'g');
	const nodeColumns = planColumns(dataset.nodes, NODE_STRUCTURE, 'n');
	const edgeColumns = planColumns(dataset.edges, EDGE_STRUCTURE, 'e');
	const lines = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
		...keyLines(graphColumns, 'graph'),
		...keyLines(nodeColumns, 'node'),
		...keyLines(edgeColumns, 'edge'),
		`  <graph edgedefault="${allDirected(dataset) ? 'directed' : 'undirected'}">`,
		...dataLines(byName(graphColumns), level, '    ')
	];
	const nodeColumnsByName = byName(nodeColumns);
	const edgeColumnsByName = byName(edgeColumns);
	for (const node of dataset.nodes) lines.push(...element('    ', `node id="${escapeAttribute(toXmlSafe(node.id))}"`, dataLines(nodeColumnsByName, node, '      '), 'node'));
	for (const edge of dataset.edges) {
		const open = `edge id="${escapeAttribute(toXmlSafe(edge.id))}" source="${escapeAttribute(toXmlSafe(edge.source))}" target="${escapeAttribute(toXmlSafe(edge.target))}"`;
		lines.push(...element('    ', open, dataLines(edgeColumnsByName, edge, '      '), 'edge'));
	}
	lines.push('  </graph>', '</graphml>', '');
	return lines.join('\n');
}

interface Key {
	name: string;
	scope: string;
	reader: ValueReader;
	fallback?: unknown;
}

const ARRAYS = new Set(['key', 'graph', 'node', 'edge', 'data']);

/** Reads a GraphML document: ours losslessly, plain graphs with the import defaults. */
export function readGraphml(file: string, text: string): ReadResult {
	const parsed = parseXml(file, text, ARRAYS);
	if (!parsed.ok) return parsed;
	const { root, lineOf } = parsed.xml;
	const graphml = children(root, 'graphml')[0];
	const graph = children(graphml, 'graph')[0];
	if (!graphml || !graph) return { ok: false, problems: [{ file, message: graphml ? 'no <graph> element in the GraphML file' : 'not a GraphML file: no <graphml> element' }] };
	const problems: ImportProblem[] = [];

	const keys = new Map<string, Key>();
	for (const key of children(graphml, 'key')) {
		const id = attribute(key, 'id');
		// yEd's graphics keys hold nested XML, not values
		if (id === undefined || attribute(key, 'yfiles.type') !== undefined) continue;
		const entry: Key = { name: attribute(key, 'attr.name') ?? id, scope: attribute(key, 'for') ?? 'all', reader: readerFor(attribute(key, 'attr.type'), id) };
		const fallback = children(key, 'default')[0];
		if (fallback) {
			const decoded = decodeValue(entry.reader, textOf(fallback));
			if (typeof decoded === 'string') problems.push({ file, line: lineOf(key), message: `default of key "${id}" ${decoded}` });
			else entry.fallback = decoded.value;
		}
		keys.set(id, entry);
	}

	const readData = (owner: XmlElement, scope: string, target: Record<string, unknown>, lists: ReadonlySet<string>) => {
		for (const data of children(owner, 'data')) {
			const id = attribute(data, 'key') ?? '';
			const key = keys.get(id);
			if (!key) {
				if (Object.keys(data).some((name) => name !== 'key' && name !== '#text')) continue;
				problems.push({ file, line: lineOf(data) ?? lineOf(owner), message: `<data> refers to key "${id}", which no <key> declares` });
				continue;
			}
			const decoded = decodeValue(key.reader, textOf(data));
			if (typeof decoded === 'string') problems.push({ file, line: lineOf(data) ?? lineOf(owner), message: `${key.name} ${decoded}` });
			else setField(target, key.name, revive(key.name, decoded.value, lists));
		}
		for (const key of keys.values()) {
			if ((key.scope === scope || key.scope === 'all') && key.fallback !== undefined && !Object.hasOwn(target, key.name)) setField(target, key.name, key.fallback);
		}
	};

	const graphData: Record<string, unknown> = {};
	readData(graph, 'graph', graphData, new Set());
	const ours = graphData.format === FORMAT;
	const directedGraph = attribute(graph, 'edgedefault') === 'directed';

	const nodes: ReadItem[] = [];
	for (const node of children(graph, 'node')) {
		const id = attribute(node, 'id');
		if (id === undefined) {
			problems.push({ file, line: lineOf(node), message: '<node> has no id' });
			continue;
		}
		const fields: Record<string, unknown> = { id };
		readData(node, 'node', fields, NODE_LISTS);
		nodes.push({ fields, line: lineOf(node) });
	}
	const edges: ReadItem[] = [];
	for (const edge of children(graph, 'edge')) {
		const fields = edgeEnds(edge, file, lineOf(edge), problems);
		if (!fields) continue;
		readData(edge, 'edge', fields, EDGE_LISTS);
		const direction = attribute(edge, 'directed');
		if (!Object.hasOwn(fields, 'directed') && (direction === 'true' || (direction === undefined && directedGraph))) fields.directed = true;
		edges.push({ fields, line: lineOf(edge) });
	}
	if (problems.length) return { ok: false, problems };
	return assembleDataset({
		file,
		format: 'graphml',
		level: ours ? graphData : undefined,
		levelLine: lineOf(graph),
		graphAttributes: ours ? undefined : graphData,
		nodes,
		edges
	});
}
