import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bridgeHighlight, bridgeReport, brokerReport, computeMetrics, defaultLayer, shortestPath, structuralBalance } from '$lib/analysis';
import { parseDataset, type Dataset } from '$lib/model';
import { AnalysisState } from '$lib/state/analysis.svelte';
import { briefDataset, fixture } from './paths';
import { ViewBox } from './view-box.svelte';

function load(path: string): Dataset {
	const result = parseDataset(readFileSync(path, 'utf8'));
	if (!result.ok) throw new Error(`${path} must be valid`);
	return result.dataset;
}

const brief = load(briefDataset);
const minimal = load(fixture('datasets', 'minimal.json'));

function state(dataset: Dataset) {
	const box = new ViewBox();
	return { box, analysis: new AnalysisState(() => dataset, () => box.view, box.go) };
}

describe('AnalysisState reads every choice from the view and changes it only through go', () => {
	it('keeps the metrics of a dataset and layer until either changes, and then forgets them', () => {
		const { box, analysis } = state(brief);
		const stop = analysis.metricsLifetime();
		analysis.computeMetrics();
		const first = analysis.metrics;
		expect(first).toEqual(computeMetrics(brief, defaultLayer(brief)));
		// Shown again (the panel closed and opened): the same results, not computed again.
		analysis.computeMetrics();
		expect(analysis.metrics).toBe(first);
		// Another layer: the old lifetime's end forgets them; a lifetime that ends after a newer run keeps that run.
		const layer = { ...defaultLayer(brief), kind: 'all' as const };
		analysis.setLayer({ kind: 'all' });
		const next = analysis.metricsLifetime();
		stop();
		expect(analysis.metrics).toBeNull();
		analysis.computeMetrics();
		expect(analysis.metrics).toEqual(computeMetrics(brief, layer));
		stop();
		expect(analysis.metrics).toEqual(computeMetrics(brief, layer));
		box.go({ layer: [] });
		next();
		expect(analysis.metrics).toBeNull();
	});

	it('takes the United States as the default broker, else the node of highest betweenness, as the CLI and the API do', () => {
		expect(state(brief).analysis.brokerId).toBe('united-states');
		// minimal.json: a - b and an isolated forum, all of betweenness 0: the first in the file
		expect(state(minimal).analysis.brokerId).toBe('a');
		const star = { ...minimal, edges: [...minimal.edges, { ...minimal.edges[0]!, id: 'b--forum', source: 'b', target: 'forum', status: 'active' as const, measure: null }] };
		expect(state(star).analysis.brokerId).toBe('b');
	});

	it('resolves the layer from the view against the dataset’s default, and writes only what differs', () => {
		const { box, analysis } = state(brief);
		expect(analysis.layer).toEqual(defaultLayer(brief));
		expect(analysis.layerSentence).toBe('Active cooperation ties as of June 2014');
		analysis.setLayer({ kind: 'all', statuses: ['active', 'stalled'] });
		expect(box.view.layer).toEqual([
			['layer.kind', 'all'],
			['layer.status', 'active,stalled']
		]);
		expect(analysis.layer).toMatchObject({ kind: 'all', statuses: ['active', 'stalled'], asOf: '2014-06' });
	});

	it('names a layer parameter of the URL it cannot read, and keeps the default', () => {
		const { box, analysis } = state(brief);
		box.go({ layer: [['layer.kind', 'rivalry']] });
		expect(analysis.layer.kind).toBe('cooperation');
		expect(analysis.layerProblems).toEqual(['layer.kind: "rivalry" is not one of cooperation, friction, all']);
	});

	it("lights up the broker report's highlight and clears it on a second toggle", () => {
		const { box, analysis } = state(brief);
		analysis.toggle('broker');
		expect(box.view.highlight).toBe('broker');
		expect(analysis.highlight).toEqual(brokerReport(brief, 'united-states', defaultLayer(brief)).highlight);
		analysis.toggle('broker');
		expect(analysis.highlight).toBeNull();
	});

	it('keeps the highlight in step with the broker and the layer chosen after it was switched on', () => {
		const { analysis } = state(brief);
		analysis.toggle('broker');
		analysis.setBroker('japan');
		analysis.setLayer({ kind: 'all' });
		expect(analysis.highlight).toEqual(brokerReport(brief, 'japan', { ...defaultLayer(brief), kind: 'all' }).highlight);
	});

	it('lights up one unbalanced triad by its index, and a shortest path with its ends at the centre', () => {
		const { analysis } = state(brief);
		const layer = defaultLayer(brief);
		const triangle = structuralBalance(brief, layer).unbalancedTriangles[0]!;
		analysis.toggle('triad-0');
		expect(analysis.highlight).toEqual({ nodes: triangle.nodes, edgeIds: triangle.sides.flatMap((side) => side.edgeIds) });
		analysis.setPath('from', 'mongolia');
		analysis.setPath('to', 'china');
		analysis.toggle('path');
		const path = shortestPath(brief, 'mongolia', 'china', layer);
		if (!path.found) throw new Error('Mongolia reaches China on the cooperation ties');
		expect(analysis.highlight).toEqual({ nodes: path.nodes, edgeIds: path.edgeIds, centre: ['mongolia', 'china'] });
	});

	it("adds a scenario's proposals measure by measure: only the chosen measure's proposed edges", () => {
		const { box, analysis } = state(minimal);
		expect(analysis.addedEdges).toEqual(['b--forum--membership']);
		analysis.setScenario([]);
		expect(analysis.addedEdges).toEqual([]);
		analysis.toggleMeasure('join-forum', true);
		expect(box.view.scenario).toEqual(['join-forum']);
		expect(analysis.addedEdges).toEqual(['b--forum--membership']);
		expect(analysis.comparison?.alternative.label).toBe('Active cooperation ties as of June 2014, with the proposals of “B joins the forum”');
		analysis.toggleMeasure('join-forum', false);
		expect(box.view.scenario).toEqual([]);
	});

	it('takes nodes and ties out once each and puts them back, and has no what-if while nothing is out', () => {
		const { box, analysis } = state(minimal);
		expect(analysis.whatIf).toBeNull();
		analysis.removeNode('b');
		analysis.removeNode('b');
		analysis.removeEdge('a--b--alliance');
		expect(box.view.without).toEqual({ nodes: ['b'], edges: ['a--b--alliance'] });
		expect(analysis.whatIf?.removed).toEqual({ nodes: ['b'], edges: ['a--b--alliance'] });
		expect(analysis.whatIf?.rows.find((row) => row.id === 'b')?.after).toBeNull();
		analysis.restore('b');
		analysis.restore('a--b--alliance');
		expect(analysis.whatIf).toBeNull();
	});

	it('says when the picture needs the metrics, and computes communities only while nodes are coloured by them', () => {
		const { box, analysis } = state(minimal);
		expect(analysis.metricsShown).toBe(false);
		analysis.setAppearance('size', 'metric:degree');
		expect(box.view.size).toBe('metric:degree');
		expect(analysis.metricsShown).toBe(true);
		analysis.setAppearance('colour', 'attr:group');
		analysis.setAppearance('size', null);
		expect(analysis.metricsShown).toBe(false);
		expect(analysis.communities).toBeNull();
		analysis.setAppearance('colour', 'community');
		expect(Object.keys(analysis.communities?.byNode ?? {}).sort()).toEqual(['a', 'b', 'forum']);
	});

	it('says what its highlight lights up: the broker, a path, what is taken out', () => {
		const { analysis } = state(brief);
		expect(analysis.lit).toBeNull();
		analysis.toggle('broker');
		expect(analysis.lit).toEqual({ kind: 'broker', broker: 'United States' });
		analysis.setPath('from', 'mongolia');
		analysis.setPath('to', 'china');
		analysis.toggle('path');
		expect(analysis.lit).toEqual({ kind: 'path', from: 'Mongolia', to: 'China' });
		analysis.removeNode('china');
		analysis.toggle('whatif');
		expect(analysis.lit).toEqual({ kind: 'whatif', removed: ['China'] });
	});

	it('opens the bridge view on Japan, South Korea and the United States by default, its picture following the layer and field', () => {
		const { analysis } = state(brief);
		const layer = defaultLayer(brief);
		expect(analysis.bridgePair).toEqual(['japan', 'south-korea']);
		const report = bridgeReport(brief, ['japan', 'south-korea'], 'united-states', layer);
		expect(analysis.bridge).toEqual(report);
		expect(analysis.bridgeHighlight).toEqual(bridgeHighlight(brief, report, report.current.slices[0]!));
		analysis.setBridge({ field: 'defense' });
		analysis.setLayer({ statuses: ['active', 'proposed'] });
		const withProposals = bridgeReport(brief, ['japan', 'south-korea'], 'united-states', { ...layer, statuses: ['active', 'proposed'] });
		const defense = withProposals.proposals!.slices.find((slice) => slice.domain === 'defense')!;
		expect(analysis.bridgeHighlight).toEqual(bridgeHighlight(brief, withProposals, defense));
	});

	it('has no bridge when the pair is not two nodes of the dataset or the broker is one of them', () => {
		const { analysis } = state(minimal);
		expect(analysis.bridgePair).toBeNull();
		analysis.setBridge({ a: 'a', b: 'b' });
		expect(analysis.bridgePair).toEqual(['a', 'b']);
		analysis.setBroker('a');
		expect(analysis.bridge).toBeNull();
	});
});
