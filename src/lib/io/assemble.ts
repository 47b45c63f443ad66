// Turns what a GraphML, GEXF or CSV reader found into a validated dataset (import rules: curated:false),
// giving plain graphs what the contract needs (a meta, labels, unique edge ids) and every problem its line.
import { FORMAT, setField, validateDataset, type Dataset, type Source } from '../model';
import type { FormatId, ImportProblem, ReadResult } from './types';

/** A node or edge as read, with the line it starts on (and the CSV column names, for CSV). */
export interface ReadItem {
	fields: Record<string, unknown>;
	line?: number;
	/** when it came from another file than the graph's (a CSV nodes table) */
	file?: string;
}

export interface GraphRead {
	file: string;
	format: FormatId;
	/** our dataset-level fields (format, meta, sources, measures, extras) when the file is one of ours */
	level?: Record<string, unknown>;
	levelLine?: number;
	/** a plain graph's own graph-level attributes, kept in meta.attributes */
	graphAttributes?: Record<string, unknown>;
	/** sources a plain graph's evidence points at (a CSV quote column) */
	sources?: Source[];
	nodes: ReadItem[];
	edges: ReadItem[];
	/** where a field came from, for problems: CSV names a column, XML the element's line */
	describeField?: (path: string) => string | undefined;
}

/** A dataset id from a file name: "Les Misérables.gexf" -> "les-mis-rables". */
export function idFromFileName(file: string): string {
	const base = file.replace(/^.*[\\/]/, '').replace(/(\.(nodes|edges))?\.[^.]+$/i, '');
	return base.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'imported';
}

function titleFromFileName(file: string): string {
	return file.replace(/^.*[\\/]/, '');
}

/** Edge ids a plain graph lacks or repeats (networkx writes multigraph keys 0, 1, 0 …) become source--target[--key]. */
function settleEdgeIds(edges: ReadItem[]): void {
	const counts = new Map<string, number>();
	for (const { fields } of edges) if (typeof fields.id === 'string') counts.set(fields.id, (counts.get(fields.id) ?? 0) + 1);
	const taken = new Set([...counts].filter(([, n]) => n === 1).map(([id]) => id));
	for (const { fields } of edges) {
		const id = typeof fields.id === 'string' ? fields.id : undefined;
		if (id !== undefined && counts.get(id) === 1) continue;
		const base = `${String(fields.source)}--${String(fields.target)}${id === undefined ? '' : `--${id}`}`;
		let candidate = base;
		for (let n = 2; taken.has(candidate); n++) candidate = `${base}--${n}`;
		taken.add(candidate);
		fields.id = candidate;
	}
}

function withIdFirst(fields: Record<string, unknown>): Record<string, unknown> {
	const { id, ...rest } = fields;
	return { id, ...rest };
}

/**
 * The dataset-level fields with nodes and edges put back where our format has them (before measures). Every field
 * is set as an own property: a level field named "__proto__" (a graph key, a member of the GEXF description) stays
 * a field instead of becoming the dataset's prototype.
 */
function placeCollections(level: Record<string, unknown>, nodes: unknown[], edges: unknown[]): Record<string, unknown> {
	const dataset: Record<string, unknown> = {};
	const placeGraph = () => {
		setField(dataset, 'nodes', nodes);
		setField(dataset, 'edges', edges);
	};
	for (const [key, value] of Object.entries(level)) {
		if (key === 'measures' && !Object.hasOwn(dataset, 'nodes')) placeGraph();
		setField(dataset, key, value);
	}
	if (!Object.hasOwn(dataset, 'nodes')) placeGraph();
	return dataset;
}

function plainLevel(read: GraphRead): Record<string, unknown> {
	const attributes = read.graphAttributes ?? {};
	const named = [attributes.title, attributes.name].find((value): value is string => typeof value === 'string' && value.trim() !== '');
	const meta: Record<string, unknown> = { id: idFromFileName(read.file), title: named ?? titleFromFileName(read.file) };
	if (typeof attributes.description === 'string' && attributes.description !== '') meta.description = attributes.description;
	if (Object.keys(attributes).length) meta.attributes = attributes;
	return read.sources ? { format: FORMAT, meta, sources: read.sources } : { format: FORMAT, meta };
}

export function assembleDataset(read: GraphRead): ReadResult {
	const ours = read.level !== undefined;
	// The file's own <node> and <edge> elements are its graph; dataset-level data may not stand in for them.
	const shadowing = ['nodes', 'edges'].filter((key) => read.level && Object.hasOwn(read.level, key));
	if (shadowing.length) {
		const message = `the dataset-level data holds "${shadowing.join('" and "')}", which would replace the file's own ${shadowing.join(' and ')}: remove it`;
		return { ok: false, problems: [read.levelLine === undefined ? { file: read.file, message } : { file: read.file, line: read.levelLine, message }] };
	}
	if (!ours) {
		settleEdgeIds(read.edges);
		for (const { fields } of read.nodes) {
			if (typeof fields.label !== 'string' || fields.label.trim() === '') fields.label = typeof fields.label === 'number' ? String(fields.label) : fields.id;
		}
	}
	const nodes = read.nodes.map(({ fields }) => withIdFirst(fields));
	const edges = read.edges.map(({ fields }) => withIdFirst(fields));
	const value = placeCollections(read.level ?? plainLevel(read), nodes, edges);
	const result = validateDataset(value, { curated: false });
	if (result.ok) return { ok: true, dataset: result.dataset as Dataset, format: read.format };
	const problems = result.problems.map((problem): ImportProblem => {
		const match = /^(nodes|edges)\[(\d+)\]/.exec(problem.path);
		const item = match ? (match[1] === 'nodes' ? read.nodes : read.edges)[Number(match[2])] : undefined;
		const file = item?.file ?? read.file;
		const line = match ? item?.line : read.levelLine;
		const path = read.describeField?.(problem.path) ?? problem.path;
		return line === undefined ? { file, path, message: problem.message } : { file, line, path, message: problem.message };
	});
	return { ok: false, problems };
}
