// GET /api/datasets: every dataset file in graph-data/ with its title and counts, or its problems when invalid.
import { json } from '@sveltejs/kit';
import { listDatasets } from '$lib/server/datasets';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => json(await listDatasets());
