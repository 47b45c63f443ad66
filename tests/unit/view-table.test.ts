import { describe, expect, it } from 'vitest';
import type { DatasetEdge, DatasetNode } from '$lib/model';
import { arrangeRows, edgeTableColumns, nextSort, nodeTableColumns, parseSort, rowTexts, sortToken } from '$lib/view/table';
import { tieCounts } from '$lib/view/tie-counts';

const nodes = [
	{ id: 'jp', label: 'Japan', type: 'state', population: 125 },
	{ id: 'kr', label: 'South Korea', type: 'state', population: 51.7 },
	{ id: 'us', label: 'United States', type: 'state', population: 333 },
	{ id: 'dtt', label: 'Defense Trilateral Talks', type: 'institution' },
	{ id: 'cafe', label: 'Café forum', type: 'institution', population: 9 }
] as DatasetNode[];
const edge = (id: string, source: string, target: string, kind: 'cooperation' | 'friction', extra: Partial<DatasetEdge> = {}) =>
	({ id, source, target, kind, status: 'active', evidence: [], ...extra }) as DatasetEdge;
const edges = [
	edge('e1', 'jp', 'kr', 'friction', { label: 'History disputes', since: '2012' }),
	edge('e2', 'us', 'jp', 'cooperation', { label: 'Alliance', since: '1960' }),
	edge('e3', 'us', 'kr', 'cooperation', { label: 'Alliance', since: '1953-10' }),
	edge('e4', 'us', 'dtt', 'cooperation', { label: 'U.S. facilitates the DTT', evidence: [{ source: 'b', quote: 'q' }, { source: 'b', quote: 'r' }] })
];
const nodeColumns = nodeTableColumns(nodes, tieCounts(edges));
const edgeColumns = edgeTableColumns(edges, new Map(nodes.map((node) => [node.id, node.label])));
const ids = (rows: Array<{ id: string }>) => rows.map((row) => row.id);

describe('the Table view', () => {
	it('has each table’s own columns, then one per attribute the rows carry', () => {
		expect(nodeColumns.map((column) => column.title)).toEqual(['Node', 'Type', 'Cooperation ties', 'Friction ties', 'population']);
		expect(nodeColumns.at(-1)!.key).toBe('attr:population');
		expect(edgeColumns.map((column) => column.title)).toEqual(['Edge', 'Source', 'Target', 'Kind', 'Relation', 'Domain', 'Status', 'Since', 'Until', 'Evidence']);
	});

	it('sorts numbers as numbers, text in natural order, either way, with empty values last', () => {
		expect(ids(arrangeRows(nodes, nodeColumns, { key: 'attr:population', descending: false }, ''))).toEqual(['cafe', 'kr', 'jp', 'us', 'dtt']);
		expect(ids(arrangeRows(nodes, nodeColumns, { key: 'attr:population', descending: true }, ''))).toEqual(['us', 'jp', 'kr', 'cafe', 'dtt']);
		expect(ids(arrangeRows(nodes, nodeColumns, { key: 'label', descending: false }, ''))).toEqual(['cafe', 'dtt', 'jp', 'kr', 'us']);
		// US: 3 cooperation ties; Japan and South Korea 1 each, in the dataset's order; DTT 1; Café none
		expect(ids(arrangeRows(nodes, nodeColumns, { key: 'cooperation', descending: true }, ''))).toEqual(['us', 'jp', 'kr', 'dtt', 'cafe']);
		expect(ids(arrangeRows(edges, edgeColumns, { key: 'since', descending: false }, ''))).toEqual(['e3', 'e2', 'e1', 'e4']);
		expect(ids(arrangeRows(edges, edgeColumns, { key: 'evidence', descending: true }, ''))).toEqual(['e4', 'e1', 'e2', 'e3']);
		expect(ids(arrangeRows(edges, edgeColumns, { key: 'source', descending: false }, ''))).toEqual(['e1', 'e2', 'e3', 'e4']);
	});

	it('keeps the rows whose text in any column holds the query, ignoring case and accents', () => {
		expect(ids(arrangeRows(nodes, nodeColumns, null, 'CAFE'))).toEqual(['cafe']);
		expect(ids(arrangeRows(nodes, nodeColumns, null, 'institution'))).toEqual(['dtt', 'cafe']);
		expect(ids(arrangeRows(edges, edgeColumns, { key: 'label', descending: false }, 'united states'))).toEqual(['e2', 'e3', 'e4']);
		expect(ids(arrangeRows(edges, edgeColumns, null, 'nothing like it'))).toEqual([]);
		// with the rows' texts made once and kept
		expect(ids(arrangeRows(nodes, nodeColumns, null, 'institution', rowTexts(nodes, nodeColumns)))).toEqual(['dtt', 'cafe']);
	});

	it('leaves the order alone for a column it does not know, and reads and writes the sort as a URL token', () => {
		expect(ids(arrangeRows(nodes, nodeColumns, { key: 'attr:gone', descending: true }, ''))).toEqual(['jp', 'kr', 'us', 'dtt', 'cafe']);
		expect(parseSort('-attr:population')).toEqual({ key: 'attr:population', descending: true });
		expect(parseSort('since')).toEqual({ key: 'since', descending: false });
		expect(parseSort('')).toBeNull();
		expect(parseSort('-')).toBeNull();
		expect(sortToken({ key: 'since', descending: true })).toBe('-since');
		expect(sortToken(null)).toBeNull();
	});

	it('cycles a header: ascending, descending, the dataset’s order; another column starts ascending', () => {
		expect(nextSort(null, 'since')).toEqual({ key: 'since', descending: false });
		expect(nextSort({ key: 'since', descending: false }, 'since')).toEqual({ key: 'since', descending: true });
		expect(nextSort({ key: 'since', descending: true }, 'since')).toBeNull();
		expect(nextSort({ key: 'since', descending: true }, 'kind')).toEqual({ key: 'kind', descending: false });
	});
});
