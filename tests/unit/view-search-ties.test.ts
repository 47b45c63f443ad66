import { describe, expect, it } from 'vitest';
import type { Dataset, DatasetEdge } from '$lib/model';
import { searchTies, tieSearchIndex } from '$lib/view/search';

function tie(id: string, label: string | undefined, quotes: string[]): DatasetEdge {
	return { id, source: 'a', target: 'b', kind: 'cooperation', status: 'active', ...(label ? { label } : {}), evidence: quotes.map((quote) => ({ source: 's', quote })) };
}

const dataset = {
	meta: { id: 'd', title: 'd' },
	nodes: [
		{ id: 'a', label: 'A' },
		{ id: 'b', label: 'B' }
	],
	edges: [
		tie('history', 'History disputes', ['Relations have soured over history and territory.']),
		tie('talks', 'High-level talks, frozen since end-2012', ['The leaders have not held a summit since 2012; the bilateral channel is frozen while both look to Washington.']),
		tie('fta', 'Trilateral FTA (proposed)', ['A Japan–South Korea–China FTA would deepen trade.']),
		tie('plain', undefined, ['Café diplomacy and the résumé of talks.'])
	]
} as unknown as Dataset;
const index = tieSearchIndex(dataset);
const ids = (query: string) => searchTies(index, query).map((hit) => hit.edge.id);

describe('tie search', () => {
	it('ranks a label that starts with the query, then a word of a label, then a label containing it', () => {
		expect(ids('high')).toEqual(['talks']);
		expect(ids('fro')).toEqual(['talks']);
		expect(ids('trilateral')).toEqual(['fta']);
		expect(ids('ta')).toEqual(['talks', 'fta']);
	});

	it('finds ties by the words of their quotes, from three characters, ignoring case and accents, with the matching part', () => {
		expect(ids('wa')).toEqual([]);
		const [hit] = searchTies(index, 'WASHINGTON');
		expect(hit?.edge.id).toBe('talks');
		expect(hit?.excerpt).toMatch(/^….*look to Washington\.$/);
		expect(searchTies(index, 'resume')[0]).toEqual({ edge: dataset.edges[3], excerpt: 'Café diplomacy and the résumé of talks.' });
	});

	it('lists label matches before quote matches, and stops at the limit', () => {
		expect(ids('talks')).toEqual(['talks', 'plain']);
		expect(searchTies(index, 'the', 1)).toHaveLength(1);
		expect(ids('   ')).toEqual([]);
	});
});
