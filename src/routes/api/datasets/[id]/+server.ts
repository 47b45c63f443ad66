// GET /api/datasets/{id}: the validated dataset. The id is looked up in the directory listing, never joined into a path.
import { json } from '@sveltejs/kit';
import { datasetBody, loadDataset } from '$lib/server/datasets';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	const found = await loadDataset(params.id);
	if (!found) return json({ message: `No dataset with id "${params.id}"` }, { status: 404 });
	const { dataset } = found;
	if (!dataset) return json({ message: `Dataset "${params.id}" (${found.entry.file}) fails validation`, problems: found.entry.problems }, { status: 422 });
	return new Response(datasetBody({ ...found, dataset }), { headers: { 'content-type': 'application/json' } });
};
