// One dataset file read as the server reads it, on the request thread for small files and on a worker thread for
// large ones (so this module imports only relative modules and Node's). Only a regular file is read: it is opened
// without blocking (a FIFO swapped in after a stat would block) and checked by fstat, then its size, then its text.
import { constants, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { checkFileSize } from '../io/limits';
import { describeNonFile, fileProblem } from '../io/node';
import { decodeText } from '../io/text';
import { parseDataset } from '../model/parse';
import type { Dataset, Problem } from '../model/types';

export interface DatasetEntry {
	/** the file name without .json: the id in URLs */
	id: string;
	file: string;
	title: string;
	nodes?: number;
	edges?: number;
	/** the dataset's date: the analysis counts ties as of it by default */
	asOf?: string;
	/** present when the file fails validation; such files are listed, never served */
	problems?: Problem[];
}

/** A listing shows this many problems of an invalid file; `npm run validate` lists them all. */
export const LISTED_PROBLEMS = 100;

/** Device, inode, size and modification times: changes whenever the file does. */
export const versionOf = (stats: Stats): string => `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`;

export function problemEntry(id: string, file: string, message: string): DatasetEntry {
	return { id, file, title: file, problems: [{ path: '(file)', message }] };
}

function capped(problems: Problem[]): Problem[] {
	if (problems.length <= LISTED_PROBLEMS) return problems;
	const more = problems.length - LISTED_PROBLEMS;
	return [...problems.slice(0, LISTED_PROBLEMS), { path: '(file)', message: `and ${more} more problem${more === 1 ? '' : 's'}: npm run validate -- FILE lists them all` }];
}

export interface DatasetVersion {
	entry: DatasetEntry;
	/** '' when the file could not be opened */
	version: string;
	dataset?: Dataset;
	/** the text served for it: the file's JSON without a byte order mark */
	text?: string;
}

/** The file's listing entry, and its dataset and text when it is valid; never throws. */
export async function readDatasetVersion(id: string, file: string, path: string): Promise<DatasetVersion> {
	let handle;
	try {
		handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
	} catch (error) {
		return { entry: problemEntry(id, file, fileProblem(path, error).message), version: '' };
	}
	try {
		const stats = await handle.stat();
		const version = versionOf(stats);
		if (!stats.isFile()) return { entry: problemEntry(id, file, describeNonFile(stats)), version };
		const tooBig = checkFileSize(file, stats.size);
		if (tooBig) return { entry: problemEntry(id, file, tooBig.message), version };
		const decoded = decodeText(file, await handle.readFile());
		if ('message' in decoded) return { entry: problemEntry(id, file, decoded.line ? `line ${decoded.line}: ${decoded.message}` : decoded.message), version };
		// TextDecoder has dropped a byte order mark.
		const { text } = decoded;
		const result = parseDataset(text);
		if (!result.ok) return { entry: { id, file, title: id, problems: capped(result.problems) }, version };
		const { dataset } = result;
		return { entry: { id, file, title: dataset.meta.title, nodes: dataset.nodes.length, edges: dataset.edges.length, asOf: dataset.meta.asOf }, version, dataset, text };
	} catch (error) {
		return { entry: problemEntry(id, file, fileProblem(path, error).message), version: '' };
	} finally {
		await handle.close();
	}
}

/** The text of a file version known to be valid, read without parsing it again; or why it cannot be had. */
export async function readVersionText(path: string, version: string): Promise<{ text: string } | { message: string }> {
	let handle;
	try {
		handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
	} catch (error) {
		return { message: fileProblem(path, error).message };
	}
	try {
		if (versionOf(await handle.stat()) !== version) return { message: 'the file changed while it was read: try again' };
		const decoded = decodeText(path, await handle.readFile());
		return 'message' in decoded ? { message: decoded.message } : decoded;
	} catch (error) {
		return { message: fileProblem(path, error).message };
	} finally {
		await handle.close();
	}
}

/** The dataset of a file version known to be valid, or why it cannot be had (the file changed or went). */
export async function readKnownVersion(path: string, version: string): Promise<{ dataset: Dataset; text: string } | { message: string }> {
	const read = await readDatasetVersion('', path, path);
	if (read.version !== version) return { message: 'the file changed while it was read: try again' };
	if (!read.dataset || read.text === undefined) return { message: read.entry.problems?.[0]?.message ?? 'the file no longer validates' };
	return { dataset: read.dataset, text: read.text };
}
