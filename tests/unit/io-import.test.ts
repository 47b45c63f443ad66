import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { scanLastRecord } from '../../src/lib/io/csv';
import { DATA_FORMATS, exportDataset, formatCsv, formatProblem, readDatasetFile, readDatasetFiles, readGexf, sniffFormat, writeGexf, type ReadResult } from '../../src/lib/io/index';
import type { Dataset } from '../../src/lib/model/index';
import { loadDataset } from './io-helpers';
import { fixture } from './paths';

function read(name: string): Dataset {
	const result: ReadResult = readDatasetFile(name, readFileSync(fixture('io', name), 'utf8'));
	if (!result.ok) throw new Error(JSON.stringify(result.problems));
	return result.dataset;
}

interface Expected {
	directed: boolean;
	nodes: Record<string, Record<string, unknown>>;
	edges: Array<{ source: string; target: string; data: Record<string, unknown> }>;
}

/** Fields the import rules add to plain edges (kind aside, compared with its default), and networkx's own GEXF bookkeeping. */
const ADDED = new Set(['id', 'status', 'evidence', 'directed', 'networkx_key']);
const edgeKey = (source: string, target: string, data: Record<string, unknown>, directed: boolean) =>
	JSON.stringify([directed ? [source, target] : [source, target].sort(), Object.entries(data).sort()]);

describe.each(['typed', 'multigraph', 'directed'])('the networkx-written "%s" graph', (name) => {
	const expected = JSON.parse(readFileSync(fixture('io', `${name}.expected.json`), 'utf8')) as Expected;

	it.each(['graphml', 'gexf'])('loads from .%s with every node, edge and attribute networkx reads', (extension) => {
		const dataset = read(`${name}.${extension}`);
		expect(dataset.nodes.map((node) => node.id).sort()).toEqual(Object.keys(expected.nodes).sort());
		for (const { id, label, ...fields } of dataset.nodes) {
			const { label: expectedLabel, ...expectedFields } = expected.nodes[id]!;
			expect(fields).toEqual(expectedFields);
			expect(label).toBe(expectedLabel ?? id);
		}
		const ours = dataset.edges.map(({ source, target, ...rest }) =>
			edgeKey(source, target, Object.fromEntries(Object.entries(rest).filter(([field]) => !ADDED.has(field))), expected.directed)
		);
		// networkx's data, with the import default for kind
		const theirs = expected.edges.map((edge) => edgeKey(edge.source, edge.target, { ...edge.data, kind: edge.data.kind ?? 'cooperation' }, expected.directed));
		expect(ours.sort()).toEqual(theirs.sort());
		expect(dataset.edges.every((edge) => edge.directed === (expected.directed ? true : undefined))).toBe(true);
	});
});

describe('plain graphs get the import defaults', () => {
	const dataset = read('directed.graphml');

	it('makes edges without kind cooperation, active, with no evidence, and leaves nodes without type', () => {
		expect(dataset.edges.map(({ kind, status, evidence }) => ({ kind, status, evidence }))).toEqual(Array(4).fill({ kind: 'cooperation', status: 'active', evidence: [] }));
		expect(dataset.nodes.every((node) => node.type === undefined && node.label === node.id)).toBe(true);
	});

	it('names the dataset after the file and gives edges without ids source--target ids', () => {
		expect(dataset.meta).toEqual({ id: 'directed', title: 'directed.graphml' });
		expect(dataset.edges.map((edge) => edge.id)).toEqual(['1--2', '2--3', '3--1', '3--4']);
	});

	it('makes repeated networkx multigraph keys unique with their endpoints', () => {
		expect(read('multigraph.graphml').edges.map((edge) => edge.id)).toEqual([
			'japan--south-korea--0',
			'japan--south-korea--1',
			'japan--united-states--0',
			'japan--united-states--1',
			'south-korea--united-states--0',
			'north-korea--north-korea--0'
		]);
	});

	it('keeps a plain graph’s own graph attributes in meta', () => {
		expect(read('typed.graphml').meta).toEqual({ id: 'typed', title: 'Typed attributes', attributes: { name: 'Typed attributes' } });
	});
});

