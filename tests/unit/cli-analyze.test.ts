import { spawnSync } from 'node:child_process';
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
	it('prints nodes, broker and balance as JSON, the metrics equal to networkx', () => {
		const result = analyze(sample, '--format', 'json');
		expect(result.code).toBe(0);
		const output = JSON.parse(result.out) as { nodes: Record<string, Record<string, number | null>>; broker: { broker: string; headline: string }; balance: { unbalanced: number } };
		expect(Object.keys(output)).toEqual(['nodes', 'broker', 'balance']);
		expect(Object.keys(output.nodes.japan!)).toEqual(['degree', 'weightedDegree', 'betweenness', 'closeness', 'harmonic', 'eigenvector', 'pagerank', 'constraint', 'effectiveSize']);
		const expected = loadReference('alliance-sample').cases.find((c) => c.layer === 'cooperation' && !c.weighted && !c.scenario && !c.removed)!.nodes;
		for (const [id, values] of Object.entries(expected)) expect(Math.abs(output.nodes[id]!.betweenness! - values.betweenness!)).toBeLessThan(1e-9);
		expect(output.broker.broker).toBe('united-states');
		expect(output.balance.unbalanced).toBeGreaterThan(0);
	});

	it('takes the layer, the weights and the broker, and prints CSV with one row per node', () => {
		const result = analyze(sample, '--layer', 'friction', '--weighted', '--broker', 'japan', '--format=csv');
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

	it('prints a readable table with the broker headline and the balance count', () => {
		const result = analyze(sample);
		expect(result.code).toBe(0);
		expect(result.out).toMatch(/^.*alliance-sample\.json: cooperation layer, unweighted, 8 nodes\nid +degree +weightedDegree/);
		expect(result.out).toContain('Broker: United States lies on shortest cooperation paths of');
		expect(result.out).toMatch(/Balance: 37 signed triangles, 22 balanced, 15 unbalanced \(59% balanced\)/);
	});

	it.each([
		[['no-such-file.json'], 'no-such-file.json: no such file'],
		[[fixture('datasets', 'invalid', 'syntax-error.json')], /syntax-error\.json: line \d+/],
		[[sample, '--layer', 'rivalry'], '--layer must be one of cooperation, friction, all, not "rivalry"'],
		[[sample, '--format', 'xml'], '--format must be one of table, json, csv, not "xml"'],
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
