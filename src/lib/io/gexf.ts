// GEXF 1.3 out and in. Node and edge fields are declared, typed attributes (lists, objects and null as JSON text);
// label and weight use GEXF's own slots, Gephi's viz: data (color, position, size, shape, thickness) its viz elements.
// GEXF 1.3 has no graph-level attributes, so our dataset-level fields (meta, sources, measures) travel as JSON
// in <meta><description>. Plain GEXF (Gephi, networkx) loads too: defaults applied, edge ids made when missing, a
// dynamic graph's dated ties as since and until, Gephi's places (viz:position) as the nodes' positions.
import { FORMAT, objectFromFields, parseJson, setField, type Dataset } from '../model';
import { PARTIAL_DATE } from '../model/vocabulary';
import { assembleDataset, type ReadItem } from './assemble';
import { decodeValue, encodeValue, planColumns, readerFor, revive, type Column, type ValueReader } from './columns';
import { allDirected } from './graphml';
import type { ImportProblem, ReadResult } from './types';
import { attribute, children, edgeEnds, encodeJson, escapeAttribute, escapeText, isXmlSafe, parseXml, textOf, toXmlSafe, type XmlElement } from './xml';

export const GEXF_NAMESPACE = 'http://gexf.net/1.3';
export const GEXF_VIZ_NAMESPACE = 'http://gexf.net/1.3/viz';
const CREATOR = 'Alliance Explorer';

const NODE_LISTS = new Set(['aliases']);
const EDGE_LISTS = new Set(['evidence']);

type Viz = Record<string, unknown>;
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const only = (value: Record<string, unknown>, allowed: string[]) => Object.keys(value).every((key) => allowed.includes(key));

/** True when a viz field has exactly the shape GEXF's viz elements carry, so writing them loses nothing. */
function isViz(value: unknown): value is Viz {
	if (!isRecord(value) || !Object.keys(value).length || !only(value, ['color', 'position', 'size', 'shape', 'thickness'])) return false;
	const { color, position, size, shape, thickness } = value;
	if (color !== undefined) {
		if (!isRecord(color) || !only(color, ['r', 'g', 'b', 'a'])) return false;
		if (![color.r, color.g, color.b].every((c) => Number.isInteger(c) && (c as number) >= 0 && (c as number) <= 255)) return false;
		if (color.a !== undefined && !isNumber(color.a)) return false;
	}
	if (position !== undefined && (!isRecord(position) || !only(position, ['x', 'y', 'z']) || !isNumber(position.x) || !isNumber(position.y) || (position.z !== undefined && !isNumber(position.z))))
		return false;
	if ((size !== undefined && !isNumber(size)) || (thickness !== undefined && !isNumber(thickness))) return false;
	return shape === undefined || (typeof shape === 'string' && shape !== '');
}

function vizLines(viz: Viz, indent: string): string[] {
	return Object.entries(viz).map(([name, value]) => {
		if (isRecord(value)) {
			const attributes = Object.entries(value).map(([k, v]) => `${k}="${String(v)}"`).join(' ');
			return `${indent}<viz:${name} ${attributes}/>`;
		}
		return `${indent}<viz:${name} value="${escapeAttribute(String(value))}"/>`;
	});
}

function attributeDeclarations(columns: Column[], scope: string): string[] {
	if (!columns.length) return [];
	return [
		`    <attributes class="${scope}">`,
		...columns.map((c) => `      <attribute id="${c.id}" title="${escapeAttribute(toXmlSafe(c.name))}" type="${c.type === 'json' ? 'string' : c.type}"/>`),
		'    </attributes>'
	];
}

function itemLines(tag: string, open: string, columns: Map<string, Column>, item: Record<string, unknown>, viz: Viz | undefined): string[] {
	const values = Object.entries(item).flatMap(([name, value]) => {
		const column = columns.get(name);
		return column && value !== undefined ? [`          <attvalue for="${column.id}" value="${escapeAttribute(encodeValue(column, value))}"/>`] : [];
	});
	const body = [...(values.length ? ['        <attvalues>', ...values, '        </attvalues>'] : []), ...(viz ? vizLines(viz, '        ') : [])];
	return body.length ? [`      <${open}>`, ...body, `      </${tag}>`] : [`      <${open}/>`];
}