describe('a GEXF 1.3 file as Gephi writes it', () => {
	const dataset = read('gephi-lesmis.gexf');

	it('loads nodes with labels, typed attributes, declared defaults and viz data', () => {
		expect(dataset.nodes.map((node) => node.label)).toEqual(['Valjean', 'Gavroche', 'Marius', 'Javert']);
		expect(dataset.nodes[0]).toEqual({
			id: '11',
			label: 'Valjean',
			'Modularity Class': 1,
			'Betweenness Centrality': 1624.4688004148518,
			Tags: '[convict, mayor]',
			group: 'main',
			position: { x: -87.93029, y: -6.8120565 },
			viz: { size: 100, position: { x: -87.93029, y: 6.8120565, z: 0 }, color: { r: 245, g: 91, b: 91, a: 1 } }
		});
		expect(dataset.nodes[1]!.group).toBe('minor');
		expect(dataset.nodes[2]!.viz).toMatchObject({ shape: 'disc' });
	});

	it('opens each node where Gephi drew it: its viz:position, the y axis turned over (Gephi’s points up)', () => {
		// Javert above Valjean in Gephi (y 204.2 against 6.8) is above him on the page (y -204.2 against -6.8).
		expect(dataset.nodes.map(({ label, position }) => [label, position])).toEqual([
			['Valjean', { x: -87.93029, y: -6.8120565 }],
			['Gavroche', { x: 387.89572, y: 110.462326 }],
			['Marius', { x: 206.44687, y: -13.805411 }],
			['Javert', { x: -81.46074, y: -204.20204 }]
		]);
	});

	it('gives no position where Gephi gave no whole place, and never a -0', () => {
		const gexf = (nodes: string, attributes = '') => `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3"><graph defaultedgetype="undirected">${attributes}
<nodes>${nodes}</nodes><edges/></graph></gexf>`;
		const result = readGexf('places.gexf', gexf('<node id="b"><viz:position x="3" y="0"/></node><node id="c"><viz:size value="4"/></node><node id="d"><viz:position x="3"/></node>'));
		expect(result.ok && result.dataset.nodes.map(({ id, position }) => [id, position])).toEqual([
			['b', { x: 3, y: 0 }],
			['c', undefined],
			['d', undefined]
		]);
		expect(result.ok && Object.is(result.dataset.nodes[0]!.position!.y, 0)).toBe(true);
		// A position attribute of the file's own is not overwritten by the place: it is read, and refused, as before.
		const own = gexf('<node id="a"><attvalues><attvalue for="p" value="left"/></attvalues><viz:position x="5" y="6"/></node>', '<attributes class="node"><attribute id="p" title="position" type="string"/></attributes>');
		expect(readGexf('own.gexf', own)).toEqual({ ok: false, problems: [{ file: 'own.gexf', line: 3, path: 'nodes[0].position', message: 'must be an object, not "left"' }] });
	});

	it('loads edges with weights, labels, a per-edge direction and edge viz', () => {
		expect(dataset.edges.map(({ id, weight, label, directed }) => ({ id, weight, label, directed }))).toEqual([
			{ id: '0', weight: 17, label: undefined, directed: undefined },
			{ id: '1', weight: 19, label: undefined, directed: true },
			{ id: '2', weight: 4, label: 'barricade', directed: undefined },
			{ id: '3', weight: 1, label: undefined, directed: undefined }
		]);
		expect(dataset.edges[1]!.viz).toEqual({ color: { r: 168, g: 91, b: 168 }, thickness: 4 });
		expect(dataset.meta.description).toBe('Les Misérables co-appearances (excerpt), as Gephi exports it');
	});

	it('writes the viz data back as viz elements, and reads them back the same', () => {
		const text = writeGexf(dataset);
		expect(text).toContain('<viz:position x="-87.93029" y="6.8120565" z="0"/>');
		const back = readGexf('again.gexf', text);
		expect(back.ok && back.dataset).toEqual(dataset);
	});
});

