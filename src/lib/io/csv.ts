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

interface Row {
	/** the cells as papaparse read them (the formula guard's quote still on), and whether each was written quoted */
	cells: string[];
	quoted: boolean[];
	line: number;
}

interface Table {
	file: string;
	/** the header as written, and lower-cased for matching */
	header: string[];
	keys: string[];
	rows: Row[];
}

/**
 * The last record of `text` (one row as papaparse read it, after any blank rows it skipped): where it starts, and
 * whether each of its fields was written quoted, which papaparse does not say. As papaparse reads it, a field is
 * quoted when its first character is a double quote (after spaces it is plain text), `""` inside it is one quote, a
 * delimiter or line break inside it is text, and only spaces may stand between its closing quote and the next
 * delimiter or line break. Malformed quotes are papaparse's to report. Linear in the text.
 */
export function scanLastRecord(text: string, delimiter: string, linebreak: string): { start: number; quoted: boolean[] } {
	let start = 0;
	let quoted: boolean[] = [];
	let i = 0;
	const find = (what: string, from: number) => {
		const at = text.indexOf(what, from);
		return at === -1 ? Infinity : at;
	};
	// Where the next delimiter and line break are (Infinity: none), looked for again once passed.
	let nextDelimiter = -1;
	let nextBreak = -1;
	for (;;) {
		const isQuoted = text[i] === '"';
		quoted.push(isQuoted);
		if (isQuoted) {
			// On past the closing quote; a doubled quote is a quote in the text.
			i++;
			for (;;) {
				const close = text.indexOf('"', i);
				if (close === -1) return { start, quoted };
				i = close + 1;
				if (text[i] !== '"') break;
				i++;
			}
		}
		if (nextDelimiter < i) nextDelimiter = find(delimiter, i);
		if (nextBreak < i) nextBreak = find(linebreak, i);
		if (nextDelimiter < nextBreak) {
			i = nextDelimiter + delimiter.length;
		} else if (nextBreak + linebreak.length < text.length) {
			i = start = nextBreak + linebreak.length;
			quoted = [];
		} else return { start, quoted };
	}
}

function readTable({ name, text }: SourceFile): Table | ImportProblem[] {
	const problems: ImportProblem[] = [];
	const rows: Row[] = [];
	const body = text.replace(/^\uFEFF/, '');
	let offset = 0;
	let line = 1;
	Papa.parse<string[]>(body, {
		skipEmptyLines: 'greedy',
		step: (result) => {
			// The row is the last record from the previous row's end: blank rows papaparse skipped come before it.
			const { cursor, delimiter, linebreak } = result.meta;
			const record = scanLastRecord(body.slice(offset, cursor), delimiter, linebreak);
			const start = offset + record.start;
			for (let i = offset; i < start; i++) if (body[i] === '\n') line++;
			const rowLine = line;
			for (let i = start; i < cursor; i++) if (body[i] === '\n') line++;
			offset = cursor;
			for (const error of result.errors) problems.push({ file: name, line: rowLine, message: `CSV: ${error.message}` });
			rows.push({ cells: result.data, quoted: record.quoted, line: rowLine });
		}
	});
	if (problems.length) return problems;
	const [first, ...rest] = rows;
	if (!first) return [{ file: name, message: 'the CSV file is empty: it needs a header line' }];
	const header = first.cells.map((cell) => restoreFormula(cell).trim());
	const keys = header.map((cell) => cell.toLowerCase());
	for (const row of rest) {
		if (row.cells.length !== header.length)
			problems.push({ file: name, line: row.line, message: `has ${row.cells.length} fields, but the header has ${header.length}` });
	}
	return problems.length ? problems : { file: name, header, keys, rows: rest };
}

const isEdgeTable = (table: Table) => table.keys.includes('source') || table.keys.includes('target');

/** Columns of free text, kept as written even unquoted: spaces in them can be meant. */
const FREE_TEXT = new Set(['quote', 'label', 'description']);

// A quoted cell is its text exactly as written: RFC 4180 counts spaces as part of a field, and our writer quotes text
// with spaces at its ends, so "a", " a" and "a " are three ids. An unquoted cell of a known column other than free
// text (id, source, target, kind, type, since, …) is trimmed, so a hand-written `a, b` still reads as a and b. The
// formula guard's quote comes off after the trimming, so `'\tx` (how we write an id that starts with a tab) reads back
// as it was written. Weight and directed are read from their text without its edge spaces, quoted or not.
function cellValue(key: string, cell: string, quoted: boolean): unknown {
	const value = restoreFormula(quoted || FREE_TEXT.has(key) ? cell : cell.trim());
	const word = value.trim();
	if (key === 'weight') return word !== '' && Number.isFinite(Number(word)) ? Number(word) : value;
	if (key === 'directed') {
		const lower = word.toLowerCase();
		if (['true', 'yes', '1'].includes(lower)) return true;
		if (['false', 'no', '0'].includes(lower)) return false;
	}
	return value;
}

// A cell gives no value when it holds nothing, or only spaces unquoted. A quoted cell of only spaces is those spaces,
// in every column alike (an id " " is valid, and our writer quotes it; a quoted " " kind or quote is then refused as
// such). Columns other than the fixed ones are kept as written, quoted or not, the formula guard's quote taken off.
function rowFields(table: Table, { cells, quoted }: Row, known: readonly string[]): Record<string, unknown> {
	const fields: Record<string, unknown> = {};
	table.keys.forEach((key, i) => {
		const cell = cells[i] ?? '';
		const isQuoted = quoted[i] === true;
		if (isQuoted ? cell === '' : cell.trim() === '') return;
		if (known.includes(key)) fields[key] = cellValue(key, cell, isQuoted);
		else setField(fields, table.header[i]!, restoreFormula(cell));
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
	const nodes: ReadItem[] = (nodeTable?.rows ?? []).map((row) => ({ fields: rowFields(nodeTable!, row, NODE_COLUMNS), line: row.line, file: nodeTable!.file }));
	const known = new Set(nodes.map(({ fields }) => fields.id).filter((id) => typeof id === 'string'));
	let quoted = false;
	// Gephi's edge table gives each tie's direction in a column Type, Directed or Undirected: read as `directed` when
	// the table has no column of that name and Type holds nothing else.
	const typeColumn = edgeTable.keys.includes('directed') ? -1 : edgeTable.keys.indexOf('type');
	const gephiType =
		typeColumn >= 0 && edgeTable.rows.every((row) => /^(directed|undirected)?$/i.test((row.cells[typeColumn] ?? '').trim())) ? edgeTable.header[typeColumn]! : undefined;
	const edges: ReadItem[] = edgeTable.rows.map((row) => {
		const { line } = row;
		const fields = rowFields(edgeTable, row, EDGE_COLUMNS);
		if (gephiType !== undefined && Object.hasOwn(fields, gephiType)) {
			if (String(fields[gephiType]).trim().toLowerCase() === 'directed') fields.directed = true;
			delete fields[gephiType];
		}
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
