// The bundled datasets: every *.json file in graph-data/ (schema.json aside), listed with its counts or its problems.
// Ids come from this listing only, never from joining a request's text into a path. Only regular files are read
// (a symlink is followed to one; a FIFO, a socket, a dangling link are listed with what they are; a folder named
// x.json is not a dataset), after the size limit. Each file is read once per version: the result is kept by file
// identity (device, inode) with its size and modification times, so listing many large datasets stays fast.
// Files from LARGE_FILE_BYTES up are read and validated on a worker thread, so a large file never holds up requests;
// their datasets are not kept in this thread: their text is served from the file, exports run on a worker too.
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileProblem, describeNonFile } from '$lib/io/node';
import type { ExportedFile, FormatId } from '$lib/io/types';
import type { Dataset } from '$lib/model';
import { problemEntry, readDatasetVersion, readVersionText, versionOf, type DatasetEntry } from './dataset-file';
import { WorkerPool, type JobResult } from './jobs';

export type { DatasetEntry } from './dataset-file';

/** A dataset file as the server knows it. */
export interface LoadedDataset {
	entry: DatasetEntry;
	path: string;
	/** changes whenever the file does; keys the analysis cache */
	version: string;
	/** the dataset, kept for files under LARGE_FILE_BYTES */
	dataset?: Dataset;
}

const NOT_DATASETS = new Set(['schema.json']);
/** Files this large or larger are read on a worker thread and their datasets are not kept in memory here. */
export const LARGE_FILE_BYTES = 2 * 1024 * 1024;
/** Reading and validating one file may take this long (a 50 MB file takes seconds). */
const READ_TIME_MS = 120_000;
const readers = new WorkerPool(() => ({ workers: 1, queued: 1_000, memoryMb: 2048 }));

export function graphDataDir(): string {
	return resolve(process.env.GRAPH_DATA_DIR ?? join(process.cwd(), 'graph-data'));
}

interface Cached extends LoadedDataset {
	/** JSON text served, kept with the dataset for small files */
	text?: string;
}

/** By absolute path. */
const cache = new Map<string, Cached>();
/** Reads under way, so concurrent requests for one file version read it once. */
const reading = new Map<string, Promise<Cached>>();

async function readVersion(id: string, file: string, path: string, size: number): Promise<Cached> {
	if (size < LARGE_FILE_BYTES) {
		const read = await readDatasetVersion(id, file, path);
		return { entry: read.entry, path, version: read.version, dataset: read.dataset, text: read.text };
	}
	const result = await readers.run({ type: 'read', id, file, path }, READ_TIME_MS).result;
	if (result.type === 'read') return { entry: result.entry, path, version: result.version };
	return { entry: problemEntry(id, file, `reading it ${result.type === 'failed' ? result.message : 'gave an unexpected result'}`), path, version: '' };
}

/** The file as a dataset (cached by version), its problem, or undefined when it is a folder (not a dataset). */
async function readEntry(dir: string, file: string): Promise<Cached | undefined> {
	const id = file.slice(0, -'.json'.length);
	const path = join(dir, file);
	// "..json" would be the id ".", which URLs resolve away; ".x.json" is hidden (editors' lock and swap files).
	if (id.startsWith('.') || id === '')
		return { entry: problemEntry(id, file, `the file name gives the id "${id}", which cannot be used in a URL: rename the file so that it does not start with a dot`), path, version: '' };
	let stats;
	try {
		stats = await stat(path);
	} catch (error) {
		return { entry: problemEntry(id, file, fileProblem(path, error).message), path, version: '' };
	}
	if (stats.isDirectory()) return undefined;
	const version = versionOf(stats);
	if (!stats.isFile()) return { entry: problemEntry(id, file, describeNonFile(stats)), path, version };
	const known = cache.get(path);
	if (known?.version === version) return known;
	const key = `${path}\n${version}`;
	let pending = reading.get(key);
	if (!pending) {
		pending = readVersion(id, file, path, stats.size).finally(() => reading.delete(key));
		reading.set(key, pending);
	}
	const read = await pending;
	if (read.version) cache.set(path, read);
	return read;
}

async function datasetFiles(dir: string): Promise<string[]> {
	try {
		return (await readdir(dir)).filter((name) => name.endsWith('.json') && !NOT_DATASETS.has(name)).sort();
	} catch (error) {
		console.error(`graph-data: ${fileProblem(dir, error).message}: no datasets listed`);
		return [];
	}
}

/** Every dataset file in the directory, sorted by id; invalid files carry their problems. */
export async function listDatasets(dir = graphDataDir()): Promise<DatasetEntry[]> {
	const names = await datasetFiles(dir);
	const found = await Promise.all(names.map((name) => readEntry(dir, name)));
	const listed = new Set(names.map((name) => join(dir, name)));
	for (const path of cache.keys()) if (path.startsWith(`${dir}/`) && !listed.has(path)) cache.delete(path);
	return found.flatMap((entry) => (entry ? [entry.entry] : []));
}

/** The dataset file with this id, looked up in the directory listing; undefined when unknown (or a folder). */
export async function loadDataset(id: string, dir = graphDataDir()): Promise<LoadedDataset | undefined> {
	const file = (await datasetFiles(dir)).find((name) => name === `${id}.json`);
	if (!file) return undefined;
	const found = await readEntry(dir, file);
	return found && { entry: found.entry, path: found.path, version: found.version, dataset: found.dataset };
}

/** The validated dataset's JSON text: kept for small files, read from the file (same version) for large ones. */
export async function datasetText(loaded: LoadedDataset): Promise<string | { message: string }> {
	const cached = cache.get(loaded.path);
	if (cached?.version === loaded.version && cached.text !== undefined) return cached.text;
	const read = await readVersionText(loaded.path, loaded.version);
	return 'message' in read ? read : read.text;
}

/** An export of a dataset whose data is not kept here (a large file), made on a worker thread. */
export async function exportOnWorker(loaded: LoadedDataset, format: FormatId, baseName: string, label: string): Promise<{ files: ExportedFile[]; note?: string } | Extract<JobResult, { type: 'failed' }>> {
	const result = await readers.run({ type: 'export', path: loaded.path, version: loaded.version, format, baseName, label }, READ_TIME_MS).result;
	if (result.type === 'export') return { files: result.files, note: result.note };
	return result.type === 'failed' ? result : { type: 'failed', status: 500, message: `unexpected result ${result.type}` };
}
