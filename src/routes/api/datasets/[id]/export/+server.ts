// GET /api/datasets/{id}/export?format=json|graphml|gexf|csv: the dataset as a download, written as `npm run convert` writes it.
// CSV is two tables: edges.csv by default, nodes.csv with &table=nodes ({id}.edges.csv, {id}.nodes.csv). What a lossy
// format leaves out is said in the X-Export-Omits header (the same words `npm run convert` prints). A large dataset
// is exported on a worker thread.
import { json } from '@sveltejs/kit';
import { DATA_FORMATS, exportDataset, formatById, omissionNote } from '$lib/io';
import { exportOnWorker, loadDataset } from '$lib/server/datasets';
import type { RequestHandler } from './$types';

const FORMAT_IDS = DATA_FORMATS.filter((format) => format.write).map((format) => format.id);
const TABLES = ['edges', 'nodes'];

/** Header values are Latin-1 text on one line: "…" becomes "...", anything else outside ASCII "?". */
const headerText = (text: string) => text.replace(/…/g, '...').replace(/[^\x20-\x7e]/g, '?');

export const GET: RequestHandler = async ({ params, url }) => {
	const format = formatById(url.searchParams.get('format') ?? 'json');
	if (!format?.write) return json({ message: `Unknown format "${url.searchParams.get('format')}": use ${FORMAT_IDS.join(', ')}` }, { status: 400 });
	const table = url.searchParams.get('table') ?? 'edges';
	if (format.id === 'csv' && !TABLES.includes(table)) return json({ message: `Unknown table "${table}": use ${TABLES.join(' or ')}` }, { status: 400 });
	const found = await loadDataset(params.id);
	if (!found) return json({ message: `No dataset with id "${params.id}"` }, { status: 404 });
	if (found.entry.problems) return json({ message: `Dataset "${params.id}" (${found.entry.file}) fails validation`, problems: found.entry.problems }, { status: 422 });
	const exported = found.dataset
		? { files: exportDataset(found.dataset, format.id, params.id), note: omissionNote(found.dataset, format.id, format.label) }
		: await exportOnWorker(found, format.id, params.id, format.label);
	if ('type' in exported) return json({ message: `Dataset "${params.id}": the export ${exported.message}` }, { status: exported.status, headers: exported.status === 503 ? { 'retry-after': '60' } : {} });
	const file = exported.files.find((candidate) => candidate.name.endsWith(`.${table}.csv`)) ?? exported.files[0]!;
	const headers: Record<string, string> = {
		'content-type': `${file.mime}; charset=utf-8`,
		'content-disposition': `attachment; filename="${file.name.replace(/[^\w.-]/g, '_')}"`
	};
	if (exported.note) headers['x-export-omits'] = headerText(exported.note);
	return new Response(file.text, { headers });
};
