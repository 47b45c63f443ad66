import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeGexf, writeGraphml } from '../../src/lib/io/index';
import type { Dataset } from '../../src/lib/model/index';
import { hasNetworkx, loadDataset, readWithNetworkx, roundTripDatasets, type NetworkxView } from './io-helpers';

const dir = mkdtempSync(join(tmpdir(), 'io-networkx-'));
const title = hasNetworkx ? 'networkx reads our files' : 'networkx reads our files (skipped: /usr/bin/python3 has no networkx module)';

/** The value networkx holds for a field, decoded when its key is one of our JSON-text columns. */
function fieldValue(view: NetworkxView, scope: 'graph' | 'node' | 'edge', name: string, value: unknown): unknown {
	return view.keys[scope][name]?.endsWith('-json') ? JSON.parse(value as string) : value;
}

function expectFields(view: NetworkxView, scope: 'graph' | 'node' | 'edge', actual: Record<string, unknown>, expected: Record<string, unknown>) {
	expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
	for (const [name, value] of Object.entries(expected)) expect(fieldValue(view, scope, name, actual[name]), `${scope} field ${name}`).toEqual(value);
}

function expectSameGraph(view: NetworkxView, dataset: Dataset, format: 'graphml' | 'gexf') {
	const allDirected = dataset.edges.length > 0 && dataset.edges.every((edge) => edge.directed === true);
	expect(view.directed).toBe(allDirected);
	expect(Object.keys(view.nodes).sort()).toEqual(dataset.nodes.map((node) => node.id).sort());
	for (const { id, ...fields } of dataset.nodes) expectFields(view, 'node', view.nodes[id]!, fields);
	expect(view.edges.map((edge) => edge.id).sort()).toEqual(dataset.edges.map((edge) => edge.id).sort());
	for (const { id, source, target, ...fields } of dataset.edges) {
		const edge = view.edges.find((candidate) => candidate.id === id)!;
		const ends = [edge.source, edge.target];
		expect(view.directed ? ends : ends.sort()).toEqual(view.directed ? [source, target] : [source, target].sort());
		const { id: _id, ...data } = edge.data;
		expectFields(view, 'edge', format === 'gexf' ? data : edge.data, fields);
	}
}

describe.skipIf(!hasNetworkx)(title, () => {
	describe.each(roundTripDatasets)('%s', (_name, path) => {
		const dataset = loadDataset(path);

		it('as GraphML: every node, edge and attribute, and the dataset-level fields as graph data', () => {
			const file = join(dir, 'out.graphml');
			writeFileSync(file, writeGraphml(dataset));
			const view = readWithNetworkx('graphml', file);
			expectSameGraph(view, dataset, 'graphml');
			const { nodes: _nodes, edges: _edges, ...level } = dataset;
			expectFields(view, 'graph', view.graph, level);
		});

		it('as GEXF 1.3: every node, edge and attribute', () => {
			const file = join(dir, 'out.gexf');
			writeFileSync(file, writeGexf(dataset));
			expectSameGraph(readWithNetworkx('gexf', file), dataset, 'gexf');
		});
	});
});
