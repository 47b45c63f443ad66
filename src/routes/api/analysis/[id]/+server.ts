// GET /api/analysis/{id}?layer=cooperation|friction|all&weighted=true&broker=ID: the same JSON as
// `npm run analyze -- FILE --format json` for a bundled dataset (both call analysisSummary): every metric per node,
// the broker's report, balance. Computed on a worker thread within size and time limits, cached per file version.
import { json } from '@sveltejs/kit';
import { LAYERS, type Layer } from '$lib/analysis';
import { runAnalysis } from '$lib/server/analysis';
import { loadDataset } from '$lib/server/datasets';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url, request }) => {
	const layer = url.searchParams.get('layer') ?? 'cooperation';
	if (!LAYERS.includes(layer as Layer)) return json({ message: `layer must be one of ${LAYERS.join(', ')}, not "${layer}"` }, { status: 400 });
	const weighted = url.searchParams.get('weighted') === 'true';
	const found = await loadDataset(params.id);
	if (!found) return json({ message: `No dataset with id "${params.id}"` }, { status: 404 });
	const { entry } = found;
	if (entry.problems || entry.nodes === undefined || entry.edges === undefined)
		return json({ message: `Dataset "${params.id}" (${entry.file}) fails validation`, problems: entry.problems }, { status: 422 });
	const broker = url.searchParams.get('broker') ?? undefined;
	// A dataset kept in memory answers for its broker at once; a large one's worker says so.
	if (broker !== undefined && found.dataset && !found.dataset.nodes.some((node) => node.id === broker))
		return json({ message: `broker: no node with id "${broker}" in "${params.id}"` }, { status: 400 });
	const outcome = await runAnalysis({ path: found.path, version: found.version, nodes: entry.nodes, edges: entry.edges, layer: layer as Layer, weighted, broker }, request.signal);
	if (outcome.status === 200) return new Response(outcome.body, { headers: { 'content-type': 'application/json' } });
	const message = outcome.status === 400 ? `${outcome.message} in "${params.id}"` : `Dataset "${params.id}": ${outcome.message}`;
	return json({ message }, { status: outcome.status, headers: outcome.status === 503 ? { 'retry-after': '60' } : {} });
};
