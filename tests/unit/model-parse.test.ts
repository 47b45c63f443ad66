import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDataset, serializeDataset, validateDataset, type Problem } from '$lib/model';
import { fixture } from './paths';

const read = (name: string) => readFileSync(fixture('datasets', name), 'utf8');
const problemsOf = (name: string): Array<[string, string]> => {
	const result = parseDataset(read(`invalid/${name}.json`));
	if (result.ok) throw new Error(`${name} parsed without problems`);
	return result.problems.map((p: Problem) => [p.path, p.message]);
};

describe('parseDataset', () => {
	it('accepts the minimal valid dataset and keeps it as written', () => {
		const result = parseDataset(read('minimal.json'));
		expect(result.ok).toBe(true);
		if (result.ok) expect(result.dataset).toEqual(JSON.parse(read('minimal.json')));
	});

	it('reports a JSON syntax error with its line and column', () => {
		const result = parseDataset(read('invalid/syntax-error.json'));
		expect(result).toEqual({
			ok: false,
			problems: [{ path: 'line 4, column 3', message: `invalid JSON: expected ',' or '}' after property value, found "\\""`, line: 4, column: 3 }]
		});
	});

	it('locates syntax errors inside strings, at the end of file and after the value', () => {
		const at = (text: string) => {
			const result = parseDataset(text);
			return result.ok ? null : result.problems[0];
		};
		expect(at('{"a": "x\ny"}')).toMatchObject({ line: 1, column: 9, message: expect.stringContaining('unescaped control character') });
		expect(at('{\n  "a": [1, 2')).toMatchObject({ line: 2, column: 13, message: expect.stringContaining('found end of file') });
		expect(at('{}\n{}')).toMatchObject({ line: 2, column: 1, message: expect.stringContaining('unexpected text after the end') });
		expect(at('')).toMatchObject({ line: 1, column: 1 });
	});

	it.each([
		['duplicate-edge-id', [['edges[1].id', 'duplicate id "a--b--alliance" (first used at edges[0])']]],
		['duplicate-measure-id', [['measures[1].id', 'duplicate id "join-forum" (first used at measures[0])']]],
		[
			'duplicate-node-id',
			[
				['edges[2].target', 'no node with id "forum" in nodes'],
				['nodes[2].id', 'duplicate id "a" (first used at nodes[0])']
			]
		],
		[
			'duplicate-source-id',
			[
				['edges[0].evidence[0].cites', 'no source with id "statement" in sources'],
				['sources[1].id', 'duplicate id "brief" (first used at sources[0])']
			]
		],
		['dangling-source', [['edges[1].source', 'no node with id "nowhere" in nodes']]],
		['dangling-target', [['edges[0].target', 'no node with id "c" in nodes']]],
		['dangling-cites', [['edges[0].evidence[0].cites', 'no source with id "missing-doc" in sources']]],
		['dangling-evidence-source', [['edges[1].evidence[0].source', 'no source with id "unknown" in sources']]],
		['dangling-measure', [['edges[2].measure', 'no measure with id "no-such-measure" in measures']]],
		['bad-kind', [['edges[0].kind', 'must be one of cooperation, friction, not "alliance"']]],
		['bad-status', [['edges[1].status', 'must be one of active, stalled, proposed, not "frozen"']]],
		['bad-domain', [['edges[2].domain', 'must be one of diplomacy, defense, economics, not "culture"']]],
		['bad-measure-domain', [['measures[0].domain', 'must be one of diplomacy, defense, economics, not "trade"']]],
		['bad-date', [['edges[1].since', 'must be a date like 2014, 2014-06 or 2014-06-30']]],
		['impossible-date', [['edges[1].since', 'must be a date like 2014, 2014-06 or 2014-06-30']]],
		['since-after-until', [['edges[0].until', 'must not be before since (2014-06)']]],
		['weight-zero', [['edges[0].weight', 'must be a positive number']]],
		['weight-string', [['edges[0].weight', 'must be a number, not "3"']]],
		['no-evidence', [['edges[2].evidence', 'needs at least one evidence item']]],
		['empty-quote', [['edges[0].evidence[0].quote', 'must not be empty']]],
		['missing-label', [['nodes[1].label', 'is required']]],
		['wrong-format', [['format', 'must be "alliance-explorer/1", not "alliance-explorer/2"']]]
	])('reports %s with its path and message', (name, expected) => {
		expect(problemsOf(name)).toEqual(expected);
	});

	it('reports every problem in one pass, in document order, with line numbers', () => {
		const result = parseDataset(read('invalid/several-problems.json'));
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
			'edges[0].target: no node with id "c" in nodes',
			'edges[1].kind: must be one of cooperation, friction, not "rivalry"',
			'edges[2].evidence[0].quote: must not be empty'
		]);
		const text = read('invalid/several-problems.json').split('\n');
		for (const problem of result.problems) {
			const field = problem.path.split('.').pop()!.replace(/\[\d+\]$/, '');
			expect(text[problem.line! - 1]).toContain(`"${field}"`);
		}
	});

	it('accepts partial dates whose spans overlap, such as since 2014-06 until 2014', () => {
		const dataset = JSON.parse(read('minimal.json'));
		Object.assign(dataset.edges[0], { since: '2014-06', until: '2014' });
		expect(validateDataset(dataset).ok).toBe(true);
		Object.assign(dataset.edges[0], { since: '2014-06-30', until: '2014-06' });
		expect(validateDataset(dataset).ok).toBe(true);
		Object.assign(dataset.edges[0], { since: '2014-07-01', until: '2014-06' });
		expect(validateDataset(dataset)).toMatchObject({ ok: false, problems: [{ path: 'edges[0].until' }] });
	});

	it('names the root when the file is not an object', () => {
		expect(parseDataset('[1, 2]')).toEqual({ ok: false, problems: [{ path: '(root)', message: 'must be an object, not an array', line: 1, column: 1 }] });
	});

	it('keeps unknown fields through a parse/serialize round trip', () => {
		const dataset = JSON.parse(read('minimal.json'));
		dataset.license = { name: 'CC-BY-4.0', url: 'https://creativecommons.org/licenses/by/4.0/' };
		dataset.meta.curator = 'A. Analyst';
		dataset.nodes[0].population = 125_000_000;
		dataset.nodes[0].coordinates = [35.68, 139.69];
		dataset.edges[0].confidence = 'high';
		dataset.edges[0].evidence[0].page = 3;
		dataset.sources[0].isbn = null;
		dataset.measures[0].priority = 1;
		const once = parseDataset(JSON.stringify(dataset));
		expect(once.ok).toBe(true);
		if (!once.ok) return;
		const twice = parseDataset(serializeDataset(once.dataset));
		expect(twice).toEqual({ ok: true, dataset });
		expect(serializeDataset(once.dataset)).toBe(`${JSON.stringify(dataset, null, 2)}\n`);
	});

	it('lets imported plain graphs leave out kind, domain, status and evidence, filling the defaults', () => {
		const plain = {
			format: 'alliance-explorer/1',
			meta: { id: 'plain', title: 'Plain graph' },
			nodes: [{ id: 'x', label: 'X' }, { id: 'y', label: 'Y' }],
			edges: [{ id: 'e1', source: 'x', target: 'y' }]
		};
		expect(validateDataset(structuredClone(plain)).ok).toBe(false);
		const result = validateDataset(structuredClone(plain), { curated: false });
		expect(result).toEqual({
			ok: true,
			dataset: { ...plain, edges: [{ id: 'e1', source: 'x', target: 'y', kind: 'cooperation', status: 'active', evidence: [] }] }
		});
	});
});
