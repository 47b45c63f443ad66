import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReference } from './analysis-reference';
import { fixture, repoRoot } from './paths';

function analyze(...args: string[]) {
	const run = spawnSync(process.execPath, [join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(repoRoot, 'src', 'cli', 'analyze.ts'), ...args], {
		cwd: repoRoot,
		encoding: 'utf8'
	});
	return { code: run.status, out: run.stdout, err: run.stderr.trim() };
}

const sample = fixture('analysis', 'graphs', 'alliance-sample.json');

describe('npm run analyze', () => {
	it('prints the layer, nodes, broker and balance as JSON, the metrics equal to networkx', () => {
		const result = analyze(sample, '--format', 'json');
		expect(result.code).toBe(0);
		const output = JSON.parse(result.out) as {
			description: string;
			nodes: Record<string, Record<string, number | null>>;
			broker: { broker: string; headline: string };
			balance: { unbalanced: number };
		};
		expect(Object.keys(output)).toEqual(['layer', 'description', 'nodes', 'blank', 'broker', 'balance']);
		expect(output.description).toMatch(/^Active cooperation ties as of 30 June 2014\. Parallel ties between two nodes count once/);
		expect(Object.keys(output.nodes.japan!)).toEqual(['degree', 'weightedDegree', 'betweenness', 'closeness', 'harmonic', 'eigenvector', 'pagerank', 'constraint', 'effectiveSize']);
		const expected = loadReference('alliance-sample').cases[0]!.nodes;
		for (const [id, values] of Object.entries(expected)) expect(Math.abs(output.nodes[id]!.betweenness! - values.betweenness!)).toBeLessThan(1e-9);
		expect(output.broker.broker).toBe('united-states');
		expect(output.balance.unbalanced).toBeGreaterThan(0);
	});

	it('takes the layer, the weights and the broker, and prints CSV with one row per node', () => {
		const result = analyze(sample, '--kind', 'friction', '--weighted', '--broker', 'japan', '--format=csv');
		expect(result.code).toBe(0);
		const lines = result.out.trim().split('\n');
		expect(lines[0]).toBe('id,degree,weightedDegree,betweenness,closeness,harmonic,eigenvector,pagerank,constraint,effectiveSize');
		expect(lines).toHaveLength(9);
		// On the friction layer Russia has no tie: constraint and effective size are undefined, left empty.
		expect(lines.find((line) => line.startsWith('russia,'))).toMatch(/,,$/);
	});

	it('reads edges without a kind as cooperation (a plain graph from elsewhere)', () => {
		const result = analyze(fixture('analysis', 'graphs', 'path.json'), '--format', 'json');
		const output = JSON.parse(result.out) as { nodes: Record<string, { degree: number }>; broker: { broker: string } };
		expect(output.nodes.c!.degree).toBeCloseTo(0.4, 15);
		// No united-states in the file: the broker is the node of highest betweenness (c and d tie; c comes first).
		expect(output.broker.broker).toBe('c');
	});

	it('takes every layer choice by name, as the API and the page do', () => {
		const result = analyze(sample, '--status', 'active,stalled,proposed', '--as-of', 'any', '--strength', 'sum', '--fields', 'defense,diplomacy', '--format', 'json');
		const output = JSON.parse(result.out) as { layer: unknown; description: string };
		expect(output.layer).toEqual({ kind: 'cooperation', domains: ['defense', 'diplomacy'], statuses: ['active', 'stalled', 'proposed'], measures: null, asOf: null, strength: 'sum', weighted: false });
		expect(output.description).toMatch(/^Active and stalled cooperation ties in defense and diplomacy at any date, with the brief's proposals\./);
	});

	it('prints a readable table with the layer, the broker headline and the balance count', () => {
		const result = analyze(sample);
		expect(result.code).toBe(0);
		expect(result.out).toMatch(/^.*alliance-sample\.json: 8 nodes\. Active cooperation ties as of 30 June 2014\. Parallel ties .*\nid +degree +weightedDegree/);
		expect(result.out).toContain('Broker: On active cooperation ties as of 30 June 2014: United States lies on no shortest route between any two other nodes.');
		expect(result.out).toMatch(/Balance: 18 signed triangles, 10 balanced, 8 unbalanced \(56% balanced\)/);
	});

	it('lists only --pairs pairs and triangles, saying how many more there are', () => {
		const result = analyze(sample, '--pairs', '2');
		expect(result.out).toContain('  … 6 more (--pairs N lists more)');
	});

	it('streams one JSON object per line with --format ndjson: the layer, each node, the broker, balance', () => {
		const lines = analyze(sample, '--format', 'ndjson').out.trim().split('\n').map((line) => JSON.parse(line) as { type: string; id?: string });
		expect(lines.map((line) => line.type)).toEqual(['layer', ...Array(8).fill('node'), 'broker', 'balance']);
		expect(lines[1]).toMatchObject({ type: 'node', id: 'united-states' });
	});

	it('on a chain where eigenvector does not settle, leaves it blank, says why, and gives every other measure and report', () => {
		const dir = mkdtempSync(join(tmpdir(), 'chain-'));
		const file = join(dir, 'chain.csv');
		writeFileSync(file, `source,target\n${Array.from({ length: 999 }, (_, i) => `p${i},p${i + 1}`).join('\n')}\n`);
		try {
			const json = analyze(file, '--format', 'json');
			expect(json.code).toBe(0);
			const output = JSON.parse(json.out) as { nodes: Record<string, Record<string, number | null>>; blank: Array<{ metric: string; why: string }>; broker: { broker: string } };
			expect(output.blank).toEqual([{ metric: 'eigenvector', why: expect.stringMatching(/^its power iteration .* did not settle within 10,000 rounds/) }]);
			expect(output.nodes.p0).toMatchObject({ eigenvector: null, degree: 1 / 999 });
			// The middle of the chain: p499 and p500 lie on the most shortest paths; the first in the file wins.
			expect(output.broker.broker).toBe('p499');
			const table = analyze(file);
			expect(table.out).toMatch(/\nEigenvector is blank: its power iteration .* networkx stops with an error there too\.\n/);
			const csv = analyze(file, '--format', 'csv');
			expect(csv.code).toBe(0);
			expect(csv.err).toMatch(/^note: Eigenvector is blank: /);
			expect(csv.out.split('\n')[1]).toMatch(/^p0,(?:[^,]+,){5},[^,]+,[^,]+,[^,]+$/);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('on a chain of 2,001 nodes, searched on worker threads, reports on the middle node though another has the highest degree', () => {
		// p0 - p1 - … - p2000, worked by hand: p1000 lies on the only path of each of the 1000 · 1000 pairs across it, so
		// its betweenness is 10^6 / (2000 · 1999 / 2), the highest, and removing it cuts all of them apart. Efficiency is
		// 2 Σ (n - d) / d over d = 1…n-1, over n(n - 1), with it; without it, twice that of a chain of 1000 over
		// (n - 1)(n - 2) (both by exact fractions in python). p1 comes first of the nodes of highest degree (2).
		const dir = mkdtempSync(join(tmpdir(), 'chain-'));
		const file = join(dir, 'chain.csv');
		writeFileSync(file, `source,target\n${Array.from({ length: 2000 }, (_, i) => `p${i},p${i + 1}`).join('\n')}\n`);
		try {
			const json = analyze(file, '--format', 'json', '--pairs', '2');
			expect(json.code).toBe(0);
			const { broker } = JSON.parse(json.out) as {
				broker: {
					broker: string;
					ranks: Array<{ metric: string; value: number; rank: number }>;
					bridged: { total: number; sole: number; top: Array<{ share: number; distance: number }> };
					removal: { components: { before: number; after: number }; efficiency: { before: number; after: number }; disconnected: number; lengthened: number };
				};
			};
			expect(broker.broker).toBe('p1000');
			const betweenness = broker.ranks.find((rank) => rank.metric === 'betweenness')!;
			expect(betweenness.rank).toBe(1);
			expect(betweenness.value).toBeCloseTo(1e6 / 1_999_000, 14);
			expect(broker.bridged).toMatchObject({ total: 1e6, sole: 1e6 });
			expect(broker.bridged.top.map((pair) => pair.share)).toEqual([1, 1]);
			expect(broker.removal).toMatchObject({ components: { before: 1, after: 2 }, disconnected: 1e6, lengthened: 0 });
			expect(broker.removal.efficiency.before).toBeCloseTo(0.00717886785373522, 14);
			expect(broker.removal.efficiency.after).toBeCloseTo(0.0064887152181594245, 14);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it.each([
		[['no-such-file.json'], 'no-such-file.json: no such file'],
		[[fixture('datasets', 'invalid', 'syntax-error.json')], /syntax-error\.json: line \d+/],
		[[sample, '--kind', 'rivalry'], `${sample}: --kind: "rivalry" is not one of cooperation, friction, all`],
		[[sample, '--as-of', 'June'], `${sample}: --as-of: "June" is not a date like 2014, 2014-06 or 2014-06-30, or "any"`],
		[[sample, '--pairs', 'many'], '--pairs needs a whole number of pairs to list (0 or more)'],
		[[sample, '--format', 'xml'], '--format must be one of table, json, csv, ndjson, not "xml"'],
		[[sample, '--broker', 'atlantis'], `${sample}: --broker: no node with id "atlantis"`],
		[[], /^no file given; usage: npm run analyze -- FILE/]
	])('refuses %j with one line and exit 1', (args, message) => {
		const result = analyze(...args);
		expect(result.code).toBe(1);
		expect(result.err.split('\n')).toHaveLength(1);
		expect(result.err).toMatch(message);
		expect(result.out).toBe('');
	});
});
