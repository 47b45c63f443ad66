import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOMAINS, parseDataset, type Dataset, type DatasetEdge, type Evidence } from '$lib/model';
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
	const edgeById = new Map(dataset.edges.map((edge) => [edge.id, edge]));
	const sourceById = new Map((dataset.sources ?? []).map((source) => [source.id, source]));
	/** Every evidence item with the id of the edge or measure that holds it. */
	const evidence: { owner: string; item: Evidence }[] = [
		...dataset.edges.flatMap((edge) => edge.evidence.map((item) => ({ owner: edge.id, item }))),
		...measures.flatMap((measure) => (measure.evidence ?? []).map((item) => ({ owner: measure.id, item })))
	];
	const ends = (edge: DatasetEdge, a: string, b: string) => (edge.source === a && edge.target === b) || (edge.source === b && edge.target === a);

	it('has the size the brief supports: roughly 30-50 actors and 80+ relations', () => {
		expect(dataset.nodes.length).toBeGreaterThanOrEqual(30);
		expect(dataset.nodes.length).toBeLessThanOrEqual(50);
		expect(dataset.edges.length).toBeGreaterThanOrEqual(80);
	});

	it('carries a position for every node, so it opens drawn without laying out (npm run save-layout)', () => {
		const unplaced = dataset.nodes.filter((node) => !node.position).map((node) => node.id);
		expect(unplaced, 'run npm run save-layout -- graph-data/japan-korea-2014.json after adding nodes').toEqual([]);
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
		const used = new Set(evidence.flatMap(({ item }) => [item.source, item.cites]));
		for (const source of dataset.sources ?? []) expect(used.has(source.id), `${source.id} is never used`).toBe(true);
		// Footnote 10's last clause is the authors' own statement: the 2007 USTR release it links cannot attest a 2012 entry into force.
		const authorsOwnWords = new Set(['but it took another five years to come into force since the Korean opposition party had rejected it.']);
		for (const { owner, item } of evidence) {
			expect(item.locator, `${owner} locator`).toBeTruthy();
			if (/^footnote \d+$/.test(item.locator ?? '')) {
				expect(Boolean(item.cites), `${owner} quotes ${item.locator}: ${item.quote}`).toBe(!authorsOwnWords.has(item.quote));
			}
		}
	});

	it('gives every source from outside the brief a URL and a note saying so', () => {
		const outside = (dataset.sources ?? []).filter((source) => source.id !== 'brief' && source['citedIn'] === undefined);
		expect(outside.length).toBeGreaterThan(0);
		for (const source of outside) {
			expect(source.url, `${source.id} url`).toMatch(/^https?:\/\//);
			expect(source.note, `${source.id} note`).toMatch(/^Not cited by the brief/);
		}
		expect(sourceById.get('brief')?.url).toMatch(/^https:\/\//);
	});

	it("keeps the brief's misplaced DTT verbatim and flags it with an erratum wherever it is quoted", () => {
		const hague = evidence.filter(({ item }) => item.quote.includes('on the sidelines of the Nuclear Security Summit in The Hague'));
		expect(hague.map(({ owner }) => owner).sort()).toEqual(['deepen-dtt', 'united-states--defense-trilateral-talks--facilitation']);
		for (const { item } of hague) {
			expect(item.source).toBe('brief');
			expect(item.erratum).toContain('24–25 March 2014');
			expect(item.erratum).toContain('Washington, D.C., on 17–18 April 2014');
		}
		const breakthrough = evidence.filter(({ item }) => item.quote.startsWith('This marked a significant breakthrough in the deep freeze'));
		expect(breakthrough.length).toBeGreaterThan(0);
		for (const { item } of breakthrough) expect(item.erratum).toContain('25 March 2014');
		expect(dataset.edges.some((edge) => ends(edge, 'defense-trilateral-talks', 'nuclear-security-summit-2014'))).toBe(false);
	});

	it('flags errata only on the brief, each naming what is right and on whose authority', () => {
		const errata = evidence.filter(({ item }) => item.erratum !== undefined);
		expect(errata.map(({ owner }) => owner).sort()).toEqual([
			'deepen-dtt',
			'japan--south-korea--high-level-talks',
			'south-korea--korus-fta--party',
			'united-states--defense-trilateral-talks--facilitation',
			'united-states--korus-fta--party'
		]);
		for (const { owner, item } of errata) {
			expect(item.source, owner).toBe('brief');
			expect(item.erratum, owner).toMatch(/\((?:[^()]*(?:Communiqué|Department of Defense|American Presidency Project|Congressional Research Service)[^()]*)\)/);
		}
	});

	it('uses only the relations docs/curation.md defines, with facilitation only where the brief says the actor facilitates, hosts, convenes or brokers', () => {
		const vocabulary = readFileSync(join(repoRoot, 'docs', 'curation.md'), 'utf8').split('## Relation vocabulary')[1]!.split('\n## ')[0]!;
		const defined = new Map([...vocabulary.matchAll(/^\| `([a-z-]+)` \| (cooperation|friction) \|/gm)].map((m) => [m[1]!, m[2]!]));
		for (const edge of dataset.edges) {
			expect(defined.get(edge.relation ?? ''), `${edge.id}: relation ${String(edge.relation)}`).toBe(edge.kind);
		}
		const facilitation = dataset.edges.filter((edge) => edge.relation === 'facilitation');
		expect(facilitation.map((edge) => edge.source)).toEqual(facilitation.map(() => 'united-states'));
		for (const edge of facilitation) {
			const said = edge.evidence.some((item) => item.source === 'brief' && /facilitat|host|conven|intermediacy|broker/i.test(item.quote));
			expect(said, `${edge.id} does not quote the brief saying so`).toBe(true);
		}
	});

	it("models the U.S.-hosted Park–Abe meeting at The Hague once: a facilitated event, no dyadic 'intermediary' ties", () => {
		const meeting = 'trilateral-leaders-meeting-2014';
		const ties = dataset.edges.filter((edge) => edge.source === meeting || edge.target === meeting);
		expect(ties.map((edge) => `${edge.source} ${edge.relation} ${edge.target}`).sort()).toEqual([
			`japan participation ${meeting}`,
			`south-korea participation ${meeting}`,
			`${meeting} venue nuclear-security-summit-2014`,
			`united-states facilitation ${meeting}`
		]);
		const intermediacy = dataset.edges.filter((edge) => edge.evidence.some((item) => item.quote.includes('required the intermediacy of the United States')));
		expect(intermediacy.every((edge) => edge.target === meeting)).toBe(true);
		expect(byId.get(meeting)?.note).toContain('American Presidency Project');
	});

	it('weighs every tie on the 1–3 strength scale and keeps what the review found overstated or unsupported out', () => {
		for (const edge of dataset.edges) expect([1, 2, 3], `${edge.id} weight`).toContain(edge.weight);
		expect(edgeById.get('japan--south-korea--high-level-talks')?.weight).toBe(1);
		// Commitments the three governments made together are their participation in the meetings, not a direct Japan–ROK tie.
		const direct = dataset.edges.filter((edge) => ends(edge, 'japan', 'south-korea') && edge.status !== 'proposed');
		expect(direct.flatMap((edge) => edge.evidence.map((item) => item.cites)).filter((id) => id === 'dod-2014-04-18' || id === 'dod-2014-06-01')).toEqual([]);
		expect(dataset.edges.some((edge) => ends(edge, 'south-korea', 'north-korea') && edge.kind === 'cooperation' && edge.status !== 'proposed')).toBe(false);
		expect(byId.has('russia')).toBe(false);
		expect(dataset.edges.filter((edge) => edge.source === 'south-korea' && edge.target === 'tpp').map((edge) => edge.relation)).toEqual(['accession-interest']);
		for (const id of ['united-states--south-korea--obama-park-summit', 'japan--united-states--north-korea-consultation']) {
			expect(edgeById.get(id)?.until, id).toBe(edgeById.get(id)?.since);
		}
	});

	it('gives the United States direct cooperation ties with both of its allies', () => {
		const coop = (a: string, b: string) =>
			dataset.edges.some((e) => e.kind === 'cooperation' && e.status === 'active' && ((e.source === a && e.target === b) || (e.source === b && e.target === a)));
		expect(coop('united-states', 'japan')).toBe(true);
		expect(coop('united-states', 'south-korea')).toBe(true);
	});
});
