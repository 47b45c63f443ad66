// The Table view's rows: the columns each table shows (its own and every attribute the rows carry), rows narrowed to
// those whose text contains a query, sorted by a column either way, and shown a page at a time so that a network of
// thousands of ties stays quick. The sort is a URL token: the column's key, with "-" in front for descending.
import type { DatasetEdge, DatasetNode } from '$lib/model';
import { extraColumns, fieldValue, formatValue } from './attributes';
import { normalizeForSearch } from './search';
import type { TieCounts } from './tie-counts';

/** Rows shown at first, and added by each "Show more". */
export const TABLE_PAGE = 200;
/** Of a page, the rows each table draws at once, and how many more after each frame, until the page is drawn. */
export const FIRST_ROWS = 30;
export const MORE_ROWS = 50;

export interface TableColumn<T> {
	key: string;
	title: string;
	/** the value sorted by: numbers as numbers, anything else as its text; null sorts last either way */
	value: (item: T) => string | number | null;
	/** the cell's text, in full (the page cuts long text and gives the whole as its title) */
	text: (item: T) => string;
}

export interface TableSort {
	key: string;
	descending: boolean;
}

const NODE_OWN: ReadonlySet<string> = new Set(['id', 'label', 'type']);
const EDGE_OWN: ReadonlySet<string> = new Set(['id', 'label', 'source', 'target', 'kind', 'relation', 'domain', 'status', 'since', 'until', 'evidence']);

/** A column of an own field or attribute: lists and objects in compact words, numbers sorted as numbers. */
function fieldColumn<T extends object>(key: string, title: string, name = key): TableColumn<T> {
	return {
		key,
		title,
		value: (item) => {
			const value = fieldValue(item, name);
			if (value === undefined || value === null || value === '') return null;
			return typeof value === 'number' ? value : formatValue(value, Infinity);
		},
		text: (item) => {
			const value = fieldValue(item, name);
			return value === undefined ? '' : formatValue(value, Infinity);
		}
	};
}

function countColumn<T>(key: string, title: string, count: (item: T) => number): TableColumn<T> {
	return { key, title, value: count, text: (item) => String(count(item)) };
}

/** Attribute columns are keyed "attr:NAME", so an attribute named like an own column stays apart from it. */
const attributeColumns = <T extends object>(items: readonly T[], own: ReadonlySet<string>) => extraColumns(items, own).map((name) => fieldColumn<T>(`attr:${name}`, name, name));

export function nodeTableColumns(nodes: readonly DatasetNode[], ties: ReadonlyMap<string, TieCounts>): TableColumn<DatasetNode>[] {
	return [
		fieldColumn('label', 'Node'),
		fieldColumn('type', 'Type'),
		countColumn('cooperation', 'Cooperation ties', (node) => ties.get(node.id)?.cooperation ?? 0),
		countColumn('friction', 'Friction ties', (node) => ties.get(node.id)?.friction ?? 0),
		...attributeColumns(nodes, NODE_OWN)
	];
}

export function edgeTableColumns(edges: readonly DatasetEdge[], nodeLabel: ReadonlyMap<string, string>): TableColumn<DatasetEdge>[] {
	const end = (key: 'source' | 'target', title: string): TableColumn<DatasetEdge> => ({
		key,
		title,
		value: (edge) => nodeLabel.get(edge[key]) ?? edge[key],
		text: (edge) => nodeLabel.get(edge[key]) ?? edge[key]
	});
	const name = (edge: DatasetEdge) => edge.label ?? edge.relation ?? edge.id;
	return [
		{ key: 'label', title: 'Edge', value: name, text: name },
		end('source', 'Source'),
		end('target', 'Target'),
		fieldColumn('kind', 'Kind'),
		fieldColumn('relation', 'Relation'),
		fieldColumn('domain', 'Domain'),
		fieldColumn('status', 'Status'),
		fieldColumn('since', 'Since'),
		fieldColumn('until', 'Until'),
		countColumn('evidence', 'Evidence', (edge) => edge.evidence.length),
		...attributeColumns(edges, EDGE_OWN)
	];
}

export function parseSort(token: string | null): TableSort | null {
	if (!token || token === '-') return null;
	return token.startsWith('-') ? { key: token.slice(1), descending: true } : { key: token, descending: false };
}

export function sortToken(sort: TableSort | null): string | null {
	return sort ? `${sort.descending ? '-' : ''}${sort.key}` : null;
}

/** The sort after a click on a column's header: ascending first, then descending, then back to the dataset's order. */
export function nextSort(current: TableSort | null, key: string): TableSort | null {
	if (current?.key !== key) return { key, descending: false };
	return current.descending ? null : { key, descending: true };
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function compareValues(a: string | number | null, b: string | number | null): number {
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	return collator.compare(String(a), String(b));
}

/** Each row's text in every column, normalised for finding: made once per rows and columns, not per keystroke. */
export function rowTexts<T>(rows: readonly T[], columns: ReadonlyArray<TableColumn<T>>): string[] {
	return rows.map((row) => columns.map((column) => normalizeForSearch(column.text(row))).join('\n'));
}

/**
 * The rows to show, in order: those whose text in any column contains the query (ignoring case and accents), sorted
 * by the column (stable: ties keep the dataset's order; empty values last either way). An unknown column leaves the order.
 * `texts` are the rows' rowTexts, when kept between calls.
 */
export function arrangeRows<T>(rows: readonly T[], columns: ReadonlyArray<TableColumn<T>>, sort: TableSort | null, query: string, texts?: readonly string[]): T[] {
	const wanted = normalizeForSearch(query);
	const found = wanted === '' ? null : (texts ?? rowTexts(rows, columns));
	const kept = found ? rows.filter((_, index) => found[index]!.includes(wanted)) : [...rows];
	const column = sort ? columns.find((candidate) => candidate.key === sort.key) : undefined;
	if (!column || !sort) return kept;
	const keyed = kept.map((row, index) => ({ row, index, value: column.value(row) }));
	keyed.sort((a, b) => {
		if (a.value === null || b.value === null) return a.value === b.value ? a.index - b.index : a.value === null ? 1 : -1;
		const order = compareValues(a.value, b.value);
		return (sort.descending ? -order : order) || a.index - b.index;
	});
	return keyed.map((entry) => entry.row);
}
