// GET /api/analysis: the metric registry (id, label, description, the networkx call, order, parameters) and the layer
// parameters with their values.
import { json } from '@sveltejs/kit';
import { METRIC_PARAMETERS, METRICS, STRENGTHS, TIE_KINDS } from '$lib/analysis';
import { LAYER_PARAMS } from '$lib/analysis/layer-params';
import { STATUSES } from '$lib/model';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () =>
	json({
		layer: { parameters: LAYER_PARAMS, kinds: TIE_KINDS, statuses: STATUSES, strengths: STRENGTHS },
		parameters: Object.values(METRIC_PARAMETERS),
		metrics: METRICS.map(({ id, label, description, networkx, order, parameters, outputs }) => ({ id, label, description, networkx, order, parameters, outputs }))
	});
