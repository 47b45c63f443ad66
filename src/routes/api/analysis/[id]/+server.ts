// GET /api/analysis/{id}?kind=…&fields=…&status=…&asof=…&measure=…&strength=…&weighted=true&broker=ID&pairs=N: the same
// JSON as `npm run analyze -- FILE --format json` for a bundled dataset: the layer, every metric per node, the broker's
// report, balance.
import { json } from '@sveltejs/kit';
import { defaultLayer } from '$lib/analysis';
import { fullAnalysis } from '$lib/analysis/full-analysis';
import { readLayerParams } from '$lib/analysis/layer-params';
import { loadDataset } from '$lib/server/datasets';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url }) => {
	const found = await loadDataset(params.id);
	if (!found) return json({ message: `No dataset with id "${params.id}"` }, { status: 404 });
	if (!found.dataset) return json({ message: `Dataset "${params.id}" (${found.entry.file}) fails validation`, problems: found.entry.problems }, { status: 422 });
	const { dataset } = found;
	const { spec, problems } = readLayerParams(url.searchParams, defaultLayer(dataset));
	if (problems.length) return json({ message: problems.join('; ') }, { status: 400 });
	const pairsText = url.searchParams.get('pairs');
	const pairs = pairsText === null ? 30 : Number(pairsText);
	if (!Number.isInteger(pairs) || pairs < 0) return json({ message: `pairs: "${pairsText}" is not a whole number of pairs to list` }, { status: 400 });
	const analysis = fullAnalysis(dataset, spec, { broker: url.searchParams.get('broker') ?? undefined, pairs });
	if ('problem' in analysis) return json({ message: `${analysis.problem} in "${params.id}"` }, { status: 400 });
	return json(analysis);
};
