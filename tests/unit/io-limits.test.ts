import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, MAX_FILE_BYTES, readDatasetBlobs, readDatasetFile, readDatasetFiles, type ReadResult } from '../../src/lib/io/index';
import { readDatasetFromPath } from '../../src/lib/io/node';

const lines = (result: ReadResult) => (result.ok ? ['(read without problems)'] : result.problems.map(formatProblem));
const dir = mkdtempSync(join(tmpdir(), 'io-limits-'));

describe('files over 50 MB are refused before reading', () => {
	it('refuses a picked or dropped file by its size, without reading its text', async () => {
		let read = false;
		const blob = { name: 'huge.graphml', size: 60 * 1024 * 1024, arrayBuffer: async () => ((read = true), new ArrayBuffer(0)) };
		const result = await readDatasetBlobs([blob]);
		expect(lines(result)).toEqual(['huge.graphml: the file is 60.0 MB; files over 50 MB are refused']);
		expect(read).toBe(false);
	});

	it('accepts a file of exactly 50 MB as far as size goes', async () => {
		const text = '{"format": "alliance-explorer/1", "meta": {"id": "x", "title": "X"}, "nodes": [], "edges": []}';
		const blob = { name: 'ok.json', size: MAX_FILE_BYTES, arrayBuffer: async () => new TextEncoder().encode(text).buffer };
		expect((await readDatasetBlobs([blob])).ok).toBe(true);
	});

	it('refuses a path by its size on disk (a sparse 51 MB file, never read)', () => {
		const path = join(dir, 'big.gexf');
		writeFileSync(path, '');
		truncateSync(path, 51 * 1024 * 1024);
		expect(lines(readDatasetFromPath(path))).toEqual([`${path}: the file is 51.0 MB; files over 50 MB are refused`]);
	});
});

describe('XML with a DOCTYPE or entity declarations is refused before parsing', () => {
	const billionLaughs = [
		'<?xml version="1.0"?>',
		'<!DOCTYPE lolz [',
		' <!ENTITY lol "lol">',
		' <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">',
		' <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">',
		']>'
	];

	it('refuses a billion-laughs GraphML file, naming the DOCTYPE line', () => {
		const text = [...billionLaughs, '<graphml><graph edgedefault="undirected"><node id="&lol3;"/></graph></graphml>'].join('\n');
		expect(lines(readDatasetFile('laughs.graphml', text))).toEqual(['laughs.graphml: line 2: XML with a DOCTYPE is refused (DOCTYPE and entity declarations are not allowed)']);
	});

	it('refuses a GEXF file with an external entity', () => {
		const text = ['<?xml version="1.0"?>', '<!DOCTYPE gexf [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', '<gexf version="1.3"><graph><nodes><node id="a" label="&xxe;"/></nodes></graph></gexf>'].join('\n');
		expect(lines(readDatasetFile('xxe.gexf', text))).toEqual(['xxe.gexf: line 2: XML with a DOCTYPE is refused (DOCTYPE and entity declarations are not allowed)']);
	});

	it('refuses an entity declaration even without a DOCTYPE, whatever its case', () => {
		const text = '<graphml>\n<graph>\n<!entity x "y">\n</graph>\n</graphml>';
		expect(lines(readDatasetFile('sneaky.graphml', text))).toEqual(['sneaky.graphml: line 3: XML with an entity declaration is refused (DOCTYPE and entity declarations are not allowed)']);
	});
});

describe('problems name the file, the line and what is wrong', () => {
	it('reports malformed XML with its line and column', () => {
		const text = '<?xml version="1.0"?>\n<graphml>\n  <graph>\n    <node id="a">\n  </graph>\n</graphml>\n';
		expect(lines(readDatasetFile('broken.graphml', text))).toEqual([
			"broken.graphml: line 5, column 3: malformed XML: Expected closing tag 'node' (opened in line 4, col 5) instead of closing tag 'graph'."
		]);
	});

	it('reports an edge to a missing node in GraphML at the edge line', () => {
		const text = '<graphml>\n<graph>\n<node id="a"/>\n<edge source="a" target="zz"/>\n</graph>\n</graphml>';
		expect(lines(readDatasetFile('dangling.graphml', text))).toEqual(['dangling.graphml: line 4, edges[0].target: no node with id "zz" in nodes']);
	});

	it('reports a CSV edge list without source and target columns', () => {
		expect(lines(readDatasetFile('edges.csv', 'from,to,kind\na,b,cooperation\n'))).toEqual([
			'edges.csv: line 1: missing columns source and target: an edge list needs a header with source, target (found: from, to, kind)'
		]);
	});

	it('reports a wrong value in a CSV column with its line and column name', () => {
		expect(lines(readDatasetFile('edges.csv', 'source,target,kind\na,b,cooperation\nb,c,rivalry\n'))).toEqual(['edges.csv: line 3, column kind: must be one of cooperation, friction, not "rivalry"']);
	});

	it('counts lines in CSV past blank lines and quoted line breaks', () => {
		expect(lines(readDatasetFile('edges.csv', 'source,target,weight\na,b,2\n\nb,"c\nd",heavy\nc,d,0\n'))).toEqual([
			'edges.csv: line 4, column weight: must be a number, not "heavy"',
			'edges.csv: line 6, column weight: must be a positive number'
		]);
	});

	it('reports a CSV row with more fields than the header', () => {
		expect(lines(readDatasetFile('edges.csv', 'source,target\na,b\na,b,3\n'))).toEqual(['edges.csv: line 3: has 3 fields, but the header has 2']);
	});

	it('reports a CSV edge whose end is not in the nodes table', () => {
		const result = readDatasetFiles([
			{ name: 'edges.csv', text: 'source,target\na,b\nb,x\n' },
			{ name: 'nodes.csv', text: 'id,label\na,A\nb,B\n' }
		]);
		expect(lines(result)).toEqual(['edges.csv: line 3, column target: "x" is not an id in nodes.csv']);
	});

	it('reports a problem in the nodes table against the nodes file', () => {
		const result = readDatasetFiles([
			{ name: 'edges.csv', text: 'source,target\na,b\n' },
			{ name: 'nodes.csv', text: 'id,label\na,A\nb,B\na,Again\n' }
		]);
		expect(lines(result)).toEqual(['nodes.csv: line 4, column id: duplicate id "a" (first used at nodes[0])']);
	});

	it('reports JSON problems with line, column and path', () => {
		const text = '{\n  "format": "alliance-explorer/1",\n  "meta": {"id": "x", "title": "x"},\n  "nodes": [{"id": 3, "label": "x"}],\n  "edges": []\n}';
		expect(lines(readDatasetFile('bad.json', text))).toEqual(['bad.json: line 4, column 20, nodes[0].id: must be a string, not 3']);
	});

	it('says which names it knows when neither the name nor the content tells the format', () => {
		expect(lines(readDatasetFile('notes.txt', 'hello world'))).toEqual(['notes.txt: cannot tell the format of this file: name it .json, .graphml, .gexf or .csv']);
	});
});
