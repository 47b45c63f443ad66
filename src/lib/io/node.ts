// Datasets from and to paths, for the command line and the server (Node only; the browser uses readDatasetBlobs).
// CSV pairs by name: x.edges.csv with x.nodes.csv, edges.csv with nodes.csv in the same folder.
// Only regular files are read (a FIFO, a socket, a device or a folder named x.json is refused by what it is, without
// blocking on it), after the size limit; writes go to temporary files renamed into place only once every file of the
// output is written, so a failed write leaves nothing behind, and an output never replaces one of its inputs.
import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Dataset } from '../model';
import { exportDataset, exportOmissions, formatOfFileName } from './formats';
import { checkFileSize } from './limits';
import { readDatasetFiles } from './read';
import { decodeText } from './text';
import type { FormatId, ImportProblem, ReadResult } from './types';

const PAIR = /(^|[._-])(nodes|edges)\.csv$/i;

/** The other table of a CSV pair named like this file, when it exists. */
function csvPartner(path: string): string | undefined {
	const name = basename(path);
	const match = PAIR.exec(name);
	if (!match) return undefined;
	const other = match[2]!.toLowerCase() === 'nodes' ? 'edges' : 'nodes';
	const partner = join(dirname(path), `${name.slice(0, match.index)}${match[1]}${other}.csv`);
	return existsSync(partner) ? partner : undefined;
}

/** What a file-system entry is, in words, when it is not a regular file. */
export function describeNonFile(stats: Stats): string {
	if (stats.isDirectory()) return 'is a directory, not a file';
	if (stats.isFIFO()) return 'is a named pipe (FIFO), not a regular file';
	if (stats.isSocket()) return 'is a socket, not a regular file';
	if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'is a device, not a regular file';
	return 'is not a regular file';
}

/** A file-system error as a problem a user can act on; never a stack trace. */
export function fileProblem(path: string, error: unknown): ImportProblem {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	switch (code) {
		case 'ENOENT':
			try {
				if (lstatSync(path).isSymbolicLink()) return { file: path, message: 'is a symbolic link to a file that does not exist' };
			} catch {
				// Not there at all: said below.
			}
			return { file: path, message: 'no such file' };
		case 'EACCES':
		case 'EPERM':
			return { file: path, message: 'permission denied' };
		case 'EISDIR':
			return { file: path, message: 'is a directory, not a file' };
		case 'ELOOP':
			return { file: path, message: 'is a symbolic link that loops' };
		case 'ENOTDIR':
			return { file: path, message: 'a part of this path is a file, not a directory' };
		case 'ENAMETOOLONG':
			return { file: path, message: 'the path is too long' };
		case 'ENOSPC':
			return { file: path, message: 'no space left on the device' };
		case 'EROFS':
			return { file: path, message: 'the file system is read-only' };
		default:
			return { file: path, message: `cannot be read or written (${code ?? (error instanceof Error ? error.message : String(error))})` };
	}
}

/** Opening never blocks (a FIFO without a writer would), and what was opened is checked, not what a path named before. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** A regular file's text (UTF-8, a byte order mark dropped), its size checked before it is read; or why not. */
export function readTextFile(path: string): { text: string } | ImportProblem {
	let fd: number;
	try {
		fd = openSync(path, OPEN_FLAGS);
	} catch (error) {
		return fileProblem(path, error);
	}
	try {
		const stats = fstatSync(fd);
		if (!stats.isFile()) return { file: path, message: describeNonFile(stats) };
		const tooBig = checkFileSize(path, stats.size);
		if (tooBig) return tooBig;
		return decodeText(path, readFileSync(fd));
	} catch (error) {
		return fileProblem(path, error);
	} finally {
		closeSync(fd);
	}
}

/** The input files a read of this path takes: the path, and its CSV partner when there is one. */
export function inputFiles(path: string): string[] {
	const partner = csvPartner(path);
	return partner ? [path, partner] : [path];
}

/**
 * Reads a dataset file by path (any format readDatasetFiles knows); a CSV brings its partner table along. `text` is
 * the path's own text when the caller has read it already.
 */
