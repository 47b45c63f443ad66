import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { brokerReport, shortestPath, structuralBalance } from '$lib/analysis';
import { parseDataset, type Dataset } from '$lib/model';
import { AnalysisState } from '$lib/state/analysis.svelte';
import { briefDataset, fixture } from './paths';

function load(path: string): Dataset {
	const result = parseDataset(readFileSync(path, 'utf8'));
	if (!result.ok) throw new Error(`${path} must be valid`);
	return result.dataset;
}

const brief = load(briefDataset);
const minimal = load(fixture('datasets', 'minimal.json'));

describe('AnalysisState', () => {
	it('takes the United States as the default broker, else the first node by label', () => {
		expect(new AnalysisState(() => brief).brokerId).toBe('united-states');
		// minimal.json labels: "A Forum" sorts before "State A" and "State B"
		expect(new AnalysisState(() => minimal).brokerId).toBe('forum');
	});

	it("lights up the broker report's nodes and edges, with the broker at the centre, and clears on a second toggle", () => {
		const analysis = new AnalysisState(() => brief);
		analysis.toggle('broker');
		const report = brokerReport(brief, 'united-states', { layer: 'cooperation', weighted: false });
		expect(analysis.highlight).toEqual({ ...report.highlight, centre: ['united-states'] });
		analysis.toggle('broker');
		expect(analysis.highlight).toBeNull();
	});

	it('keeps the highlight in step with the broker and the layer chosen after it was switched on', () => {
		const analysis = new AnalysisState(() => brief);
		analysis.toggle('broker');
		analysis.broker = 'japan';
		analysis.layer = 'all';
		expect(analysis.highlight).toEqual({ ...brokerReport(brief, 'japan', { layer: 'all', weighted: false }).highlight, centre: ['japan'] });
	});

	it('lights up one unbalanced triad by its index, and a shortest path with its ends at the centre', () => {
		const analysis = new AnalysisState(() => brief);
		const triangle = structuralBalance(brief).unbalancedTriangles[0]!;
		analysis.toggle('triad-0');
		expect(analysis.highlight).toEqual({ nodes: triangle.nodes, edgeIds: triangle.sides.flatMap((side) => side.edgeIds) });
		analysis.pathFrom = 'mongolia';
		analysis.pathTo = 'china';
		analysis.toggle('path');
		const path = shortestPath(brief, 'mongolia', 'china', { layer: 'cooperation', weighted: false });
		if (!path.found) throw new Error('Mongolia reaches China on the cooperation ties');
		expect(analysis.highlight).toEqual({ nodes: path.nodes, edgeIds: path.edgeIds, centre: ['mongolia', 'china'] });
	});

	it("adds a custom scenario's ties measure by measure: only the chosen measure's proposed edges", () => {
		const analysis = new AnalysisState(() => minimal);
		analysis.scenario = 'custom';
		expect(analysis.addedEdges).toEqual([]);
		analysis.toggleMeasure('join-forum', true);
		expect(analysis.addedEdges).toEqual(['b--forum--membership']);
		expect(analysis.comparison?.alternative.label).toBe('With join-forum');
		analysis.toggleMeasure('join-forum', false);
		expect(analysis.customMeasures).toEqual([]);
	});

	it('takes nodes and ties out once each and puts them back, and has no what-if while nothing is out', () => {
		const analysis = new AnalysisState(() => minimal);
		expect(analysis.whatIf).toBeNull();
		analysis.removeNode('b');
		analysis.removeNode('b');
		analysis.removeEdge('a--b--alliance');
		expect(analysis.removedNodes).toEqual(['b']);
		expect(analysis.whatIf?.removed).toEqual({ nodes: ['b'], edges: ['a--b--alliance'] });
		expect(analysis.whatIf?.rows.find((row) => row.id === 'b')?.after).toBeNull();
		analysis.restore('b');
		analysis.restore('a--b--alliance');
		expect(analysis.whatIf).toBeNull();
	});

	it("sizes nodes by the chosen metric's values and colours them only while communities are asked for", () => {
		const analysis = new AnalysisState(() => minimal);
		analysis.computeMetrics();
		expect(analysis.nodeMetric).toBeNull();
		analysis.sizeBy = 'degree';
		// cooperation layer, proposed tie left out: a - b only, forum isolated; degree centrality = degree / (n - 1)
		expect(analysis.nodeMetric).toEqual({ a: 0.5, b: 0.5, forum: 0 });
		expect(analysis.nodeColours).toBeNull();
		analysis.colourCommunities = true;
		expect(Object.keys(analysis.nodeColours ?? {}).sort()).toEqual(['a', 'b', 'forum']);
	});
});
