import { describe, expect, it } from 'vitest';
import { datasetUrl, fetchDataset, fetchedByBrowser } from '$lib/state/dataset-fetch';
import { LARGE_GRAPH_ELEMENTS } from '$lib/view/style';

const entry = (nodes?: number, edges?: number) => ({ id: 'x', file: 'x.json', title: 'X', nodes, edges });
const answering = (status: number, body: string) => (async () => new Response(body, { status, headers: { 'content-type': 'application/json' } })) as typeof fetch;

describe('which datasets the browser fetches itself', () => {
	it('is the large ones only: the brief stays in the page, a network of the large drawing does not', () => {
		expect(fetchedByBrowser(entry(31, 123))).toBe(false);
		expect(fetchedByBrowser(entry(1000, LARGE_GRAPH_ELEMENTS - 1000))).toBe(false);
		expect(fetchedByBrowser(entry(1000, LARGE_GRAPH_ELEMENTS - 999))).toBe(true);
		expect(fetchedByBrowser(entry(10_000, 49_975))).toBe(true);
		// A listing without counts (a file that failed validation is never fetched anyway) counts as small.
		expect(fetchedByBrowser(entry())).toBe(false);
	});

	it('asks for an id written safely into the path', () => {
		expect(datasetUrl('a b/../c')).toBe('/api/datasets/a%20b%2F..%2Fc');
	});
});

describe('fetchDataset', () => {
	it('hands back the dataset the server sends', async () => {
		const dataset = { format: 'alliance-explorer/1', meta: { id: 'x', title: 'X' }, nodes: [], edges: [] };
		expect(await fetchDataset(answering(200, JSON.stringify(dataset)), 'x')).toEqual({ dataset });
	});

	it("hands back the server's reason when it refuses", async () => {
		expect(await fetchDataset(answering(404, JSON.stringify({ message: 'No dataset with id "x"' })), 'x')).toEqual({ problem: 'No dataset with id "x"' });
	});

	it('says what happened when the answer carries no reason, or the request fails, and never throws', async () => {
		expect(await fetchDataset(answering(502, '<html>Bad gateway</html>'), 'x')).toEqual({ problem: 'Dataset "x": the server answered 502. Reload the page to try again.' });
		const failing = (async () => {
			throw new TypeError('Failed to fetch');
		}) as typeof fetch;
		expect(await fetchDataset(failing, 'x')).toEqual({ problem: 'Dataset "x" could not be read from the server: check the connection, then reload the page.' });
		expect(await fetchDataset(answering(200, '{"nodes": ['), 'x')).toEqual({ problem: 'Dataset "x": the server answered 200 with something that is not JSON. Reload the page to try again.' });
	});
});
