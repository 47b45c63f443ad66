import { describe, expect, it } from 'vitest';
import { structuralBalance } from '../../src/lib/analysis/balance';
import { defaultLayer } from '../../src/lib/analysis/layer';
import type { Dataset, DatasetEdge } from '../../src/lib/model';

const tie = (source: string, target: string, kind: DatasetEdge['kind'], status: DatasetEdge['status'] = 'active'): DatasetEdge => ({
	id: `${source}-${target}-${kind}`,
	source,
	target,
	kind,
	status,
	evidence: []
});

// Four states. us-jp +, us-kr +, us-cn +, kr-cn +, jp-cn -, and jp-kr both + (trade) and - (history).
// Hand count, one signed triangle per choice of sign on each side:
//   {jp, kr, us}: (jp-kr +, jp-us +, kr-us +) product + balanced;   (jp-kr -, +, +) product - unbalanced
//   {cn, jp, us}: (cn-jp -, cn-us +, jp-us +) product - unbalanced
//   {cn, kr, us}: (+, +, +) balanced
//   {cn, jp, kr}: (cn-jp -, cn-kr +, jp-kr +) unbalanced;            (cn-jp -, cn-kr +, jp-kr -) product + balanced
// 6 triangles, 3 balanced, 3 unbalanced, share 0.5. A proposed jp-cn cooperation tie stays out.
const dataset: Dataset = {
	format: 'alliance-explorer/1',
	meta: { id: 'balance', title: 'Balance by hand' },
	nodes: ['us', 'jp', 'kr', 'cn'].map((id) => ({ id, label: id.toUpperCase() })),
	edges: [
		tie('us', 'jp', 'cooperation'),
		tie('us', 'kr', 'cooperation'),
		tie('us', 'cn', 'cooperation'),
		tie('kr', 'cn', 'cooperation'),
		tie('jp', 'cn', 'friction'),
		tie('jp', 'kr', 'cooperation'),
		tie('jp', 'kr', 'friction'),
		tie('jp', 'cn', 'cooperation', 'proposed')
	]
};

describe('structuralBalance', () => {
	const layer = defaultLayer(dataset);
	const report = structuralBalance(dataset, layer);

	it('counts every signed triangle, a pair tied both ways once per sign, whatever kind the layer names', () => {
		expect(report.total).toBe(6);
		expect(structuralBalance(dataset, { ...layer, kind: 'friction' })).toEqual(report);
		expect([report.balanced, report.unbalanced, report.shareBalanced]).toEqual([3, 3, 0.5]);
	});

	it('lists the unbalanced triads with their signs and edge ids', () => {
		const summary = report.unbalancedTriangles.map((t) => `${t.nodes.join(',')}: ${t.sides.map((s) => `${s.source}-${s.target}${s.sign > 0 ? '+' : '-'}`).join(' ')}`);
		expect(summary.sort()).toEqual([
			'us,jp,cn: us-jp+ us-cn+ jp-cn-',
			'us,jp,kr: us-jp+ us-kr+ jp-kr-',
			'jp,kr,cn: jp-kr+ jp-cn- kr-cn+'
		].sort());
		const allies = report.unbalancedTriangles.find((t) => t.nodes.join() === 'us,jp,kr')!;
		expect(allies.sides.map((s) => s.edgeIds)).toEqual([['us-jp-cooperation'], ['us-kr-cooperation'], ['jp-kr-friction']]);
	});

	it('names the pairs tied both ways and highlights the unbalanced triads', () => {
		expect(report.mixedPairs).toEqual([{ source: 'jp', target: 'kr', cooperation: ['jp-kr-cooperation'], friction: ['jp-kr-friction'] }]);
		expect(report.highlight.nodes.sort()).toEqual(['cn', 'jp', 'kr', 'us']);
		expect(report.highlight.edgeIds).not.toContain('jp-cn-cooperation');
	});

	it('counts the proposed tie when the layer takes the proposals in: jp-cn then has both signs too', () => {
		// {cn, jp, us} and {cn, jp, kr} each gain a jp-cn + reading: +1 balanced (cn-jp+ cn-us+ jp-us+),
		// and for {cn,jp,kr}: (cn-jp+, cn-kr+, jp-kr+) balanced, (cn-jp+, cn-kr+, jp-kr-) unbalanced. 9 triangles, 5 balanced.
		const all = structuralBalance(dataset, { ...layer, statuses: ['active', 'proposed'] });
		expect([all.total, all.balanced, all.unbalanced]).toEqual([9, 5, 4]);
	});

	it('lists the first unbalanced triads in node-id order and counts them all', () => {
		const listed = structuralBalance(dataset, { ...layer, statuses: ['active', 'proposed'] }, { limit: 2 });
		expect(listed.unbalanced).toBe(4);
		expect(listed.unbalancedTriangles.map((t) => t.nodes.join())).toEqual(['jp,kr,cn', 'jp,kr,cn']);
	});

	it('reports no share when there is no triangle', () => {
		expect(structuralBalance({ ...dataset, edges: dataset.edges.slice(0, 2) }, layer)).toMatchObject({ total: 0, unbalancedTriangles: [], shareBalanced: null });
	});
});
