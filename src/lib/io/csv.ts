// CSV in and out: an edge list (header source,target and optional id, kind, relation, domain, status, directed,
// weight, since, until, label, quote) and an optional nodes table (id and optional label, type, group, description).
// Other columns are kept as text fields. Without a nodes table, nodes are the edges' endpoints, labelled by id.
// A quote becomes an evidence item whose source is the CSV file itself.
import Papa from 'papaparse';
import { setField, type Dataset } from '../model';
import { assembleDataset, type ReadItem } from './assemble';
import { csvCell, restoreFormula } from './csv-cell';
import type { ExportedFile, ImportProblem, ReadResult, SourceFile } from './types';

export const EDGE_COLUMNS = ['id', 'source', 'target', 'kind', 'relation', 'domain', 'status', 'directed', 'weight', 'since', 'until', 'label', 'quote'] as const;
export const NODE_COLUMNS = ['id', 'label', 'type', 'group', 'description'] as const;
/** The source id given to quotes read from a CSV file. */
export const CSV_QUOTE_SOURCE = 'csv';
const CSV_MIME = 'text/csv';

/** RFC 4180 CSV (CRLF line ends; fields with commas, quotes, line breaks or edge spaces quoted), formula cells neutralised. */
export function formatCsv(header: readonly string[], rows: ReadonlyArray<readonly unknown[]>): string {
	return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function writeNodesCsv(dataset: Dataset): string {
	return formatCsv(NODE_COLUMNS, dataset.nodes.map((node) => NODE_COLUMNS.map((column) => node[column])));
}

/** Several evidence quotes share the cell, joined by " … " (how our quotes join verbatim pieces). */
export function writeEdgesCsv(dataset: Dataset): string {
	const cell = (edge: Dataset['edges'][number], column: (typeof EDGE_COLUMNS)[number]) =>
		column === 'quote' ? (edge.evidence.length ? edge.evidence.map((item) => item.quote).join(' … ') : undefined) : edge[column];
	return formatCsv(EDGE_COLUMNS, dataset.edges.map((edge) => EDGE_COLUMNS.map((column) => cell(edge, column))));
}

export function writeCsv(dataset: Dataset, baseName: string): ExportedFile[] {
	return [
		{ name: `${baseName}.nodes.csv`, mime: CSV_MIME, text: writeNodesCsv(dataset) },
		{ name: `${baseName}.edges.csv`, mime: CSV_MIME, text: writeEdgesCsv(dataset) }
	];
}

interface Table {
	file: string;
	/** the header as written, and lower-cased for matching */
	header: string[];
	keys: string[];
	rows: Array<{ cells: string[]; line: number }>;
}

function readTable({ name, text }: SourceFile): Table | ImportProblem[] {
	const problems: ImportProblem[] = [];
	const rows: Table['rows'] = [];
	const body = text.replace(/^\uFEFF/, '');
	let offset = 0;
	let line = 1;
	Papa.parse<string[]>(body, {
		skipEmptyLines: 'greedy',
		step: (result) => {
			// The row starts after the previous row's end and any blank lines.
			let start = offset;
			while (start < body.length && (body[start] === '\n' || body[start] === '\r')) start++;
			for (let i = offset; i < start; i++) if (body[i] === '\n') line++;
			const rowLine = line;
			for (let i = start; i < result.meta.cursor; i++) if (body[i] === '\n') line++;
			offset = result.meta.cursor;
			for (const error of result.errors) problems.push({ file: name, line: rowLine, message: `CSV: ${error.message}` });
			rows.push({ cells: result.data.map(restoreFormula), line: rowLine });
		}
	});
	if (problems.length) return problems;
	const [first, ...rest] = rows;
	if (!first) return [{ file: name, message: 'the CSV file is empty: it needs a header line' }];
	const header = first.cells.map((cell) => cell.trim());
	const keys = header.map((cell) => cell.toLowerCase());
	for (const row of rest) {
		if (row.cells.length !== header.length)
			problems.push({ file: name, line: row.line, message: `has ${row.cells.length} fields, but the header has ${header.length}` });
	}
	return problems.length ? problems : { file: name, header, keys, rows: rest };
}

const isEdgeTable = (table: Table) => table.keys.includes('source') || table.keys.includes('target');

function cellValue(key: string, raw: string): unknown {
	const text = raw.trim();
	if (key === 'weight') return text !== '' && Number.isFinite(Number(text)) ? Number(text) : raw;
	if (key === 'directed') {
		const word = text.toLowerCase();
		if (['true', 'yes', '1'].includes(word)) return true;
		if (['false', 'no', '0'].includes(word)) return false;
		return raw;
	}
	return key === 'quote' || key === 'label' || key === 'description' ? raw : text;
}

function rowFields(table: Table, cells: string[], known: readonly string[]): Record<string, unknown> {
	const fields: Record<string, unknown> = {};
	table.keys.forEach((key, i) => {
		const raw = cells[i] ?? '';
		if (raw.trim() === '') return;
		if (known.includes(key)) fields[key] = cellValue(key, raw);
		else setField(fields, table.header[i]!, raw);
	});
	return fields;
}

function missingColumns(table: Table, needed: string[], what: string): ImportProblem | undefined {
	const missing = needed.filter((column) => !table.keys.includes(column));
	if (!missing.length) return undefined;
	return {
		file: table.file,
		line: 1,
		message: `missing column${missing.length > 1 ? 's' : ''} ${missing.join(' and ')}: ${what} needs a header with ${needed.join(', ')} (found: ${table.header.join(', ')})`
	};
}

/** Reads an edge list, with or without its nodes table (told apart by their headers). */
export function readCsv(files: SourceFile[]): ReadResult {
	const tables: Table[] = [];
	for (const file of files) {
		const table = readTable(file);
		if (Array.isArray(table)) return { ok: false, problems: table };
		tables.push(table);
	}
	const edgeTables = tables.filter(isEdgeTable);
	const nodeTables = tables.filter((table) => !isEdgeTable(table));
	if (edgeTables.length > 1 || nodeTables.length > 1 || (nodeTables.length === 1 && edgeTables.length === 0 && tables.length > 1)) {
		return { ok: false, problems: tables.map((table) => ({ file: table.file, message: 'give one edge list (header source,target,…) and at most one nodes table (header id,label,…)' })) };
	}
	const edgeTable = edgeTables[0] ?? nodeTables[0]!;
	const nodeTable = edgeTables.length ? nodeTables[0] : undefined;
	const missing = [missingColumns(edgeTable, ['source', 'target'], 'an edge list'), nodeTable && missingColumns(nodeTable, ['id'], 'a nodes table')].filter(
		(problem): problem is ImportProblem => problem !== undefined
	);
	if (missing.length) return { ok: false, problems: missing };

	const problems: ImportProblem[] = [];
	const nodes: ReadItem[] = (nodeTable?.rows ?? []).map(({ cells, line }) => ({ fields: rowFields(nodeTable!, cells, NODE_COLUMNS), line, file: nodeTable!.file }));
	const known = new Set(nodes.map(({ fields }) => fields.id).filter((id) => typeof id === 'string'));
	let quoted = false;
	const edges: ReadItem[] = edgeTable.rows.map(({ cells, line }) => {
		const fields = rowFields(edgeTable, cells, EDGE_COLUMNS);
		for (const end of ['source', 'target'] as const) {
			const id = fields[end];
			if (typeof id !== 'string') problems.push({ file: edgeTable.file, line, path: `column ${end}`, message: 'is empty' });
			else if (nodeTable && !known.has(id)) problems.push({ file: edgeTable.file, line, path: `column ${end}`, message: `"${id}" is not an id in ${nodeTable.file}` });
			else if (!nodeTable && !known.has(id)) {
				known.add(id);
				nodes.push({ fields: { id, label: id } });
			}
		}
		if (typeof fields.quote === 'string') {
			const { quote, ...rest } = fields;
			quoted = true;
			return { fields: { ...rest, evidence: [{ source: CSV_QUOTE_SOURCE, quote }] }, line };
		}
		return { fields, line };
	});
	if (problems.length) return { ok: false, problems };
	return assembleDataset({
		file: edgeTable.file,
		format: 'csv',
		sources: quoted ? [{ id: CSV_QUOTE_SOURCE, title: `quote column of ${edgeTable.file}` }] : undefined,
		nodes,
		edges,
		describeField: (path) => {
			const match = /^(nodes|edges)\[\d+\]\.([^.[]+)/.exec(path);
			if (!match) return undefined;
			return `column ${match[2] === 'evidence' ? 'quote' : match[2]!}`;
		}
	});
}
