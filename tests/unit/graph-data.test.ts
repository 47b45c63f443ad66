import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOMAINS, parseDataset, type Dataset } from '$lib/model';
import { briefDataset, repoRoot } from './paths';

const dir = join(repoRoot, 'graph-data');

describe('graph-data/', () => {
	it.each(readdirSync(dir).filter((name) => name.endsWith('.json') && name !== 'schema.json'))('%s is a valid curated dataset', (name) => {
		const result = parseDataset(readFileSync(join(dir, name), 'utf8'));
		expect(result.ok ? [] : result.problems).toEqual([]);
	});
});

describe('the brief dataset (japan-korea-2014.json)', () => {
	const result = parseDataset(readFileSync(briefDataset, 'utf8'));
	if (!result.ok) throw new Error('graph-data/japan-korea-2014.json must validate');
	const dataset: Dataset = result.dataset;
	const measures = dataset.measures ?? [];
	const byId = new Map(dataset.nodes.map((node) => [node.id, node]));

	it('has the size the brief supports: roughly 30-50 actors and 80+ relations', () => {
		expect(dataset.nodes.length).toBeGreaterThanOrEqual(30);
		expect(dataset.nodes.length).toBeLessThanOrEqual(50);
		expect(dataset.edges.length).toBeGreaterThanOrEqual(80);
	});

	it('holds the actors the brief is about, with their aliases', () => {
		for (const [id, alias] of [
			['japan', 'Tokyo'],
			['south-korea', 'ROK'],
			['united-states', 'Washington'],
			['china', 'Beijing'],
			['north-korea', 'DPRK']
		] as const) {
			expect(byId.get(id)?.aliases, id).toContain(alias);
		}
	});

	it('describes, types and groups every node, and connects each to the network', () => {
		const ends = new Set(dataset.edges.flatMap((edge) => [edge.source, edge.target]));
		for (const node of dataset.nodes) {
			expect(node.type, node.id).toBeTruthy();
			expect(node.group, node.id).toBeTruthy();
			expect(node.description?.length ?? 0, node.id).toBeGreaterThan(20);
			expect(ends.has(node.id), `${node.id} has no edge`).toBe(true);
		}
	});

	it('ties every proposal to a measure and every measure to the edges it would create', () => {
		for (const edge of dataset.edges) {
			expect(edge.status === 'proposed', `${edge.id}: status ${edge.status}, measure ${String(edge.measure)}`).toBe(edge.measure != null);
		}
		for (const measure of measures) {
			expect(dataset.edges.some((edge) => edge.measure === measure.id), `${measure.id} has no edge`).toBe(true);
			expect(measure.usRole?.length ?? 0, `${measure.id} usRole`).toBeGreaterThan(20);
			expect(measure.evidence?.length ?? 0, `${measure.id} evidence`).toBeGreaterThan(0);
		}
		expect(new Set(measures.map((measure) => measure.domain))).toEqual(new Set(DOMAINS));
	});

	it('has both kinds of tie, all three fields, and the three statuses', () => {
		expect(new Set(dataset.edges.map((edge) => edge.kind))).toEqual(new Set(['cooperation', 'friction']));
		expect(new Set(dataset.edges.map((edge) => edge.domain))).toEqual(new Set(DOMAINS));
		expect(new Set(dataset.edges.map((edge) => edge.status))).toEqual(new Set(['active', 'stalled', 'proposed']));
	});

	it('cites a primary source wherever a footnote backs a quote, and lists no source nobody uses', () => {
		const evidence = [...dataset.edges.flatMap((edge) => edge.evidence), ...measures.flatMap((measure) => measure.evidence ?? [])];
		const used = new Set(evidence.flatMap((item) => [item.source, item.cites]));
		for (const source of dataset.sources ?? []) expect(used.has(source.id), `${source.id} is never used`).toBe(true);
		for (const edge of dataset.edges) {
			for (const item of edge.evidence) {
				expect(item.locator, `${edge.id} locator`).toBeTruthy();
				if (/^footnote \d+$/.test(item.locator ?? '')) expect(item.cites, `${edge.id} quotes ${item.locator} without citing it`).toBeTruthy();
			}
		}
	});

	it('gives the United States direct cooperation ties with both of its allies', () => {
		const coop = (a: string, b: string) =>
			dataset.edges.some((e) => e.kind === 'cooperation' && e.status === 'active' && ((e.source === a && e.target === b) || (e.source === b && e.target === a)));
		expect(coop('united-states', 'japan')).toBe(true);
		expect(coop('united-states', 'south-korea')).toBe(true);
	});
});