describe('CSV tables as Gephi’s Data Laboratory exports them', () => {
	const file = (name: string) => ({ name, text: readFileSync(fixture('io', name), 'utf8') });
	const nodes = file('gephi-nodes.csv');
	const datasetOf = (edges: string) => {
		const result = readDatasetFiles([nodes, { name: 'gephi-edges.csv', text: edges }]);
		if (!result.ok) throw new Error(JSON.stringify(result.problems));
		return result.dataset;
	};

	it('reads its Type column, Directed or Undirected, as each tie’s direction', () => {
		const dataset = datasetOf(file('gephi-edges.csv').text);
		expect(dataset.nodes.map(({ id, label }) => [id, label])).toEqual([['11', 'Valjean'], ['48', 'Gavroche'], ['55', 'Marius']]);
		expect(dataset.edges.map(({ id, weight, directed, ...rest }) => ({ id, weight, directed, Type: rest.Type }))).toEqual([
			{ id: '0', weight: 17, directed: undefined, Type: undefined },
			{ id: '1', weight: 4, directed: true, Type: undefined }
		]);
	});

	it('keeps a Type column that says something else as a field of its own', () => {
		const dataset = datasetOf('Source,Target,Type\n11,48,treaty\n48,55,Directed\n');
		expect(dataset.edges.map((edge) => [edge.directed, edge.Type])).toEqual([
			[undefined, 'treaty'],
			[undefined, 'Directed']
		]);
	});
});

describe('a yEd diagram with a group', () => {
	const dataset = read('yed-groups.graphml');

	it('takes the labels and places yEd keeps only in its graphics data (a place is the centre of its shape)', () => {
		expect(dataset.nodes.map(({ id, label, position }) => ({ id, label, position }))).toEqual([
			{ id: 'n0', label: 'United States', position: { x: 240, y: 15 } },
			{ id: 'n1', label: 'Northeast Asia', position: { x: 250, y: 160 } },
			{ id: 'n1::n0', label: 'Japan', position: { x: 150, y: 165 } },
			{ id: 'n1::n1', label: 'South Korea', position: { x: 330, y: 165 } }
		]);
		expect(dataset.nodes[0]!.description).toBe('The United States');
		expect(dataset.edges.find((edge) => edge.id === 'n1::e0')!.label).toBe('security agreement');
	});

	it('reads the members of a group, nested in its node, with the group as their parent, and the ties to them', () => {
		expect(dataset.nodes.map((node) => node.parent)).toEqual([undefined, undefined, 'n1', 'n1']);
		expect(dataset.edges.map(({ source, target }) => `${source}-${target}`)).toEqual(['n1::n0-n1::n1', 'n0-n1::n0', 'n0-n1::n1']);
	});

	it('refuses a hyperedge at its line rather than leave it out', () => {
		const text = '<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected">\n<node id="a"/><node id="b"/><node id="c"/>\n<hyperedge><endpoint node="a"/><endpoint node="b"/><endpoint node="c"/></hyperedge>\n</graph></graphml>';
		expect(readDatasetFile('three.graphml', text)).toEqual({
			ok: false,
			problems: [{ file: 'three.graphml', line: 4, message: 'a <hyperedge> cannot be read: a tie joins two nodes, written as an <edge> (networkx refuses hyperedges too)' }]
		});
	});
});

