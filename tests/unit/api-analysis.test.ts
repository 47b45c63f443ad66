import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as registry } from '../../src/routes/api/analysis/+server';
import { GET as analysis } from '../../src/routes/api/analysis/[id]/+server';
import { METRIC_IDS } from '../../src/lib/analysis/metrics';
import { fixture } from './paths';

type RegistryEvent = Parameters<typeof registry>[0];
type AnalysisEvent = Parameters<typeof analysis>[0];

const previous = process.env.GRAPH_DATA_DIR;
beforeAll(() => {
	process.env.GRAPH_DATA_DIR = fixture('analysis', 'graph-data');
});
afterAll(() => {
	if (previous === undefined) delete process.env.GRAPH_DATA_DIR;
	else process.env.GRAPH_DATA_DIR = previous;
});

const get = (id: string, query = '') => {
	const url = new URL(`http://localhost/api/analysis/${id}${query}`);
	return analysis({ params: { id }, url, request: new Request(url) } as unknown as AnalysisEvent);
};

describe('GET /api/analysis', () => {
	it('lists every metric of the registry with its networkx call, and the layer parameters', async () => {
		const body = await (await registry({} as RegistryEvent)).json();
		expect(body.layer).toEqual({
			parameters: ['kind', 'fields', 'status', 'asof', 'strength', 'weighted', 'measure'],
			kinds: ['cooperation', 'friction', 'all'],
			statuses: ['active', 'stalled', 'proposed'],
			strengths: ['max', 'sum', 'count']
		});
		expect(body.metrics.map((metric: { id: string }) => metric.id)).toEqual([...METRIC_IDS]);
		expect(body.metrics[2]).toMatchObject({ id: 'betweenness', order: 'desc', parameters: ['layer', 'strength', 'weighted'] });
	});
});

describe('GET /api/analysis/{id}', () => {
	it('gives every metric per node, the broker report and balance of a bundled dataset', async () => {
		// minimal.json: a-b cooperation (weight 3) and friction, b-forum proposed (left out): one cooperation tie.
		const response = await get('minimal', '?broker=a');
		expect(response.status).toBe(200);
		const body = await response.json();
		expect(Object.keys(body)).toEqual(['layer', 'description', 'nodes', 'blank', 'broker', 'balance']);
		expect(body.nodes.a).toMatchObject({ degree: 0.5, weightedDegree: 3, betweenness: 0 });
		expect(body.nodes.forum).toMatchObject({ degree: 0, constraint: null });
		expect(body.broker.broker).toBe('a');
		expect(body.balance).toMatchObject({ total: 0, unbalancedTriangles: [] });
	});

	it('takes the layer by the same names as the CLI', async () => {
		const body = await (await get('minimal', '?status=active,proposed&strength=count')).json();
		expect(body.layer).toMatchObject({ statuses: ['active', 'proposed'], strength: 'count' });
		expect(body.nodes.forum).toMatchObject({ degree: 0.5 });
	});

	it('answers 400 for an unknown layer or broker and 404 for an unknown dataset, saying which', async () => {
		expect(await (await get('minimal', '?kind=rivalry')).json()).toEqual({ message: 'kind: "rivalry" is not one of cooperation, friction, all' });
		const broker = await get('minimal', '?broker=atlantis');
		expect([broker.status, (await broker.json()).message]).toEqual([400, 'broker: no node with id "atlantis" in "minimal"']);
		expect((await get('nowhere')).status).toBe(404);
	});
});
