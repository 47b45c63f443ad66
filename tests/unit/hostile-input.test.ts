// Issue 11's hostile inputs at the library level, one test per case: the corpus in tests/fixtures/hostile/ (made by
// make_hostile.py) and the big inputs made here. Each must give a clear, located message or the right result, fast,
// without touching Object.prototype.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultBroker, fullAnalysis } from '../../src/lib/analysis/full-analysis';
import { defaultLayer } from '../../src/lib/analysis/layer';
import { brokerReport } from '../../src/lib/analysis/broker';
import { computeMetrics } from '../../src/lib/analysis/metrics';
import { metricsCsv } from '../../src/lib/analysis/metrics-csv';
import { louvainCommunities } from '../../src/lib/analysis/communities';
import { compareMetrics } from '../../src/lib/analysis/compare';
import {
	csvCell,
	decodeText,
	exportDataset,
	exportOmissions,
	neutraliseFormula,
	readDatasetBlobs,
	readDatasetFile,
	readDatasetFiles,
	readGexf,
	readGraphml,
	restoreFormula,
	writeGexf
} from '../../src/lib/io/index';
import { checkXmlNesting, MAX_XML_DEPTH } from '../../src/lib/io/limits';
import { keyedRecord, parseDataset, type Dataset } from '../../src/lib/model/index';
import { locateJson, MAX_JSON_DEPTH, tooDeepAt } from '../../src/lib/model/json-locate';
import { closeDirections, isolate } from '../../src/lib/model/names';
import { resolveAppearance } from '../../src/lib/view/appearance';
import { safeHref } from '../../src/lib/view/links';
import { nodeStyleKey, nodeTypeStyle, OTHER_NODE_TYPE } from '../../src/lib/view/palette';
import { tieCounts } from '../../src/lib/view/tie-counts';
import { briefDataset, fixture } from './paths';

