import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDatasetFile } from '../../src/lib/io/index';
import { GET } from '../../src/routes/api/datasets/[id]/export/+server';
import { loadDataset } from './io-helpers';
import { fixture } from './paths';

const dir = mkdtempSync(join(tmpdir(), 'io-api-'));
copyFileSync(fixture('datasets', 'minimal.json'), join(dir, 'minimal.json'));
const saved = process.env.GRAPH_DATA_DIR;
beforeAll(() => void (process.env.GRAPH_DATA_DIR = dir));
afterAll(() => void (process.env.GRAPH_DATA_DIR = saved));

async function get(id: string, query: string): Promise<Response> {
	const url = new URL(`http://localhost/api/datasets/${id}/export${query}`);
	return (GET as unknown as (event: { params: { id: string }; url: URL }) => Promise<Response>)({ params: { id }, url });
}

describe('GET /api/datasets/{id}/export', () => {
	const dataset = loadDataset(fixture('datasets', 'minimal.json'));

	it.each([
		['json', 'application/json; charset=utf-8', 'minimal.json'],
		['graphml', 'application/graphml+xml; charset=utf-8', 'minimal.graphml'],
		['gexf', 'application/gexf+xml; charset=utf-8', 'minimal.gexf']
	])('serves ?format=%s as a download that reads back as the dataset', async (format, type, name) => {
		const response = await get('minimal', `?format=${format}`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe(type);
		expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${name}"`);
		const back = readDatasetFile(name, await response.text());
		expect(back.ok && back.dataset).toEqual(dataset);
	});

	it('serves CSV as edges.csv, and nodes.csv with &table=nodes', async () => {
		const edges = await get('minimal', '?format=csv');
		expect(edges.headers.get('content-disposition')).toBe('attachment; filename="minimal.edges.csv"');
		expect(edges.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect((await edges.text()).split('\r\n')[0]).toBe('id,source,target,kind,relation,domain,status,directed,weight,since,until,label,quote');
		const nodes = await get('minimal', '?format=csv&table=nodes');
		expect(nodes.headers.get('content-disposition')).toBe('attachment; filename="minimal.nodes.csv"');
		expect((await nodes.text()).split('\r\n')).toEqual(['id,label,type,group,description', 'a,State A,state,bloc-1,', 'b,State B,state,bloc-1,', 'forum,A Forum,institution,forum,', '']);
	});

	it('answers an unknown format or table with 400 and an unknown id with 404, as JSON', async () => {
		const badFormat = await get('minimal', '?format=pdf');
		expect([badFormat.status, await badFormat.json()]).toEqual([400, { message: 'Unknown format "pdf": use json, graphml, gexf, csv' }]);
		const badTable = await get('minimal', '?format=csv&table=metrics');
		expect([badTable.status, await badTable.json()]).toEqual([400, { message: 'Unknown table "metrics": use edges or nodes' }]);
		const missing = await get('no-such-dataset', '?format=gexf');
		expect([missing.status, await missing.json()]).toEqual([404, { message: 'No dataset with id "no-such-dataset"' }]);
	});
});
