// GET /api/analysis/{id}?kind=…&fields=…&status=…&asof=…&measure=…&strength=…&weighted=true&broker=ID&pairs=N: the same
// JSON as `npm run analyze -- FILE --format json` for a bundled dataset (both call fullAnalysis): the layer, every
// metric per node, the broker's report, balance. Computed on a worker thread within size and time limits, cached per
// file version and options.
import { json } from '@sveltejs/kit';
import { defaultLayer } from '$lib/analysis';
import { readLayerParams } from '$lib/analysis/layer-params';
import { runAnalysis } from '$lib/server/analysis';
import { loadDataset } from '$lib/server/datasets';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url, request }) => {
	const found = await loadDataset(params.id);
	if (!found) return json({ message: `No dataset with id "${params.id}"` }, { status: 404 });
	const { entry } = found;
	if (entry.problems || entry.nodes === undefined || entry.edges === undefined)
		return json({ message: `Dataset "${params.id}" (${entry.file}) fails validation`, problems: entry.problems }, { status: 422 });
	const { spec, problems } = readLayerParams(url.searchParams, defaultLayer({ meta: { id: params.id, title: '', asOf: entry.asOf } }));
	if (problems.length) return json({ message: problems.join('; ') }, { status: 400 });
	const pairsText = url.searchParams.get('pairs');
	const pairs = pairsText === null ? 30 : Number(pairsText);
	if (!Number.isInteger(pairs) || pairs < 0) return json({ message: `pairs: "${pairsText}" is not a whole number of pairs to list` }, { status: 400 });
	const broker = url.searchParams.get('broker') ?? undefined;
	// A dataset kept in memory answers for its broker at once; a large one's worker says so.
	if (broker !== undefined && found.dataset && !found.dataset.nodes.some((node) => node.id === broker))
		return json({ message: `broker: no node with id "${broker}" in "${params.id}"` }, { status: 400 });
	const outcome = await runAnalysis({ path: found.path, version: found.version, nodes: entry.nodes, edges: entry.edges, layer: spec, pairs, broker }, request.signal);
	if (outcome.status === 200) return new Response(outcome.body, { headers: { 'content-type': 'application/json' } });
	const message = outcome.status === 400 ? `${outcome.message} in "${params.id}"` : `Dataset "${params.id}": ${outcome.message}`;
	return json({ message }, { status: outcome.status, headers: outcome.status === 503 ? { 'retry-after': '60' } : {} });
};
