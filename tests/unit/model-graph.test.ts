import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { datasetToGraph, graphToDataset, parseDataset, type Dataset } from '$lib/model';
import { fixture } from './paths';

function minimal(): Dataset {
	const result = parseDataset(readFileSync(fixture('datasets', 'minimal.json'), 'utf8'));
	if (!result.ok) throw new Error('fixture must be valid');
	return result.dataset;
}

describe('datasetToGraph', () => {
	it('keeps a cooperation and a friction edge between the same pair as two edges', () => {
		const graph = datasetToGraph(minimal());
		expect(graph.order).toBe(3);
		expect(graph.size).toBe(3);
		expect(graph.edges('a', 'b').sort()).toEqual(['a--b--alliance', 'a--b--history']);
		expect(graph.getEdgeAttribute('a--b--history', 'kind')).toBe('friction');
	});

	it('makes directed edges directed and the rest undirected', () => {
		const graph = datasetToGraph(minimal());
		expect(graph.isDirected('b--forum--membership')).toBe(true);
		expect(graph.isUndirected('a--b--alliance')).toBe(true);
		expect(graph.outNeighbors('b')).toEqual(['forum']);
	});

	it('carries node, edge and dataset fields (unknown ones included) as attributes', () => {
		const dataset = minimal();
		dataset.nodes[0]!.population = 125;
		const graph = datasetToGraph(dataset);
		expect(graph.getNodeAttributes('a')).toEqual({ label: 'State A', type: 'state', aliases: ['A-land'], group: 'bloc-1', population: 125 });
		expect(graph.getEdgeAttribute('a--b--alliance', 'evidence')).toHaveLength(1);
		expect(graph.getAttribute('meta').id).toBe('minimal');
	});

	it('does not share objects with the dataset it was built from', () => {
		const dataset = minimal();
		const graph = datasetToGraph(dataset);
		graph.getEdgeAttribute('a--b--alliance', 'evidence')[0]!.quote = 'changed';
		expect(dataset.edges[0]!.evidence[0]!.quote).toBe('A and B are allies.');
	});

	it('round-trips back to an equal dataset', () => {
		const dataset = minimal();
		dataset.edges[1]!.reviewed = { by: 'x', on: '2014-07-01' };
		expect(graphToDataset(datasetToGraph(dataset))).toEqual(dataset);
	});
});
