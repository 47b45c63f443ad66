// Our own format, lossless: parseDataset with the import rules (curated:false) in, serializeDataset out.
import { parseDataset, serializeDataset, type Dataset } from '../model';
import type { ReadResult } from './types';

export function readJson(file: string, text: string): ReadResult {
	const result = parseDataset(text, { curated: false });
	if (result.ok) return { ok: true, dataset: result.dataset, format: 'json' };
	return { ok: false, problems: result.problems.map(({ path, message, line, column }) => ({ file, path, message, ...(line === undefined ? {} : { line, column }) })) };
}

export function writeJson(dataset: Dataset): string {
	return serializeDataset(dataset);
}