describe('a dynamic GEXF graph (GEXF 1.2 as Gephi writes its timelines)', () => {
	const gexf = (edges: string, nodes = '<node id="a"/><node id="b"/>', timeformat = 'date') =>
		`<?xml version="1.0"?><gexf xmlns="http://gexf.net/1.2" version="1.2"><graph mode="dynamic" timeformat="${timeformat}"><nodes>${nodes}</nodes><edges>${edges}</edges></graph></gexf>`;
	const edgesOf = (text: string) => {
		const result = readGexf('timeline.gexf', text);
		if (!result.ok) throw new Error(JSON.stringify(result.problems));
		return result.dataset;
	};

	it('reads a tie’s start and end dates as since and until, which the time filter reads', () => {
		const dataset = edgesOf(gexf('<edge source="a" target="b" start="1965-06-22" end="2014-12-31T23:59:59"/><edge source="b" target="a" startopen="1998"/>'));
		expect(dataset.edges.map(({ since, until }) => ({ since, until }))).toEqual([
			{ since: '1965-06-22', until: '2014-12-31' },
			{ since: '1998', until: undefined }
		]);
	});

	it('reads a tie’s spells as one span from the first start to the last end, and keeps the spells as written', () => {
		const [edge] = edgesOf(gexf('<edge source="a" target="b"><spells><spell start="1970-01-01" end="1975-12-31"/><spell start="1951-09-08" end="1960-01-19"/></spells></edge>')).edges;
		expect(edge).toMatchObject({ since: '1951-09-08', until: '1975-12-31', spells: '1970-01-01 – 1975-12-31; 1951-09-08 – 1960-01-19' });
	});

	it('keeps times that are not dates, and a node’s times, as fields of their own names', () => {
		const dataset = edgesOf(gexf('<edge source="a" target="b" start="2.5" end="7.0"/>', '<node id="a" start="1950-01-01"/><node id="b"><spells><spell start="1948"/></spells></node>', 'double'));
		expect(dataset.edges[0]).toMatchObject({ start: '2.5', end: '7.0' });
		expect(dataset.edges[0]!.since).toBeUndefined();
		expect(dataset.nodes.map(({ start, spells }) => ({ start, spells }))).toEqual([
			{ start: '1950-01-01', spells: undefined },
			{ start: undefined, spells: '1948 – ' }
		]);
	});
});

describe('choosing the reader', () => {
	const graphml = readFileSync(fixture('io', 'typed.graphml'), 'utf8');

	it('sniffs the content when the extension says nothing', () => {
		expect(sniffFormat(graphml)).toBe('graphml');
		expect(sniffFormat(readFileSync(fixture('io', 'gephi-lesmis.gexf'), 'utf8'))).toBe('gexf');
		expect(sniffFormat('\uFEFF  {"format": "alliance-explorer/1"}')).toBe('json');
		expect(sniffFormat('source;target\na;b')).toBe('csv');
		expect(sniffFormat('<html></html>')).toBeUndefined();
		const result = readDatasetFile('download', graphml);
		expect(result.ok && result.format).toBe('graphml');
	});

	it('lists every format once, each readable and writable, with its extension', () => {
		expect(DATA_FORMATS.map((format) => [format.id, format.extensions[0], Boolean(format.read && format.write)])).toEqual([
			['json', '.json', true],
			['graphml', '.graphml', true],
			['gexf', '.gexf', true],
			['csv', '.csv', true]
		]);
	});

	it('refuses two files unless they are a CSV pair', () => {
		const result = readDatasetFiles([
			{ name: 'a.graphml', text: graphml },
			{ name: 'b.csv', text: 'source,target\na,b\n' }
		]);
		expect(result.ok ? [] : result.problems.map((problem) => problem.message)).toEqual(Array(2).fill('give one file, or a CSV edge list with its nodes CSV'));
	});
});