/** Fields that become attvalues: everything but the ones written in GEXF's own slots. */
function columnFields(item: Record<string, unknown>, slots: string[]): Record<string, unknown> {
	return objectFromFields(Object.entries(item).filter(([key, value]) => !slots.includes(key) && !(key === 'viz' && isViz(value))));
}

/** The dataset as a GEXF 1.3 document. */
export function writeGexf(dataset: Dataset): string {
	const { nodes, edges, ...level } = dataset;
	const nodeFields = nodes.map((node) => columnFields(node, ['id', 'label']));
	// A label XML cannot carry goes as a JSON attribute instead (node labels have no such way out: see toXmlSafe).
	const labelSlot = (edge: Dataset['edges'][number]) => typeof edge.label === 'string' && isXmlSafe(edge.label);
	const edgeFields = edges.map((edge) => columnFields(edge, ['id', 'source', 'target', 'weight', ...(labelSlot(edge) ? ['label'] : [])]));
	const nodeColumns = planColumns(nodeFields, new Set(), 'n');
	const edgeColumns = planColumns(edgeFields, new Set(), 'e');
	const lines = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		`<gexf xmlns="${GEXF_NAMESPACE}" xmlns:viz="${GEXF_VIZ_NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${GEXF_NAMESPACE} ${GEXF_NAMESPACE}/gexf.xsd" version="1.3">`,
		'  <meta>',
		`    <creator>${CREATOR}</creator>`,
		`    <description>${escapeText(encodeJson(level))}</description>`,
		'  </meta>',
		`  <graph defaultedgetype="${allDirected(dataset) ? 'directed' : 'undirected'}" idtype="string">`,
		...attributeDeclarations(nodeColumns, 'node'),
		...attributeDeclarations(edgeColumns, 'edge'),
		`    <nodes count="${nodes.length}">`
	];
	const nodeColumnsByName = new Map(nodeColumns.map((column) => [column.name, column]));
	const edgeColumnsByName = new Map(edgeColumns.map((column) => [column.name, column]));
	nodes.forEach((node, i) => {
		const open = `node id="${escapeAttribute(toXmlSafe(node.id))}" label="${escapeAttribute(toXmlSafe(node.label))}"`;
		lines.push(...itemLines('node', open, nodeColumnsByName, nodeFields[i]!, isViz(node.viz) ? node.viz : undefined));
	});
	lines.push('    </nodes>', `    <edges count="${edges.length}">`);
	edges.forEach((edge, i) => {
		let open = `edge id="${escapeAttribute(toXmlSafe(edge.id))}" source="${escapeAttribute(toXmlSafe(edge.source))}" target="${escapeAttribute(toXmlSafe(edge.target))}"`;
		if (labelSlot(edge)) open += ` label="${escapeAttribute(edge.label!)}"`;
		if (typeof edge.weight === 'number') open += ` weight="${edge.weight}"`;
		lines.push(...itemLines('edge', open, edgeColumnsByName, edgeFields[i]!, isViz(edge.viz) ? edge.viz : undefined));
	});
	lines.push('    </edges>', '  </graph>', '</gexf>', '');
	return lines.join('\n');
}

interface Declared {
	title: string;
	reader: ValueReader;
	fallback?: unknown;
}

const ARRAYS = new Set(['attributes', 'attribute', 'node', 'edge', 'attvalue']);

function readViz(element: XmlElement): Viz | undefined {
	const viz: Viz = {};
	const numbers = (from: XmlElement, names: string[]) => {
		const out: Record<string, unknown> = {};
		for (const name of names) {
			const value = attribute(from, name);
			if (value !== undefined) out[name] = Number.isFinite(Number(value)) && value.trim() !== '' ? Number(value) : value;
		}
		return out;
	};
	const color = children(element, 'color')[0];
	if (color) viz.color = attribute(color, 'hex') !== undefined ? { hex: attribute(color, 'hex') } : numbers(color, ['r', 'g', 'b', 'a']);
	const position = children(element, 'position')[0];
	if (position) viz.position = numbers(position, ['x', 'y', 'z']);
	for (const name of ['size', 'thickness']) {
		const found = children(element, name)[0];
		if (found && attribute(found, 'value') !== undefined) viz[name] = numbers(found, ['value']).value;
	}
	const shape = children(element, 'shape')[0];
	if (shape) viz.shape = attribute(shape, 'value') === 'image' && attribute(shape, 'uri') ? attribute(shape, 'uri') : attribute(shape, 'value');
	return Object.keys(viz).length ? viz : undefined;
}