const hostile = (name: string) => fixture('hostile', name);
const text = (name: string) => readFileSync(hostile(name), 'utf8');
const load = (name: string): Dataset => {
	const result = parseDataset(text(name));
	if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.problems)}`);
	return result.dataset;
};

/** Object.prototype's own keys and the keys a for-in over {} sees: both must stay as they were. */
const prototypeState = () => [Object.getOwnPropertyNames(Object.prototype).sort().join(','), Object.keys(Object.getPrototypeOf({}) as object).join(',')];
const pristine = prototypeState();
afterEach(() => expect(prototypeState()).toEqual(pristine));

/** Runs f and returns its result and how long it took in ms. */
function timed<T>(f: () => T): [T, number] {
	const start = performance.now();
	const result = f();
	return [result, performance.now() - start];
}

describe('1. nesting: JSON and XML are read in one linear pass with a nesting limit', () => {
	it('refuses 100 KB of "[" at once with the line and column where nesting passes the limit', () => {
		const [result, ms] = timed(() => parseDataset('['.repeat(100_000)));
		expect(result).toEqual({ ok: false, problems: [{ path: 'line 1, column 101', line: 1, column: 101, message: `arrays and objects nested deeper than ${MAX_JSON_DEPTH} levels are refused (a dataset needs 6 at most)` }] });
		expect(ms).toBeLessThan(1_000);
	});

	it('refuses the 6 KB file of "[" (which made every listing take 17 s) the same way', () => {
		const [result, ms] = timed(() => parseDataset(text('deep-brackets.json')));
		expect(!result.ok && result.problems[0]!.path).toBe('line 1, column 101');
		expect(ms).toBeLessThan(1_000);
	});

	it('refuses valid JSON nested past the limit inside an extra field, before anything recurses over it', () => {
		const result = parseDataset(text('deep-extra-field.json'));
		expect(!result.ok && result.problems).toEqual([expect.objectContaining({ line: 1, message: expect.stringContaining('nested deeper than 100 levels') })]);
	});

	it('locates syntax errors in text nested 100,000 deep without recursion, in time linear in the text', () => {
		const deep = `{"a":${'['.repeat(50)}1,${'{"k":'.repeat(40)}}`;
		expect(() => locateJson(deep)).toThrow(/expected a value|expected a property name/);
		const wide = `[${Array.from({ length: 200_000 }, (_, i) => `{"id":"n${i}","x":[1,2]}`).join(',')}`;
		const [, ms] = timed(() => expect(() => locateJson(wide, new Set())).toThrow(/expected ',' or '\]'/));
		expect(ms).toBeLessThan(10_000);
		expect(tooDeepAt('["[[[[[", {"a": "\\"[[["}]', 2)).toBe(-1);
		expect(tooDeepAt('[[[', 2)).toBe(2);
	});

	it('locates a problem deep in a large valid file by its path, quickly', () => {
		const nodes = Array.from({ length: 50_000 }, (_, i) => ({ id: `n${i}`, label: i === 49_999 ? '' : `N${i}` }));
		const big = JSON.stringify({ format: 'alliance-explorer/1', meta: { id: 'big', title: 'Big' }, nodes, edges: [] }, null, 1);
		const [result, ms] = timed(() => parseDataset(big));
		expect(!result.ok && result.problems).toEqual([expect.objectContaining({ path: 'nodes[49999].label', message: 'must not be empty' })]);
		expect(!result.ok && result.problems[0]!.line).toBeGreaterThan(200_000);
		expect(ms).toBeLessThan(10_000);
	});

	it('refuses GraphML with 100,000 nested tags with its line, before any parser sees it', () => {
		const nested = `<?xml version="1.0"?>\n<graphml>\n<graph>\n${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</graph></graphml>`;
		const [result, ms] = timed(() => readGraphml('nested.graphml', nested));
		expect(result).toEqual({ ok: false, problems: [{ file: 'nested.graphml', line: 4, message: `XML elements nested deeper than ${MAX_XML_DEPTH} levels are refused (GraphML and GEXF need 6)` }] });
		expect(ms).toBeLessThan(1_000);
		expect(readGraphml('deep.graphml', text('deep-tags.graphml'))).toMatchObject({ ok: false, problems: [{ line: 5, message: expect.stringContaining('nested deeper') }] });
	});

	it('skips comments, CDATA and quoted ">" when counting XML nesting', () => {
		const xml = `<a x="<b>"><!-- <c><c><c> --><![CDATA[<d><d>]]><e/><?pi <f>?></a>`;
		expect(checkXmlNesting('x.xml', xml, 1)).toBeUndefined();
		expect(checkXmlNesting('x.xml', '<a>\n<b>\n<c/></b></a>', 1)).toEqual({ file: 'x.xml', line: 2, message: expect.stringContaining('deeper than 1 levels') });
	});

	it('refuses JSON text nested past the limit inside a GraphML JSON column, naming the field', () => {
		const result = readGraphml('column.graphml', text('deep-json-column.graphml'));
		expect(result).toMatchObject({ ok: false, problems: [{ line: 5, message: expect.stringMatching(/^payload is JSON text nested deeper than 100 levels/) }] });
	});
});

describe('2. a GraphML or GEXF file cannot replace its own network', () => {
	it('keeps a GraphML graph key named __proto__ as a field, with the file\'s own nodes', () => {
		const result = readGraphml('proto.graphml', text('proto-graph-key.graphml'));
		if (!result.ok) throw new Error(JSON.stringify(result.problems));
		expect(result.dataset.nodes.map((node) => node.id)).toEqual(['a', 'b']);
		expect(Object.getPrototypeOf(result.dataset)).toBe(Object.prototype);
		expect(Object.hasOwn(result.dataset, '__proto__')).toBe(true);
		expect((result.dataset as unknown as Record<string, unknown>)['__proto__']).toEqual({ nodes: [{ id: 'ghost', label: 'Ghost' }], edges: [] });
	});

	it('keeps a member __proto__ of the GEXF description as a field, with the file\'s own nodes, and writes it back', () => {
		const result = readGexf('proto.gexf', text('proto-description.gexf'));
		if (!result.ok) throw new Error(JSON.stringify(result.problems));
		expect(result.dataset.nodes.map((node) => node.id)).toEqual(['a', 'b']);
		expect(Object.getPrototypeOf(result.dataset)).toBe(Object.prototype);
		expect(Object.keys(result.dataset.nodes[0]!)).toEqual(['id', 'label', '__proto__', 'constructor']);
		const again = readGexf('again.gexf', writeGexf(result.dataset));
		expect(again.ok && JSON.stringify(again.dataset)).toBe(JSON.stringify(result.dataset));
	});

	it('refuses dataset-level data named "nodes", which would stand in for the file\'s own nodes', () => {
		expect(readGraphml('nodes.graphml', text('nodes-graph-key.graphml'))).toEqual({
			ok: false,
			problems: [{ file: 'nodes.graphml', line: 7, message: 'the dataset-level data holds "nodes", which would replace the file\'s own nodes: remove it' }]
		});
	});

	it('reads GraphML whose elements or attributes are named __proto__ or constructor, ignoring them', () => {
		const result = readGraphml('tags.graphml', text('prototype-tags.graphml'));
		expect(result.ok && result.dataset.nodes.map((node) => node.id)).toEqual(['a', 'b']);
	});
});

describe('3. ids named like Object.prototype\'s members, with "|", shared by a node and a tie', () => {
	const dataset = load('prototype-ids.json');
	const ids = dataset.nodes.map((node) => node.id);

	it('counts every node\'s ties in the Table view without writing to any prototype', () => {
		const counts = tieCounts(dataset.edges);
		expect(counts.get('__proto__')).toEqual({ cooperation: 1, friction: 1 });
		expect(counts.get('constructor')).toEqual({ cooperation: 2, friction: 1 });
		expect(counts.get('toString')).toEqual({ cooperation: 3, friction: 0 });
	});

	it('computes every metric and a broker report for every node, the broker named toString and __proto__ included', () => {
		const layer = defaultLayer(dataset);
		const { nodes } = computeMetrics(dataset, layer);
		for (const id of ids) expect(Object.hasOwn(nodes, id)).toBe(true);
		expect(Object.getPrototypeOf(nodes)).toBeNull();
		for (const broker of ['toString', '__proto__', 'constructor', 'a|b']) {
			const result = fullAnalysis(dataset, layer, { broker });
			expect('broker' in result && result.broker?.broker).toBe(broker);
		}
		expect(brokerReport(dataset, 'hasOwnProperty', layer).label).toBe('Node hasOwnProperty');
		expect(fullAnalysis(dataset, layer, { broker: 'nobody' })).toEqual({ problem: 'broker: no node with id "nobody"' });
	});

	it('keeps every id a key in the JSON the API and the CLI print', () => {
		const result = fullAnalysis(dataset, defaultLayer(dataset));
		const parsed = JSON.parse(JSON.stringify('nodes' in result && result)) as { nodes: Record<string, unknown> };
		expect(Object.keys(parsed.nodes).sort()).toEqual([...ids].sort());
	});

	it('colours communities and sizes nodes for every id', () => {
		const layer = defaultLayer(dataset);
		const communities = louvainCommunities(dataset, layer);
		expect(Object.keys(communities.byNode).sort()).toEqual([...ids].sort());
		const computed = computeMetrics(dataset, layer).nodes;
		// degree by position in the file: "__proto__", the first node, has the lowest
		const metrics = keyedRecord(ids.map((id, i) => [id, { ...computed[id]!, degree: i }]));
		const tokens = { colour: 'community', size: 'metric:degree', shape: null };
		const appearance = resolveAppearance(dataset, tokens, { partners: new Map(), metrics, communities: communities.byNode });
		expect(appearance.notes).toEqual([]);
		for (const id of ids) expect(typeof (appearance.colour.type === 'partition' && appearance.colour.byNode.get(id))).toBe('string');
		expect(ids[0]).toBe('__proto__');
		expect(appearance.size.byNode.get('__proto__')).toBe(18);
		expect(appearance.size.byNode.size).toBe(ids.length);
	});

	it('compares metrics by id without reading inherited members', () => {
		const before = computeMetrics(dataset, defaultLayer(dataset));
		const rows = compareMetrics(before, before, 'betweenness');
		expect(rows.map((row) => row.id).sort()).toEqual([...ids].sort());
		expect(rows.every((row) => Object.values(row.change).every((value) => value === 0 || value === null))).toBe(true);
	});

	it('styles a node type named like a prototype member as "other"', () => {
		for (const type of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
			expect(nodeStyleKey(type)).toBe('other');
			expect(nodeTypeStyle(type)).toBe(OTHER_NODE_TYPE);
		}
		expect(nodeStyleKey('state')).toBe('state');
	});
});

describe('5. CSV cells a spreadsheet would run are neutralised, numbers stay numbers', () => {
	const dataset = load('formula-cells.json');

	it('puts a single quote before text starting with = + - @, a tab or a carriage return, and takes it off on reading', () => {
		for (const formula of ['=1+1', '+cmd|x', '-2+3', '@SUM(A1)', '\t=1', '\r=1', "'=1", "''@x"]) {
			expect(neutraliseFormula(formula)).toBe(`'${formula}`);
			expect(restoreFormula(neutraliseFormula(formula))).toBe(formula);
		}
		for (const plain of ['text', "'quoted", '1-2', 'a=b', '']) {
			expect(neutraliseFormula(plain)).toBe(plain);
			expect(restoreFormula(plain)).toBe(plain);
		}
		expect([csvCell(-2), csvCell(-0.5), csvCell(true), csvCell('-2')]).toEqual(['-2', '-0.5', 'true', "'-2"]);
	});

	it('writes no cell a spreadsheet would run in either table, and reads the same texts back', () => {
		const files = exportDataset(dataset, 'csv', 'formulas');
		for (const file of files) {
			for (const line of file.text.split('\r\n').filter(Boolean)) {
				// Split on commas outside quotes; every cell starts with neither a trigger nor a quoted trigger.
				const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((cell) => cell.replace(/,$/, ''));
				for (const cell of cells) expect(cell).not.toMatch(/^"?[=+\-@\t\r]/);
			}
		}
		const back = readDatasetFiles(files.map((file) => ({ name: file.name, text: file.text })));
		if (!back.ok) throw new Error(JSON.stringify(back.problems));
		// Every text comes back as it was, those that start with a tab or a carriage return too: the one is written
		// unquoted after the guard's quote, which comes off after the trimming; the other is written quoted.
		expect(back.dataset.nodes.map((node) => [node.id, node.label, node.group])).toEqual(dataset.nodes.map((node) => [node.id, node.label, node.group]));
		expect(back.dataset.edges.map((edge) => [edge.id, edge.label, edge.relation, edge.weight])).toEqual(dataset.edges.map((edge) => [edge.id, edge.label, edge.relation, edge.weight]));
		expect(back.dataset.edges[0]!.evidence[0]!.quote).toBe(dataset.edges[0]!.evidence[0]!.quote);
	});

	it('neutralises node ids in the metrics CSV and leaves metric values as numbers', () => {
		const csv = metricsCsv(computeMetrics(dataset, defaultLayer(dataset)).nodes);
		expect(csv).toContain("\n'=id,");
		expect(csv).not.toMatch(/\n[=+\-@]/);
		expect(csv.split('\n')[1]).toMatch(/^n0,\d/);
	});
});

