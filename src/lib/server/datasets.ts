// The bundled datasets: every *.json file in graph-data/ (schema.json aside), listed with its counts or its problems.
// Ids come from this listing only, never from joining a request's text into a path. Only regular files are read
// (a symlink is followed to one; a FIFO, a socket, a dangling link are listed with what they are, a folder named
// x.json is not a dataset), after the size limit. Each file is parsed once per version: the result is kept by file
// identity (device, inode) with its size and modification times, so listing many large datasets stays fast.
import { constants, type Stats } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { checkFileSize } from '$lib/io/limits';
import { describeNonFile, fileProblem } from '$lib/io/node';
import { decodeText } from '$lib/io/text';
import { parseDataset, type Dataset, type Problem } from '$lib/model';

export interface DatasetEntry {
	/** the file name without .json: the id in URLs */
	id: string;
	file: string;
	title: string;
	nodes?: number;
	edges?: number;
	/** present when the file fails validation; such files are listed, never served */
	problems?: Problem[];
}

/** A dataset file as the server knows it: its listing entry, and the dataset and its JSON text while they are cached. */
export interface LoadedDataset {
	entry: DatasetEntry;
	dataset?: Dataset;
	/** device, inode, size and modification times: changes whenever the file does; keys the analysis cache */
	version: string;
}

const NOT_DATASETS = new Set(['schema.json']);
/** A listing shows this many problems of an invalid file; `npm run validate` lists them all. */
export const LISTED_PROBLEMS = 100;
/** Parsed datasets kept in memory, counted in file bytes; past this the least recently used are dropped (and reread). */
const CACHE_BYTES = 256 * 1024 * 1024;

export function graphDataDir(): string {
	return resolve(process.env.GRAPH_DATA_DIR ?? join(process.cwd(), 'graph-data'));
}

interface Cached extends LoadedDataset {
	bytes: number;
	body?: string;
}

/** By absolute path; a Map's order is its recency (a hit is moved to the end). */
const cache = new Map<string, Cached>();
/** Reads under way, so concurrent requests for one file version parse it once. */
const reading = new Map<string, Promise<Cached>>();

const versionOf = (stats: Stats) => `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`;

function problemEntry(id: string, file: string, message: string): DatasetEntry {
	return { id, file, title: file, problems: [{ path: '(file)', message }] };
}

function remember(path: string, cached: Cached): Cached {
	cache.delete(path);
	cache.set(path, cached);
	let total = 0;
	for (const item of cache.values()) total += item.dataset ? item.bytes : 0;
	for (const [key, item] of cache) {
		if (total <= CACHE_BYTES || item === cached) break;
		if (!item.dataset) continue;
		total -= item.bytes;
		// The entry stays for the listing; the dataset is read again when asked for.
		cache.set(key, { entry: item.entry, version: item.version, bytes: item.bytes });
	}
	return cached;
}

function capped(problems: Problem[]): Problem[] {
	if (problems.length <= LISTED_PROBLEMS) return problems;
	const more = problems.length - LISTED_PROBLEMS;
	return [...problems.slice(0, LISTED_PROBLEMS), { path: '(file)', message: `and ${more} more problem${more === 1 ? '' : 's'}: npm run validate -- FILE lists them all` }];
}

/** Opens without blocking (a FIFO swapped in after the stat would block a read), then checks what was opened. */
async function readVersion(id: string, file: string, path: string): Promise<Cached> {
	const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
	try {
		const stats = await handle.stat();
		const version = versionOf(stats);
		if (!stats.isFile()) return { entry: problemEntry(id, file, describeNonFile(stats)), version, bytes: 0 };
		const tooBig = checkFileSize(file, stats.size);
		if (tooBig) return { entry: problemEntry(id, file, tooBig.message), version, bytes: 0 };
		const decoded = decodeText(file, await handle.readFile());
		if ('message' in decoded) return { entry: problemEntry(id, file, decoded.line ? `line ${decoded.line}: ${decoded.message}` : decoded.message), version, bytes: 0 };
		const result = parseDataset(decoded.text);
		if (!result.ok) return { entry: { id, file, title: id, problems: capped(result.problems) }, version, bytes: 0 };
		const { dataset } = result;
		return { entry: { id, file, title: dataset.meta.title, nodes: dataset.nodes.length, edges: dataset.edges.length }, dataset, version, bytes: stats.size };
	} finally {
		await handle.close();
	}
}

/** The file as a dataset (cached by version), its problem, or undefined when it is a folder (not a dataset). */
async function readEntry(dir: string, file: string): Promise<Cached | undefined> {
	const id = file.slice(0, -'.json'.length);
	// "..json" would be the id "..", which URLs resolve away; ".x.json" is hidden (editors' lock and swap files).
	if (id.startsWith('.') || id === '')
		return { entry: problemEntry(id, file, `the file name gives the id "${id}", which cannot be used in a URL: rename the file so that it does not start with a dot`), version: '', bytes: 0 };
	const path = join(dir, file);
	let stats: Stats;
	try {
		stats = await stat(path);
	} catch (error) {
		return { entry: problemEntry(id, file, fileProblem(path, error).message), version: '', bytes: 0 };
	}
	if (stats.isDirectory()) return undefined;
	if (!stats.isFile()) return { entry: problemEntry(id, file, describeNonFile(stats)), version: versionOf(stats), bytes: 0 };
	const version = versionOf(stats);
	const known = cache.get(path);
	if (known?.version === version && (known.dataset || known.entry.problems)) return remember(path, known);
	const key = `${path}\n${version}`;
	let pending = reading.get(key);
	if (!pending) {
		pending = readVersion(id, file, path)
			.catch((error: unknown): Cached => ({ entry: problemEntry(id, file, fileProblem(path, error).message), version: '', bytes: 0 }))
			.finally(() => reading.delete(key));
		reading.set(key, pending);
	}
	const read = await pending;
	return read.version ? remember(path, read) : read;
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
	const entries: DatasetEntry[] = [];
	for (const name of names) {
		const found = await readEntry(dir, name);
		if (found) entries.push(found.entry);
	}
	const listed = new Set(names.map((name) => join(dir, name)));
	for (const path of cache.keys()) if (path.startsWith(`${dir}/`) && !listed.has(path)) cache.delete(path);
	return entries;
}

/** The dataset with this id, looked up in the directory listing; undefined when unknown (or a folder). */
export async function loadDataset(id: string, dir = graphDataDir()): Promise<LoadedDataset | undefined> {
	const file = (await datasetFiles(dir)).find((name) => name === `${id}.json`);
	if (!file) return undefined;
	const found = await readEntry(dir, file);
	return found && { entry: found.entry, dataset: found.dataset, version: found.version };
}

/** The dataset's JSON text, made once per file version. */
export function datasetBody(loaded: LoadedDataset & { dataset: Dataset }): string {
	const cached = [...cache.values()].find((item) => item.dataset === loaded.dataset);
	if (!cached) return JSON.stringify(loaded.dataset);
	cached.body ??= JSON.stringify(loaded.dataset);
	return cached.body;
}