/**
 * Where Gephi drew a node, as the position it opens at: its viz:position with the y axis turned over (Gephi's y points
 * up, the page's down), so the network shows as it did in Gephi. A position attribute of the node's own is left as
 * read, to be checked as any field is.
 */
function placeFromViz(fields: Record<string, unknown>): void {
	const place = isRecord(fields.viz) ? fields.viz.position : undefined;
	if (!isRecord(place) || !isNumber(place.x) || !isNumber(place.y) || Object.hasOwn(fields, 'position')) return;
	fields.position = { x: place.x, y: 0 - place.y }; // 0 - y: a place at y = 0 stays 0, not -0
}

/** A GEXF time as our partial date: a date, or a dateTime's date (1965-06-22T10:00 -> 1965-06-22); else undefined. */
function partialDate(value: string | undefined): string | undefined {
	const date = value === undefined ? undefined : /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:T.*)?$/.exec(value.trim())?.[1];
	return date && PARTIAL_DATE.test(date) ? date : undefined;
}

/**
 * A node's or tie's time in GEXF 1.1 to 1.3 (start and end, their open forms, or <spells>): on a tie, as since and
 * until when every time is a date, from the first start to the last end (several spells are kept too, in a field of
 * that name, since the time filter reads one span); otherwise, and on a node, kept as fields `start` and `end` (or
 * `spells`) as written, so that no time is lost.
 */
function readTime(owner: XmlElement, fields: Record<string, unknown>, tie: boolean): void {
	const spells = children(children(owner, 'spells')[0], 'spell');
	const spans = (spells.length ? spells : [owner])
		.map((element) => ({ start: attribute(element, 'start') ?? attribute(element, 'startopen'), end: attribute(element, 'end') ?? attribute(element, 'endopen') }))
		.filter(({ start, end }) => start !== undefined || end !== undefined);
	if (!spans.length) return;
	const written = spans.map(({ start, end }) => `${start ?? ''} – ${end ?? ''}`).join('; ');
	const dates = spans.map(({ start, end }) => ({ since: partialDate(start), until: partialDate(end) }));
	const dated = dates.every(({ since, until }, i) => (since || spans[i]!.start === undefined) && (until || spans[i]!.end === undefined));
	if (tie && dated && !Object.hasOwn(fields, 'since') && !Object.hasOwn(fields, 'until')) {
		const since = dates.every((date) => date.since) ? dates.map((date) => date.since!).sort()[0] : undefined;
		const until = dates.every((date) => date.until) ? dates.map((date) => date.until!).sort().at(-1) : undefined;
		if (since) fields.since = since;
		if (until) fields.until = until;
		if (spells.length > 1 && !Object.hasOwn(fields, 'spells')) fields.spells = written;
		return;
	}
	if (spells.length) {
		if (!Object.hasOwn(fields, 'spells')) fields.spells = written;
		return;
	}
	for (const edge of ['start', 'end'] as const) if (spans[0]![edge] !== undefined && !Object.hasOwn(fields, edge)) fields[edge] = spans[0]![edge];
}

function ourLevel(description: string): Record<string, unknown> | undefined {
	if (!description.startsWith('{')) return undefined;
	try {
		const value = parseJson(description);
		return isRecord(value) && value.format === FORMAT ? value : undefined;
	} catch {
		return undefined;
	}
}

