// GET /api/analysis: the metric registry (id, label, description, the networkx call, order, parameters) and the layers.
import { json } from '@sveltejs/kit';
import { LAYERS, METRIC_PARAMETERS, METRICS } from '$lib/analysis';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () =>
	json({
		layers: LAYERS,
		parameters: Object.values(METRIC_PARAMETERS),
		metrics: METRICS.map(({ id, label, description, networkx, order, parameters, outputs }) => ({ id, label, description, networkx, order, parameters, outputs }))
	});