describe('6. file text: a UTF-8 byte order mark is accepted; UTF-16 and bytes that are not UTF-8 are named', () => {
	it('reads a dataset saved with a byte order mark', () => {
		expect(parseDataset(text('bom.json')).ok).toBe(true);
		expect(readDatasetFile('bom.json', text('bom.json')).ok).toBe(true);
		const decoded = decodeText('bom.json', readFileSync(hostile('bom.json')));
		expect('text' in decoded && decoded.text.startsWith('{')).toBe(true);
	});

	it('says a UTF-16 file is UTF-16, and where a file stops being UTF-8', () => {
		expect(decodeText('utf16.json', readFileSync(hostile('utf16.json')))).toEqual({
			file: 'utf16.json',
			message: 'is UTF-16 text (it starts with a UTF-16 byte order mark): save it as UTF-8'
		});
		expect(decodeText('latin1.json', Buffer.from('{\n"label": "Caf\xe9"}', 'latin1'))).toEqual({
			file: 'latin1.json',
			line: 2,
			message: 'is not UTF-8 text: byte 16 (0xe9) cannot start or continue a UTF-8 character; save the file as UTF-8'
		});
	});


	it('gives a picked or dropped file the same words as the command line', async () => {
		const blob = (name: string) => {
			const bytes = readFileSync(hostile(name));
			return { name, size: bytes.length, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) };
		};
		expect(await readDatasetBlobs([blob('utf16.json')])).toEqual({
			ok: false,
			problems: [{ file: 'utf16.json', message: 'is UTF-16 text (it starts with a UTF-16 byte order mark): save it as UTF-8' }]
		});
		expect((await readDatasetBlobs([blob('bom.json')])).ok).toBe(true);
	});
});

