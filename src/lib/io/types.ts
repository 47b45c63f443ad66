// The shapes of import and export: named texts in, a dataset or located problems out; descriptors for each format.
import type { Dataset } from '../model';

/** A file's name and its text, as read from disk, a file picker or a drop. */
export interface SourceFile {
	name: string;
	text: string;
}

/** One thing wrong with an imported file: the file, where in it (line, or JSON path, or both) and what. */
export interface ImportProblem {
	file: string;
	line?: number;
	column?: number;
	path?: string;
	message: string;
}

export type ReadResult = { ok: true; dataset: Dataset; format: FormatId } | { ok: false; problems: ImportProblem[] };

/** One file an export produces; CSV produces two (nodes and edges). */
export interface ExportedFile {
	name: string;
	mime: string;
	text: string;
}

export type FormatId = 'json' | 'graphml' | 'gexf' | 'csv';

/** A data format the app reads and writes, listed once in formats.ts for the UI, the CLI and the API. */
export interface DataFormat {
	id: FormatId;
	label: string;
	/** lower-case, with the dot; the first is the one exports use */
	extensions: string[];
	mime: string;
	/** reads the files of one dataset (CSV: an edge list, optionally with its nodes table) */
	read?: (files: SourceFile[]) => ReadResult;
	/** writes a dataset as files named after baseName */
	write?: (dataset: Dataset, baseName: string) => ExportedFile[];
}
