// Reading user files: size limit first, then the reader the extension names (or the content looks like).
import { checkFileSize, checkTextSize } from './limits';
import { decodeText } from './text';
import { DATA_FORMATS, formatOfFile } from './formats';
import type { DataFormat, ImportProblem, ReadResult, SourceFile } from './types';

const extensions = DATA_FORMATS.flatMap((format) => format.extensions);
const KNOWN_EXTENSIONS = `${extensions.slice(0, -1).join(', ')} or ${extensions.at(-1)!}`;

/** A File, or anything shaped like one: its size is checked before its bytes are read. */
export interface BlobLike {
	name: string;
	size: number;
	arrayBuffer(): Promise<ArrayBuffer>;
}

function formatOf(file: SourceFile): DataFormat | ImportProblem {
	const format = formatOfFile(file.name, file.text);
	return format ?? { file: file.name, message: `cannot tell the format of this file: name it ${KNOWN_EXTENSIONS}` };
}

/** Reads one dataset from its files: one JSON, GraphML or GEXF file, or a CSV edge list with an optional nodes CSV. */
export function readDatasetFiles(files: SourceFile[]): ReadResult {
	if (!files.length) return { ok: false, problems: [{ file: '(none)', message: 'no file given' }] };
	const tooBig = files.map((file) => checkTextSize(file.name, file.text)).filter((problem) => problem !== undefined);
	if (tooBig.length) return { ok: false, problems: tooBig };
	const formats = files.map(formatOf);
	const unknown = formats.filter((format): format is ImportProblem => 'message' in format);
	if (unknown.length) return { ok: false, problems: unknown };
	const format = formats[0] as DataFormat;
	if (files.length > 1 && !formats.every((f) => (f as DataFormat).id === 'csv')) {
		return { ok: false, problems: files.map((file) => ({ file: file.name, message: 'give one file, or a CSV edge list with its nodes CSV' })) };
	}
	if (!format.read) return { ok: false, problems: [{ file: files[0]!.name, message: `${format.label} cannot be imported` }] };
	return format.read(files);
}

/** readDatasetFiles for one file. */
export function readDatasetFile(name: string, text: string): ReadResult {
	return readDatasetFiles([{ name, text }]);
}

/**
 * readDatasetFiles for picked or dropped Files: a file over 50 MB is refused before any of it is read, and text that
 * is UTF-16 or not UTF-8 is refused by decodeText with the same words as on the command line.
 */
export async function readDatasetBlobs(blobs: readonly BlobLike[]): Promise<ReadResult> {
	const tooBig = blobs.map((blob) => checkFileSize(blob.name, blob.size)).filter((problem) => problem !== undefined);
	if (tooBig.length) return { ok: false, problems: tooBig };
	const decoded = await Promise.all(blobs.map(async (blob) => ({ name: blob.name, read: decodeText(blob.name, new Uint8Array(await blob.arrayBuffer())) })));
	const problems = decoded.flatMap(({ read }) => ('message' in read ? [read] : []));
	if (problems.length) return { ok: false, problems };
	return readDatasetFiles(decoded.map(({ name, read }) => ({ name, text: 'text' in read ? read.text : '' })));
}

/** One problem as one line: "edges.csv: line 4, column weight: must be a number, not "heavy"". */
export function formatProblem(problem: ImportProblem): string {
	const place = [problem.line === undefined ? undefined : `line ${problem.line}`, problem.column === undefined ? undefined : `column ${problem.column}`, problem.path]
		.filter((part) => part !== undefined && !/^line \d+, column \d+$/.test(part))
		.join(', ');
	return place ? `${problem.file}: ${place}: ${problem.message}` : `${problem.file}: ${problem.message}`;
}
