// GraphML out and in. Every field is a <data> value under a declared, typed <key> (lists, objects and null as
// JSON text), the dataset-level fields are graph data, so our files round-trip losslessly and networkx reads them.
// Plain GraphML (networkx, yEd, Gephi) loads too: keys by attr.name, defaults applied, edge ids made when missing,
// yEd's labels and places from its graphics data, nested graphs (yEd's groups) flattened.
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

/** The first element under `tag` within a few levels of `element` (yEd nests its labels in shape and group realizers). */
function findElement(element: XmlElement, tag: string, depth = 4): XmlElement | undefined {
	const found = children(element, tag)[0];
	if (found || depth === 0) return found;
	for (const [name, value] of Object.entries(element)) {
		if (name === tag || value === null || typeof value !== 'object') continue;
		for (const child of children(element, name)) {
			const deeper = findElement(child, tag, depth - 1);
			if (deeper) return deeper;
		}
	}
	return undefined;
}

/**
 * What yEd keeps in its graphics data and nowhere else: a node's label and place (the centre of its y:Geometry), a
 * tie's label. Set only where the file gives no label of its own.
 */
function readYedGraphics(graphics: XmlElement[], fields: Record<string, unknown>, labelTag: 'NodeLabel' | 'EdgeLabel'): void {
	for (const data of graphics) {
		const label = textOf(findElement(data, labelTag)).trim();
		if (label && !Object.hasOwn(fields, 'label')) fields.label = label;
		const geometry = labelTag === 'NodeLabel' ? findElement(data, 'Geometry') : undefined;
		const [x, y, width, height] = ['x', 'y', 'width', 'height'].map((name) => Number(attribute(geometry, name) ?? NaN));
		if ([x, y, width, height].every(Number.isFinite) && !Object.hasOwn(fields, 'position')) fields.position = { x: x! + width! / 2, y: y! + height! / 2 };
	}
}

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
	/** yEd's graphics keys: nested XML, not values, read for labels and places only */
	const graphicsKeys = new Set<string>();
	for (const key of children(graphml, 'key')) {
		const id = attribute(key, 'id');
		const yfiles = attribute(key, 'yfiles.type');
		if (id !== undefined && (yfiles === 'nodegraphics' || yfiles === 'edgegraphics')) graphicsKeys.add(id);
		if (id === undefined || yfiles !== undefined) continue;
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

	const graphicsOf = (owner: XmlElement) => children(owner, 'data').filter((data) => graphicsKeys.has(attribute(data, 'key') ?? ''));

	const graphData: Record<string, unknown> = {};
	readData(graph, 'graph', graphData, new Set());
	const ours = graphData.format === FORMAT;
	const directedGraph = attribute(graph, 'edgedefault') === 'directed';

	// A node may hold a graph of its own (yEd's groups): its nodes and ties are read as the others are, each node with
	// the id of the node that holds it as `parent` (networkx 2.8 leaves them out without a word). A hyperedge has no
	// place among ties: it is refused at its line.
	const levels: Array<{ node: XmlElement; parent?: string }> = [];
	const edgeElements: XmlElement[] = [];
	const gather = (level: XmlElement, parent: string | undefined) => {
		for (const node of children(level, 'node')) {
			levels.push({ node, parent });
			for (const inner of children(node, 'graph')) gather(inner, attribute(node, 'id'));
		}
		edgeElements.push(...children(level, 'edge'));
		for (const hyperedge of children(level, 'hyperedge'))
			problems.push({ file, line: lineOf(hyperedge), message: 'a <hyperedge> cannot be read: a tie joins two nodes, written as an <edge> (networkx refuses hyperedges too)' });
	};
	gather(graph, undefined);

	const nodes: ReadItem[] = [];
	for (const { node, parent } of levels) {
		const id = attribute(node, 'id');
		if (id === undefined) {
			problems.push({ file, line: lineOf(node), message: '<node> has no id' });
			continue;
		}
		const fields: Record<string, unknown> = { id };
		readData(node, 'node', fields, NODE_LISTS);
		if (!ours) readYedGraphics(graphicsOf(node), fields, 'NodeLabel');
		if (parent !== undefined && !Object.hasOwn(fields, 'parent')) fields.parent = parent;
		nodes.push({ fields, line: lineOf(node) });
	}
	const edges: ReadItem[] = [];
	for (const edge of edgeElements) {
		const fields = edgeEnds(edge, file, lineOf(edge), problems);
		if (!fields) continue;
		readData(edge, 'edge', fields, EDGE_LISTS);
		if (!ours) readYedGraphics(graphicsOf(edge), fields, 'EdgeLabel');
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