/** Reads a GEXF document (1.1 to 1.3): ours losslessly, plain graphs with the import defaults. */
export function readGexf(file: string, text: string): ReadResult {
	const parsed = parseXml(file, text, ARRAYS);
	if (!parsed.ok) return parsed;
	const { root, lineOf } = parsed.xml;
	const gexf = children(root, 'gexf')[0];
	const graph = children(gexf, 'graph')[0];
	if (!gexf || !graph) return { ok: false, problems: [{ file, message: gexf ? 'no <graph> element in the GEXF file' : 'not a GEXF file: no <gexf> element' }] };
	const problems: ImportProblem[] = [];

	const meta = children(gexf, 'meta')[0];
	const description = textOf(children(meta, 'description')[0]);
	const level = ourLevel(description);
	const graphAttributes: Record<string, unknown> = {};
	if (!level && meta) {
		for (const name of ['creator', 'title', 'keywords', 'description']) {
			const value = textOf(children(meta, name)[0]).trim();
			if (value) graphAttributes[name] = value;
		}
		const modified = attribute(meta, 'lastmodifieddate');
		if (modified) graphAttributes.lastmodifieddate = modified;
	}

	const declared = { node: new Map<string, Declared>(), edge: new Map<string, Declared>() };
	for (const group of children(graph, 'attributes')) {
		const scope = attribute(group, 'class');
		if (scope !== 'node' && scope !== 'edge') continue;
		for (const declaration of children(group, 'attribute')) {
			const id = attribute(declaration, 'id') ?? '';
			const entry: Declared = { title: attribute(declaration, 'title') ?? id, reader: readerFor(attribute(declaration, 'type'), id) };
			const fallback = children(declaration, 'default')[0];
			if (fallback) {
				const decoded = decodeValue(entry.reader, textOf(fallback));
				if (typeof decoded === 'string') problems.push({ file, line: lineOf(declaration), message: `default of attribute "${id}" ${decoded}` });
				else entry.fallback = decoded.value;
			}
			declared[scope].set(id, entry);
		}
	}

	const readValues = (owner: XmlElement, scope: 'node' | 'edge', target: Record<string, unknown>, lists: ReadonlySet<string>) => {
		for (const value of children(children(owner, 'attvalues')[0], 'attvalue')) {
			const id = attribute(value, 'for') ?? attribute(value, 'id') ?? '';
			const entry = declared[scope].get(id);
			if (!entry) {
				problems.push({ file, line: lineOf(value) ?? lineOf(owner), message: `<attvalue> refers to ${scope} attribute "${id}", which no <attribute> declares` });
				continue;
			}
			const decoded = decodeValue(entry.reader, attribute(value, 'value') ?? '');
			if (typeof decoded === 'string') problems.push({ file, line: lineOf(value) ?? lineOf(owner), message: `${entry.title} ${decoded}` });
			else setField(target, entry.title, revive(entry.title, decoded.value, lists));
		}
		for (const entry of declared[scope].values()) if (entry.fallback !== undefined && !Object.hasOwn(target, entry.title)) setField(target, entry.title, entry.fallback);
		const viz = readViz(owner);
		if (viz && !Object.hasOwn(target, 'viz')) target.viz = viz;
	};

	const nodes: ReadItem[] = [];
	for (const node of children(children(graph, 'nodes')[0], 'node')) {
		const id = attribute(node, 'id');
		if (id === undefined) {
			problems.push({ file, line: lineOf(node), message: '<node> has no id' });
			continue;
		}
		const fields: Record<string, unknown> = { id };
		const label = attribute(node, 'label');
		if (label !== undefined) fields.label = label;
		readValues(node, 'node', fields, NODE_LISTS);
		if (!level) {
			readTime(node, fields, false);
			placeFromViz(fields);
		}
		nodes.push({ fields, line: lineOf(node) });
	}

	const directedGraph = attribute(graph, 'defaultedgetype') === 'directed';
	const edges: ReadItem[] = [];
	for (const edge of children(children(graph, 'edges')[0], 'edge')) {
		const fields = edgeEnds(edge, file, lineOf(edge), problems);
		if (!fields) continue;
		const label = attribute(edge, 'label');
		if (label !== undefined) fields.label = label;
		const weight = attribute(edge, 'weight');
		if (weight !== undefined) {
			const decoded = decodeValue('number', weight);
			if (typeof decoded === 'string') problems.push({ file, line: lineOf(edge), message: `weight ${decoded}` });
			else fields.weight = decoded.value;
		}
		readValues(edge, 'edge', fields, EDGE_LISTS);
		if (!level) readTime(edge, fields, true);
		const type = attribute(edge, 'type');
		if (!Object.hasOwn(fields, 'directed') && (type === 'directed' || (type === undefined && directedGraph))) fields.directed = true;
		edges.push({ fields, line: lineOf(edge) });
	}
	if (problems.length) return { ok: false, problems };
	return assembleDataset({ file, format: 'gexf', level, levelLine: lineOf(meta ?? graph), graphAttributes: level ? undefined : graphAttributes, nodes, edges });
}
