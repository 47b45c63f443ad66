// The bundled datasets: every *.json file in graph-data/ (schema.json aside), listed with its counts or its problems.
// Ids come from this listing only, never from joining a request's text into a path.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
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

const NOT_DATASETS = new Set(['schema.json']);

export function graphDataDir(): string {
	return resolve(process.env.GRAPH_DATA_DIR ?? join(process.cwd(), 'graph-data'));
}

async function readEntry(dir: string, file: string): Promise<{ entry: DatasetEntry; dataset?: Dataset }> {
	const id = file.replace(/\.json$/, '');
	const result = parseDataset(await readFile(join(dir, file), 'utf8'));
	if (!result.ok) return { entry: { id, file, title: id, problems: result.problems } };
	const { dataset } = result;
	return { entry: { id, file, title: dataset.meta.title, nodes: dataset.nodes.length, edges: dataset.edges.length }, dataset };
}

/** Every dataset file in the directory, sorted by id; invalid files carry their problems. */
export async function listDatasets(dir = graphDataDir()): Promise<DatasetEntry[]> {
	const names = (await readdir(dir)).filter((name) => name.endsWith('.json') && !NOT_DATASETS.has(name)).sort();
	const entries: DatasetEntry[] = [];
	for (const name of names) {
		if ((await stat(join(dir, name))).isFile()) entries.push((await readEntry(dir, name)).entry);
	}
	return entries;
}

/** The validated dataset with this id, looked up in the directory listing; undefined when unknown or invalid. */
export async function loadDataset(id: string, dir = graphDataDir()): Promise<{ entry: DatasetEntry; dataset?: Dataset } | undefined> {
	const names = (await readdir(dir)).filter((name) => name.endsWith('.json') && !NOT_DATASETS.has(name));
	const file = names.find((name) => name === `${id}.json`);
	return file ? readEntry(dir, file) : undefined;
}