describe('8. links from data', () => {
	it('links http, https and mailto URLs, and nothing else', () => {
		const urls = load('source-urls.json').sources!.map((source) => source.url).filter((url) => url !== undefined);
		expect(urls.map((url) => safeHref(url))).toEqual([
			undefined,
			undefined,
			undefined,
			undefined,
			undefined,
			undefined,
			undefined,
			undefined,
			undefined,
			'https://example.org/ok',
			'http://example.org/ok',
			'mailto:desk@example.org'
		]);
		expect([safeHref(undefined), safeHref(42), safeHref('HTTPS://EXAMPLE.ORG')]).toEqual([undefined, undefined, 'https://example.org/']);
	});
});

describe('10. lossy exports say what they leave out', () => {
	it('names what CSV leaves out, and nothing for JSON', () => {
		const dataset = load('source-urls.json');
		const omitted = exportOmissions(dataset, 'csv');
		expect(omitted).toContain('13 sources');
		expect(omitted).toContain('the source, locator and other fields of 12 evidence items (each quote is kept as text)');
		expect(omitted).toContain('the boundaries between quotes on 1 edge (joined into one cell with " … ")');
		expect(exportOmissions(dataset, 'json')).toEqual([]);
		expect(exportOmissions(dataset, 'graphml')).toEqual([]);
	});

	it('keeps ids with spaces at their ends through CSV, so it does not name them', () => {
		const dataset = load('bom.json');
		const tie = dataset.edges[0]!;
		const spaced: Dataset = {
			...dataset,
			nodes: [
				{ id: 'a', label: 'A' },
				{ id: ' a', label: 'A after a space' },
				{ id: 'a ', label: 'A before a space' }
			],
			edges: [
				{ ...tie, id: 'a-- a', source: 'a', target: ' a' },
				{ ...tie, id: ' a--a ', source: ' a', target: 'a ' }
			]
		};
		expect(exportOmissions(spaced, 'csv').some((phrase) => phrase.includes('spaces'))).toBe(false);
		const files = exportDataset(spaced, 'csv', 'spaced');
		expect(files.map((file) => file.text)).toEqual([
			'id,label,type,group,description\r\na,A,,,\r\n" a",A after a space,,,\r\n"a ",A before a space,,,\r\n',
			'id,source,target,kind,relation,domain,status,directed,weight,since,until,label,quote\r\n' +
				'a-- a,a," a",cooperation,,diplomacy,active,,,,,,a and b are tied.\r\n' +
				'" a--a "," a","a ",cooperation,,diplomacy,active,,,,,,a and b are tied.\r\n'
		]);
		const back = readDatasetFiles(files);
		if (!back.ok) throw new Error(JSON.stringify(back.problems));
		expect(back.dataset.nodes.map((node) => [node.id, node.label])).toEqual([
			['a', 'A'],
			[' a', 'A after a space'],
			['a ', 'A before a space']
		]);
		expect(back.dataset.edges.map((edge) => [edge.id, edge.source, edge.target])).toEqual([
			['a-- a', 'a', ' a'],
			[' a--a ', ' a', 'a ']
		]);
	});

	it('names ids and labels XML cannot carry for GraphML and GEXF', () => {
		const dataset = load('bom.json');
		const withControl = { ...dataset, nodes: [{ ...dataset.nodes[0]!, label: 'bell\u0007' }, ...dataset.nodes.slice(1)] };
		withControl.nodes[1] = { ...withControl.nodes[1]!, id: 'b\u0001' };
		withControl.edges = [{ ...withControl.edges[0]!, target: 'b\u0001' }];
		expect(exportOmissions(withControl, 'gexf')).toEqual(['characters XML cannot carry in 1 id (written as U+FFFD)', 'characters XML cannot carry in 1 node label (written as U+FFFD)']);
		expect(exportOmissions(withControl, 'graphml')).toEqual(['characters XML cannot carry in 1 id (written as U+FFFD)']);
	});
});

