import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { briefDataset, briefTexts, fixture, hasBrief, repoRoot } from './paths';

function validate(...args: string[]) {
	const run = spawnSync(process.execPath, [join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(repoRoot, 'src', 'cli', 'validate.ts'), ...args], {
		cwd: repoRoot,
		encoding: 'utf8'
	});
	return { code: run.status, out: run.stdout.trim().split('\n'), err: run.stderr.trim() };
}

describe('npm run validate', () => {
	it('prints OK with the counts for a valid file and exits 0', () => {
		const file = fixture('datasets', 'minimal.json');
		expect(validate(file)).toEqual({ code: 0, out: [`OK ${file} (3 nodes, 3 edges, 4 quotes)`], err: '' });
	});

	it('prints one line per problem as FILE: path: message and exits 1, without a stack trace', () => {
		const file = fixture('datasets', 'invalid', 'several-problems.json');
		const result = validate(file);
		expect(result.code).toBe(1);
		expect(result.out).toEqual([
			`${file}: edges[0].target: no node with id "c" in nodes`,
			`${file}: edges[1].kind: must be one of cooperation, friction, not "rivalry"`,
			`${file}: edges[2].evidence[0].quote: must not be empty`
		]);
		expect(result.err).toBe('');
	});

	it('gives one clear line for a missing file and for a directory, and goes on with the rest', () => {
		const good = fixture('datasets', 'minimal.json');
		const result = validate('no-such-file.json', fixture('datasets'), good);
		expect(result.code).toBe(1);
		expect(result.out).toEqual(['no-such-file.json: no such file', `${fixture('datasets')}: is a directory, not a file`, expect.stringMatching(/^OK /)]);
	});

	it('reads GraphML, GEXF and CSV (by name or by content) as analyze does, each problem at its line, and goes on with the rest', () => {
		const graphml = fixture('io', 'typed.graphml');
		const gexf = fixture('io', 'multigraph.gexf');
		const csv = fixture('io', 'spreadsheet-edges.csv');
		const broken = fixture('io', 'spreadsheet-broken-edges.csv');
		const unnamed = join(mkdtempSync(join(tmpdir(), 'validate-')), 'network.txt');
		copyFileSync(graphml, unnamed);
		// An edge list with no nodes table beside it: the nodes come from its ends, and a self-loop is a tie.
		const alone = join(mkdtempSync(join(tmpdir(), 'validate-')), 'trade.csv');
		writeFileSync(alone, 'source,target\n1,2\n2,3\n3,3\n');
		const result = validate(graphml, gexf, csv, broken, unnamed, alone, fixture('datasets', 'minimal.json'));
		expect(result.code).toBe(1);
		expect(result.out).toEqual([
			`OK ${graphml} (read as GraphML, as the page imports it: 4 nodes, 3 edges, 0 quotes)`,
			`OK ${gexf} (read as GEXF 1.3 (Gephi), as the page imports it: 4 nodes, 6 edges, 0 quotes)`,
			`OK ${csv} (read as CSV (spreadsheet-edges.csv and spreadsheet-nodes.csv), as the page imports it: 4 nodes, 4 edges, 1 quote)`,
			`${broken}: line 4, column weight: must be a number, not "heavy"`,
			`OK ${unnamed} (read as GraphML, as the page imports it: 4 nodes, 3 edges, 0 quotes)`,
			`OK ${alone} (read as CSV (trade.csv), as the page imports it: 3 nodes, 3 edges, 0 quotes)`,
			expect.stringMatching(/^OK /)
		]);
		expect(result.err).toBe('');
	});

	it('lists every problem of a GraphML file that analyze names only the first of', () => {
		const dir = mkdtempSync(join(tmpdir(), 'validate-'));
		const file = join(dir, 'weights.graphml');
		const nodes = ['a', 'b0', 'b1', 'b2', 'b3'].map((id) => `<node id="${id}"/>`).join('');
		const edges = [0, -1.5, 2, 0].map((weight, i) => `<edge source="a" target="b${i}"><data key="w">${weight}</data></edge>`).join('\n');
		writeFileSync(
			file,
			`<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n<key id="w" for="edge" attr.name="weight" attr.type="double"/>\n<graph edgedefault="undirected">${nodes}\n${edges}\n</graph>\n</graphml>\n`
		);
		const result = validate(file);
		expect(result.code).toBe(1);
		expect(result.out).toEqual([
			`${file}: line 5, edges[0].weight: must be a positive number`,
			`${file}: line 6, edges[1].weight: must be a positive number`,
			`${file}: line 8, edges[3].weight: must be a positive number`
		]);
	});

	it('refuses a malformed --source with a usage line', () => {
		const result = validate('--source', 'brief', fixture('datasets', 'minimal.json'));
		expect(result.code).toBe(1);
		expect(result.err).toMatch(/^--source wants ID=TEXTFILE/);
	});

	it.skipIf(!hasBrief)('with --source checks every quote of that source against the text', () => {
		const file = fixture('datasets', 'quote-check.json');
		const result = validate(file, ...briefTexts.flatMap((text) => ['--source', `brief=${text}`]));
		expect(result.code).toBe(1);
		expect(result.out.map((line) => line.split(': ').slice(1, 3).join(': '))).toEqual([
			'edges[6].evidence[0].quote: not verbatim in ' + briefTexts.join(' + '),
			'edges[7].evidence[0].quote: not verbatim in ' + briefTexts.join(' + '),
			'measures[0].evidence[0].quote: not verbatim in ' + briefTexts.join(' + ')
		]);
	});

	it.skipIf(!hasBrief)('validates the shipped brief dataset with every quote verbatim', () => {
		const result = validate(briefDataset, '--source', `brief=${briefTexts[1]}`, '--source', `brief=${briefTexts[0]}`);
		expect(result.code).toBe(0);
		expect(result.out[0]).toMatch(/^OK .*japan-korea-2014\.json \(\d+ nodes, \d+ edges, \d+ quotes, quotes from brief verbatim\)$/);
	});
});