export function readDatasetFromPath(path: string, text?: string): ReadResult {
	const files = [];
	for (const file of inputFiles(path)) {
		const read = file === path && text !== undefined ? { text } : readTextFile(file);
		if ('message' in read) return { ok: false, problems: [read] };
		files.push({ name: file, text: read.text });
	}
	return readDatasetFiles(files);
}

/** Where a dataset written to this path goes: CSV writes two tables, x.csv -> x.nodes.csv and x.edges.csv, and
 * a path named nodes.csv or edges.csv (or x.nodes.csv, x.edges.csv) -> both tables under that name's pair. */
export function outputTarget(path: string): { format: FormatId; dir: string; baseName: string } | undefined {
	const format = formatOfFileName(path);
	if (!format) return undefined;
	const name = basename(path);
	const baseName = format.id === 'csv' ? name.replace(/(\.(nodes|edges))?\.csv$/i, '').replace(/^(nodes|edges)$/i, '') : name.slice(0, name.length - format.extensions[0]!.length);
	return { format: format.id, dir: dirname(path), baseName };
}

const statOrUndefined = (path: string): Stats | undefined => {
	try {
		return statSync(path);
	} catch {
		return undefined;
	}
};

/** True when two paths name one file: the same path, or the same file reached another way (a link). */
function sameFile(a: string, b: string): boolean {
	if (resolve(a) === resolve(b)) return true;
	const [x, y] = [statOrUndefined(a), statOrUndefined(b)];
	return x !== undefined && y !== undefined && x.dev === y.dev && x.ino === y.ino;
}

export type WriteResult = { ok: true; written: string[]; omitted: string[] } | { ok: false; problems: ImportProblem[] };

/**
 * Writes a dataset to a path in the format its extension names, never over one of `inputs`. Every file of the output
 * (CSV: both tables) is written to a temporary file beside its target first and renamed into place only when all are
 * written: a failure leaves the folder as it was. `omitted` says what the format leaves out of this dataset.
 */
export function writeDatasetToPath(dataset: Dataset, path: string, inputs: readonly string[] = []): WriteResult {
	const target = outputTarget(path);
	if (!target) throw new Error(`writeDatasetToPath: no format for ${path}`);
	const files = exportDataset(dataset, target.format, target.baseName).map((file) => ({
		// An empty base name (nodes.csv, edges.csv) leaves ".nodes.csv": drop the leading dot.
		path: join(target.dir, file.name.replace(/^\./, '')),
		text: file.text
	}));
	const folder = statOrUndefined(target.dir || '.');
	if (!folder) return { ok: false, problems: [{ file: target.dir, message: 'no such directory: create it first' }] };
	if (!folder.isDirectory()) return { ok: false, problems: [{ file: target.dir, message: 'is a file, not a directory' }] };
	const problems: ImportProblem[] = [];
	for (const file of files) {
		const input = inputs.find((candidate) => sameFile(candidate, file.path));
		if (input !== undefined) problems.push({ file: file.path, message: `would overwrite the input ${input}: write to another name` });
		const existing = statOrUndefined(file.path);
		if (existing && !existing.isFile()) problems.push({ file: file.path, message: `${describeNonFile(existing)}: write to another name` });
	}
	if (problems.length) return { ok: false, problems };

	const temporary = files.map((file) => join(dirname(file.path), `.${basename(file.path)}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`));
	let step = 0;
	try {
		for (; step < files.length; step++) writeFileSync(temporary[step]!, files[step]!.text, { flag: 'wx' });
		// Renames within one folder, onto targets checked to be files or nothing, do not fail once the writes succeeded.
		files.forEach((file, i) => renameSync(temporary[i]!, file.path));
	} catch (error) {
		for (const path of temporary) rmSync(path, { force: true });
		return { ok: false, problems: [fileProblem(files[Math.min(step, files.length - 1)]!.path, error)] };
	}
	return { ok: true, written: files.map((file) => file.path), omitted: exportOmissions(dataset, target.format) };
}
