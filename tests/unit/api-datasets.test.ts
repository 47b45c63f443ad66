import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as list } from '../../src/routes/api/datasets/+server';
import { GET as one } from '../../src/routes/api/datasets/[id]/+server';
import { fixture } from './paths';

type ListEvent = Parameters<typeof list>[0];
type OneEvent = Parameters<typeof one>[0];

const previous = process.env.GRAPH_DATA_DIR;
beforeAll(() => {
	process.env.GRAPH_DATA_DIR = fixture('explorer-data');
});
afterAll(() => {
	if (previous === undefined) delete process.env.GRAPH_DATA_DIR;
	else process.env.GRAPH_DATA_DIR = previous;
});

const get = (id: string) => one({ params: { id } } as unknown as OneEvent);

describe('GET /api/datasets', () => {
	it('lists every dataset file with its title and counts, and an invalid file with its problems', async () => {
		const response = await list({} as ListEvent);
		expect(response.status).toBe(200);
		const entries = await response.json();
		expect(entries.map((entry: { id: string }) => entry.id)).toEqual(['broken', 'regional-sample', 'small-sample', 'synthetic-ba-1200', 'synthetic-ba-1500']);
		expect(entries[1]).toEqual({ id: 'regional-sample', file: 'regional-sample.json', title: 'Test fixture: a fictional regional network', nodes: 12, edges: 23, asOf: '2014-06' });
		expect(entries[0].problems.map((p: { path: string }) => p.path).sort()).toEqual(['edges[0].evidence', 'edges[0].kind', 'edges[0].target']);
		expect(entries[0].nodes).toBeUndefined();
	});
});

describe('GET /api/datasets/{id}', () => {
	it('serves the validated dataset', async () => {
		const response = await get('small-sample');
		expect(response.status).toBe(200);
		const dataset = await response.json();
		expect(dataset.meta.id).toBe('small-sample');
		expect(dataset.nodes).toHaveLength(3);
	});

	it('answers an unknown id with a 404 JSON body', async () => {
		const response = await get('no-such-dataset');
		expect(response.status).toBe(404);
		expect(response.headers.get('content-type')).toContain('application/json');
		expect(await response.json()).toEqual({ message: 'No dataset with id "no-such-dataset"' });
	});

	it('never reads outside the directory, whatever the id', async () => {
		for (const id of ['../package', '..%2Fpackage', '../../package', '/etc/passwd', 'schema', '', 'small-sample.json', 'regional-sample/../small-sample']) {
			const response = await get(id);
			expect(response.status, id).toBe(404);
			expect((await response.json()).message, id).toContain('No dataset');
		}
	});

	it('refuses to serve a file that fails validation, and says why', async () => {
		const response = await get('broken');
		expect(response.status).toBe(422);
		const body = await response.json();
		expect(body.message).toContain('broken.json');
		expect(body.problems).toHaveLength(3);
	});
});
