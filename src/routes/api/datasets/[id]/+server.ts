// GET /api/datasets/{id}: the validated dataset. The id is looked up in the directory listing, never joined into a path.
import { json } from '@sveltejs/kit';
import { datasetText, loadDataset } from '$lib/server/datasets';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	const found = await loadDataset(params.id);
	if (!found) return json({ message: `No dataset with id "${params.id}"` }, { status: 404 });
	if (found.entry.problems) return json({ message: `Dataset "${params.id}" (${found.entry.file}) fails validation`, problems: found.entry.problems }, { status: 422 });
	const text = await datasetText(found);
	if (typeof text !== 'string') return json({ message: `Dataset "${params.id}": ${text.message}` }, { status: 409 });
	return new Response(text, { headers: { 'content-type': 'application/json' } });
};
