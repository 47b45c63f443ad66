// GET /api/analysis/{id}?layer=cooperation|friction|all&weighted=true&broker=ID: the same JSON as
// `npm run analyze -- FILE --format json` for a bundled dataset: every metric per node, the broker's report, balance.
import { json } from '@sveltejs/kit';
import { brokerReport, computeMetrics, LAYERS, structuralBalance, type Layer } from '$lib/analysis';
import { loadDataset } from '$lib/server/datasets';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url }) => {
	const layer = url.searchParams.get('layer') ?? 'cooperation';
	if (!LAYERS.includes(layer as Layer)) return json({ message: `layer must be one of ${LAYERS.join(', ')}, not "${layer}"` }, { status: 400 });
	const weighted = url.searchParams.get('weighted') === 'true';
	const found = await loadDataset(params.id);
	if (!found) return json({ message: `No dataset with id "${params.id}"` }, { status: 404 });
	if (!found.dataset) return json({ message: `Dataset "${params.id}" (${found.entry.file}) fails validation`, problems: found.entry.problems }, { status: 422 });
	const { dataset } = found;
	const options = { layer: layer as Layer, weighted };
	const { nodes } = computeMetrics(dataset, options);
	const broker = url.searchParams.get('broker') ?? (dataset.nodes.some((node) => node.id === 'united-states') ? 'united-states' : null);
	if (broker !== null && !(broker in nodes)) return json({ message: `broker: no node with id "${broker}" in "${params.id}"` }, { status: 400 });
	return json({ nodes, broker: broker === null ? null : brokerReport(dataset, broker, options), balance: structuralBalance(dataset) });
};
