// Datasets from and to paths, for the command line and the server (Node only; the browser uses readDatasetBlobs).
// CSV pairs by name: x.edges.csv with x.nodes.csv, edges.csv with nodes.csv in the same folder.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Dataset } from '../model';
import { exportDataset, formatOfFileName } from './formats';
import { checkFileSize } from './limits';
import { readDatasetFiles } from './read';
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

function readProblem(path: string, error: unknown): ImportProblem {
	const code = (error as NodeJS.ErrnoException).code;
	if (code === 'ENOENT') return { file: path, message: 'no such file' };
	if (code === 'EACCES') return { file: path, message: 'permission denied' };
	return { file: path, message: `cannot be read (${code ?? String(error)})` };
}

/** Reads a dataset file by path (any format readDatasetFiles knows); a CSV brings its partner table along. */
export function readDatasetFromPath(path: string): ReadResult {
	const paths = [path];
	const partner = csvPartner(path);
	if (partner) paths.push(partner);
	const files = [];
	for (const file of paths) {
		try {
			const stat = statSync(file);
			if (stat.isDirectory()) return { ok: false, problems: [{ file, message: 'is a directory, not a file' }] };
			const tooBig = checkFileSize(file, stat.size);
			if (tooBig) return { ok: false, problems: [tooBig] };
			files.push({ name: file, text: readFileSync(file, 'utf8') });
		} catch (error) {
			return { ok: false, problems: [readProblem(file, error)] };
		}
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

/** Writes a dataset to a path in the format its extension names; returns the paths written. */
export function writeDatasetToPath(dataset: Dataset, path: string): string[] {
	const target = outputTarget(path);
	if (!target) throw new Error(`writeDatasetToPath: no format for ${path}`);
	return exportDataset(dataset, target.format, target.baseName).map((file) => {
		// An empty base name (nodes.csv, edges.csv) leaves ".nodes.csv": drop the leading dot.
		const out = join(target.dir, file.name.replace(/^\./, ''));
		writeFileSync(out, file.text);
		return out;
	});
}
