// The data formats, listed once: the UI's import and export menus, the convert CLI and the export API read this list.
import type { Dataset } from '../model';
import { readCsv, writeCsv } from './csv';
import { readGexf, writeGexf } from './gexf';
import { readGraphml, writeGraphml } from './graphml';
import { readJson, writeJson } from './json';
import type { DataFormat, ExportedFile, FormatId, SourceFile } from './types';

/** Formats other than CSV read exactly one file; readDatasetFiles makes sure of it. */
const single = (read: (file: string, text: string) => ReturnType<NonNullable<DataFormat['read']>>) => (files: SourceFile[]) => read(files[0]!.name, files[0]!.text);

const oneFile = (extension: string, mime: string, write: (dataset: Dataset) => string) => (dataset: Dataset, baseName: string): ExportedFile[] => [
	{ name: `${baseName}${extension}`, mime, text: write(dataset) }
];

export const DATA_FORMATS: readonly DataFormat[] = [
	{ id: 'json', label: 'Alliance Explorer JSON', extensions: ['.json'], mime: 'application/json', read: single(readJson), write: oneFile('.json', 'application/json', writeJson) },
	{
		id: 'graphml',
		label: 'GraphML',
		extensions: ['.graphml'],
		mime: 'application/graphml+xml',
		read: single(readGraphml),
		write: oneFile('.graphml', 'application/graphml+xml', writeGraphml)
	},
	{ id: 'gexf', label: 'GEXF 1.3 (Gephi)', extensions: ['.gexf'], mime: 'application/gexf+xml', read: single(readGexf), write: oneFile('.gexf', 'application/gexf+xml', writeGexf) },
	{ id: 'csv', label: 'CSV (nodes.csv and edges.csv)', extensions: ['.csv'], mime: 'text/csv', read: readCsv, write: writeCsv }
];

export function formatById(id: string): DataFormat | undefined {
	return DATA_FORMATS.find((format) => format.id === id);
}

/** The format a file name's extension names, or undefined. */
export function formatOfFileName(name: string): DataFormat | undefined {
	const lower = name.toLowerCase();
	return DATA_FORMATS.find((format) => format.extensions.some((extension) => lower.endsWith(extension)));
}

/** The format a text looks like, for files whose extension says nothing. */
export function sniffFormat(text: string): FormatId | undefined {
	const start = text.replace(/^\uFEFF/, '').trimStart();
	if (start.startsWith('{')) return 'json';
	if (start.startsWith('<')) {
		const head = start.slice(0, 4096);
		if (/<([\w-]+:)?graphml[\s>]/.test(head)) return 'graphml';
		if (/<([\w-]+:)?gexf[\s>]/.test(head)) return 'gexf';
		return undefined;
	}
	const firstLine = start.split(/\r?\n/, 1)[0] ?? '';
	return /[,;\t]/.test(firstLine) ? 'csv' : undefined;
}

/** The format of a file: the one its name's extension names, else the one its text looks like. */
export function formatOfFile(name: string, text: string): DataFormat | undefined {
	return formatOfFileName(name) ?? formatById(sniffFormat(text) ?? '');
}

export { exportOmissions } from './omissions';

/** The files a dataset exports to in a format, named after baseName (CSV: baseName.nodes.csv and baseName.edges.csv). */
export function exportDataset(dataset: Dataset, format: FormatId, baseName: string): ExportedFile[] {
	const write = formatById(format)?.write;
	if (!write) throw new Error(`exportDataset: no writer for format "${format}"`);
	return write(dataset, baseName);
}
