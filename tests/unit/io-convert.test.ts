import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDatasetFromPath } from '../../src/lib/io/node';
import { loadDataset } from './io-helpers';
import { fixture, repoRoot } from './paths';

function convert(...args: string[]) {
	const run = spawnSync(process.execPath, [join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(repoRoot, 'src', 'cli', 'convert.ts'), ...args], { cwd: repoRoot, encoding: 'utf8' });
	return { code: run.status, out: run.stdout.trim(), err: run.stderr.trim() };
}

describe('npm run convert -- IN OUT', () => {
	const source = fixture('io', 'east-asia.json');
	const dataset = loadDataset(source);

	it('converts JSON to GraphML to GEXF and back to JSON without losing anything', () => {
		const dir = mkdtempSync(join(tmpdir(), 'convert-'));
		const steps = [join(dir, 'a.graphml'), join(dir, 'b.gexf'), join(dir, 'c.json')];
		let input = source;
		for (const output of steps) {
			expect(convert(input, output)).toEqual({ code: 0, out: `wrote ${output} (8 nodes, 13 edges)`, err: '' });
			input = output;
		}
		expect(JSON.parse(readFileSync(steps[2]!, 'utf8'))).toEqual(dataset);
	});

	it('writes CSV as two tables named after OUT, and reads the pair back from either name', () => {
		const dir = mkdtempSync(join(tmpdir(), 'convert-'));
		expect(convert(source, join(dir, 'ties.csv')).out.split('\n')).toEqual([
			`wrote ${join(dir, 'ties.nodes.csv')} (8 nodes, 13 edges)`,
			`wrote ${join(dir, 'ties.edges.csv')} (8 nodes, 13 edges)`
		]);
		expect(convert(source, join(dir, 'edges.csv')).code).toBe(0);
		expect(readdirSync(dir).sort()).toEqual(['edges.csv', 'nodes.csv', 'ties.edges.csv', 'ties.nodes.csv']);
		for (const name of ['ties.edges.csv', 'ties.nodes.csv', 'edges.csv']) {
			const result = readDatasetFromPath(join(dir, name));
			expect(result.ok && result.dataset.nodes.map((node) => node.label)).toEqual(dataset.nodes.map((node) => node.label));
		}
	});

	it('gives one clear line and exit 1 for a bad input file, and writes nothing', () => {
		const dir = mkdtempSync(join(tmpdir(), 'convert-'));
		const bad = join(dir, 'bad.gexf');
		writeFileSync(bad, '<gexf version="1.3">\n  <graph>\n    <nodes>\n  </graph>\n</gexf>\n');
		const out = join(dir, 'out.json');
		expect(convert(bad, out)).toEqual({ code: 1, out: '', err: `${bad}: line 4, column 3: malformed XML: Expected closing tag 'nodes' (opened in line 3, col 5) instead of closing tag 'graph'.` });
		expect(existsSync(out)).toBe(false);
	});

	it('refuses a missing file, an unknown output extension and a wrong number of arguments', () => {
		expect(convert('no-such.json', 'out.json')).toEqual({ code: 1, out: '', err: 'no-such.json: no such file' });
		expect(convert(source, 'out.png')).toEqual({ code: 1, out: '', err: 'out.png: unknown output format: name it with one of .json, .graphml, .gexf, .csv' });
		expect(convert(source).code).toBe(1);
	});
});