describe('11. the default broker without united-states', () => {
	it('is the node of highest betweenness, the first in dataset order among equals', () => {
		const dataset = load('no-united-states.json');
		const result = fullAnalysis(dataset, defaultLayer(dataset));
		// p-q-r-s with r-t: q and r carry the paths; r carries more (s and t hang off it).
		expect('broker' in result && result.broker?.broker).toBe('r');
		expect(defaultBroker(['a', 'b', 'c'], Float64Array.from([0, 0.5, 0.5]))).toBe('b');
		expect(defaultBroker(['a', 'united-states'], Float64Array.from([1, 0]))).toBe('united-states');
		expect(defaultBroker([], new Float64Array(0))).toBeUndefined();
	});

	it('is found among 200,000 nodes, too many to pass to Math.max as arguments', () => {
		const nodes = Array.from({ length: 200_000 }, (_, i) => `n${i}`);
		const betweenness = new Float64Array(nodes.length);
		betweenness[123_456] = 0.25;
		betweenness[199_999] = 0.25;
		expect(defaultBroker(nodes, betweenness)).toBe('n123456');
	});
});

describe('direction controls in a label', () => {
	const [RLO, PDF, RLI, PDI, LRE] = ['\u202E', '\u202C', '\u2067', '\u2069', '\u202A'];

	it('are closed at the label’s end, so they cannot turn the sentence it stands in around', () => {
		expect(closeDirections(`evil${RLO}txet`)).toBe(`evil${RLO}txet${PDF}`);
		expect(closeDirections(`${RLI}a${LRE}b`)).toBe(`${RLI}a${LRE}b${PDF}${PDI}`);
		// A PDI closes its isolate and what was opened inside it; a stray PDF or PDI closes nothing.
		expect(closeDirections(`${RLI}a${RLO}b${PDI}${RLO}c`)).toBe(`${RLI}a${RLO}b${PDI}${RLO}c${PDF}`);
		expect(closeDirections(`${PDF}${PDI}plain`)).toBe(`${PDF}${PDI}plain`);
		// A new line ends them all, as the end of a paragraph does.
		expect(closeDirections(`${RLO}a\nb`)).toBe(`${RLO}a\nb`);
	});

	it('set a name apart in a line of other text with an isolate', () => {
		expect(isolate(`${RLO}x`)).toBe(`\u2068${RLO}x${PDI}`);
	});

	it('leave text that closes what it opens, and text without any, as it is', () => {
		for (const text of ['Japan', `${RLO}closed${PDF}`, `${RLI}עברית${PDI}`, 'العربية']) expect(closeDirections(text)).toBe(text);
	});

	it('are closed in every imported and curated name: a CSV edge list, and our JSON', () => {
		const csv = readDatasetFile('ties.csv', `source,target\nplain,${RLO}desrever\n`);
		expect(csv.ok && csv.dataset.nodes.map((node) => node.label)).toEqual(['plain', `${RLO}desrever${PDF}`]);
		const dataset = JSON.parse(readFileSync(briefDataset, 'utf8'));
		dataset.nodes[0].label = `${RLO}Japan`;
		dataset.edges[0].relation = `${RLI}ally`;
		const parsed = parseDataset(JSON.stringify(dataset));
		expect(parsed.ok && [parsed.dataset.nodes[0]!.label, parsed.dataset.edges[0]!.relation]).toEqual([`${RLO}Japan${PDF}`, `${RLI}ally${PDI}`]);
	});
});