describe('CSV', () => {
	it('quotes fields with commas, quotes, line breaks and edge spaces, as papaparse reads them back', () => {
		const rows = [['a,b', 'say "hi"', 'two\nlines', ' padded', 'plain', 3, true, null]];
		const text = formatCsv(['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8'], rows);
		expect(text).toBe('c1,c2,c3,c4,c5,c6,c7,c8\r\n"a,b","say ""hi""","two\nlines"," padded",plain,3,true,\r\n');
		expect(Papa.parse<string[]>(text.trimEnd()).data).toEqual([['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8'], ['a,b', 'say "hi"', 'two\nlines', ' padded', 'plain', '3', 'true', '']]);
	});

	it('reads an edge list with a nodes table: endpoints, labels, extra columns kept, quotes as evidence from the file', () => {
		const result = readDatasetFiles([
			{ name: 'nodes.csv', text: 'id,label,type,group,capital\r\njapan,Japan,state,us-ally,Tokyo\r\nkorea,"Korea, South",state,us-ally,Seoul\r\n' },
			{ name: 'edges.csv', text: 'Source,Target,Kind,Weight,Since,Quote,Notes\njapan,korea,friction,2,2012-12,"History ""divides"" them",from a spreadsheet\nkorea,japan,,1.5,,,\n' }
		]);
		expect(result.ok ? result.dataset : result.problems).toEqual({
			format: 'alliance-explorer/1',
			meta: { id: 'edges', title: 'edges.csv' },
			sources: [{ id: 'csv', title: 'quote column of edges.csv' }],
			nodes: [
				{ id: 'japan', label: 'Japan', type: 'state', group: 'us-ally', capital: 'Tokyo' },
				{ id: 'korea', label: 'Korea, South', type: 'state', group: 'us-ally', capital: 'Seoul' }
			],
			edges: [
				{ id: 'japan--korea', source: 'japan', target: 'korea', kind: 'friction', weight: 2, since: '2012-12', Notes: 'from a spreadsheet', evidence: [{ source: 'csv', quote: 'History "divides" them' }], status: 'active' },
				{ id: 'korea--japan', source: 'korea', target: 'japan', weight: 1.5, kind: 'cooperation', status: 'active', evidence: [] }
			]
		});
	});

	it('exports nodes.csv and edges.csv that read back with the same nodes and edges', () => {
		const dataset = loadDataset(fixture('io', 'east-asia.json'));
		const files = exportDataset(dataset, 'csv', 'east-asia');
		expect(files.map((file) => [file.name, file.mime])).toEqual([
			['east-asia.nodes.csv', 'text/csv'],
			['east-asia.edges.csv', 'text/csv']
		]);
		const result = readDatasetFiles(files);
		if (!result.ok) throw new Error(JSON.stringify(result.problems));
		const core = (d: Dataset) => ({
			nodes: d.nodes.map(({ id, label, type, group, description }) => ({ id, label, type, group, description })),
			edges: d.edges.map(({ id, source, target, kind, relation, domain, status, directed, weight, since, until, label }) => ({ id, source, target, kind, relation, domain, status, directed, weight, since, until: until ?? undefined, label }))
		});
		expect(core(result.dataset)).toEqual(core(dataset));
		const history = result.dataset.edges.find((edge) => edge.id === 'japan--united-states--alliance')!;
		expect(history.evidence).toEqual([{ source: 'csv', quote: 'Japan and the United States are allies. … The alliance remains “the cornerstone”.' }]);
	});

	// What a read gives, in short: its problems as a user sees them, or its node ids and labels and its ties.
	const outcome = (result: ReadResult) =>
		result.ok
			? { nodes: result.dataset.nodes.map((node) => [node.id, node.label]), edges: result.dataset.edges.map((edge) => [edge.id, edge.source, edge.target, edge.kind, edge.label, edge.weight]) }
			: result.problems.map(formatProblem);

	it('keeps a quoted cell as written and trims an unquoted one: quoted ids that differ by end spaces are distinct nodes', () => {
		const text = 'source,target,kind\r\n"a"," a",friction\r\n"a ",a, friction \r\n a , b ,\r\n';
		expect(outcome(readDatasetFile('edges.csv', text))).toEqual({
			nodes: [
				['a', 'a'],
				[' a', ' a'],
				['a ', 'a '],
				['b', 'b']
			],
			edges: [
				['a-- a', 'a', ' a', 'friction', undefined, undefined],
				['a --a', 'a ', 'a', 'friction', undefined, undefined],
				['a--b', 'a', 'b', 'cooperation', undefined, undefined]
			]
		});
		// Quoted, the spaces are part of any column's value: " friction" is not a kind.
		expect(outcome(readDatasetFile('edges.csv', 'source,target,kind\na,b," friction"\n'))).toEqual(['edges.csv: line 2, column kind: must be one of cooperation, friction, not " friction"']);
	});

	it('reads a hand-written edge list with spaces after its commas', () => {
		expect(outcome(readDatasetFile('edges.csv', 'source, target\na, b\nb,  c\n'))).toEqual({
			nodes: [
				['a', 'a'],
				['b', 'b'],
				['c', 'c']
			],
			edges: [
				['a--b', 'a', 'b', 'cooperation', undefined, undefined],
				['b--c', 'b', 'c', 'cooperation', undefined, undefined]
			]
		});
	});

	it('reads quoted fields with the delimiter, doubled quotes and a line break, and counts lines past them and past skipped rows', () => {
		// Lines: 1 header; 2-3 one row (a line break in its label); 4 blank; 5 only delimiters (skipped); 6 a row.
		const text = (weight: string) => `source;target;label;weight\na;" b";"x; ""y""\nz";2\n\n;;;\n" b";"c"  ;;${weight}\n`;
		expect(outcome(readDatasetFile('edges.csv', text('')))).toEqual({
			nodes: [
				['a', 'a'],
				[' b', ' b'],
				['c', 'c']
			],
			edges: [
				['a-- b', 'a', ' b', 'cooperation', 'x; "y"\nz', 2],
				[' b--c', ' b', 'c', 'cooperation', undefined, undefined]
			]
		});
		expect(outcome(readDatasetFile('edges.csv', text('heavy')))).toEqual(['edges.csv: line 6, column weight: must be a number, not "heavy"']);
		// A spreadsheet set to a decimal comma: the message says how to write the number.
		expect(outcome(readDatasetFile('edges.csv', text('2,5')))).toEqual(['edges.csv: line 6, column weight: must be a number, not "2,5": write decimals with a point (2.5)']);
	});

	it('matches a quoted id with spaces in an edge list to the same quoted id in the nodes table, and only to it', () => {
		const nodes = { name: 'nodes.csv', text: 'id,label\r\na,A\r\n" a",A after a space\r\n' };
		expect(outcome(readDatasetFiles([nodes, { name: 'edges.csv', text: 'source,target\r\n" a",a\r\na," a"\r\n' }]))).toEqual({
			nodes: [
				['a', 'A'],
				[' a', 'A after a space']
			],
			edges: [
				[' a--a', ' a', 'a', 'cooperation', undefined, undefined],
				['a-- a', 'a', ' a', 'cooperation', undefined, undefined]
			]
		});
		expect(outcome(readDatasetFiles([nodes, { name: 'edges.csv', text: 'source,target\r\n"a ",a\r\n' }]))).toEqual(['edges.csv: line 2, column source: "a " is not an id in nodes.csv']);
		// Unquoted, " a" is trimmed to a.
		expect(outcome(readDatasetFiles([nodes, { name: 'edges.csv', text: 'source,target\r\n a," a"\r\n' }]))).toEqual({
			nodes: [
				['a', 'A'],
				[' a', 'A after a space']
			],
			edges: [['a-- a', 'a', ' a', 'cooperation', undefined, undefined]]
		});
	});

	it('tells which fields of a row were written quoted, as papaparse reads them, and where the row starts after skipped rows', () => {
		expect(scanLastRecord('"a,b",c\n', ',', '\n')).toEqual({ start: 0, quoted: [true, false] });
		expect(scanLastRecord('a;"b\r\nc";""\r\n', ';', '\r\n')).toEqual({ start: 0, quoted: [false, true, true] });
		// Spaces after a closing quote are allowed; a quote after spaces is text, not the start of a quoted field.
		expect(scanLastRecord('"a"  ,b', ',', '\n')).toEqual({ start: 0, quoted: [true, false] });
		expect(scanLastRecord(' "a",b', ',', '\n')).toEqual({ start: 0, quoted: [false, false] });
		// Skipped rows (blank, only a delimiter, a quoted space) come first; the row is "x\n""y""" and z, from offset 7.
		expect(scanLastRecord('\n,\n" "\n"x\n""y""",z\n', ',', '\n')).toEqual({ start: 7, quoted: [true, false] });
	});
});
