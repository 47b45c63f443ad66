import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDataset, type Dataset } from '$lib/model';
import { applyEdit, type EditProblem } from '$lib/model/edit';
import {
	evidenceDraft,
	evidencePlan,
	formProblems,
	NODE_FIELDS,
	TIE_FIELDS,
	newNodeId,
	newSourceId,
	newTieId,
	nodeDraft,
	nodePlan,
	slug,
	sourceDraft,
	sourcePlan,
	tieDraft,
	tiePlan,
	type FormPlan
} from '$lib/model/edit-forms';
import { fixture } from './paths';

function minimal(): Dataset {
	const result = parseDataset(readFileSync(fixture('datasets', 'minimal.json'), 'utf8'));
	if (!result.ok) throw new Error('minimal.json must parse');
	return result.dataset;
}

/** Saves a form's plan as the editor does: its problems by form field, or the new dataset. */
function save(dataset: Dataset, plan: FormPlan, curated = true): Dataset | Record<string, string> {
	const result = applyEdit(dataset, plan.operations, { curated });
	if (result.ok) return result.dataset;
	// A form shows the first problem of each field.
	const byField = new Map<string, string>();
	for (const problem of result.problems as EditProblem[]) if (!byField.has(plan.fieldOf(problem))) byField.set(plan.fieldOf(problem), problem.message);
	return Object.fromEntries(byField);
}

describe('ids for new elements', () => {
	it('are slugs of what names them, in any script, numbered when taken', () => {
		expect(slug('South Korea')).toBe('south-korea');
		expect(slug('Ōsaka—Kōbe FTA')).toBe('osaka-kobe-fta');
		expect(slug('東京')).toBe('東京');
		const dataset = minimal();
		expect(newNodeId(dataset, 'State A')).toBe('state-a');
		expect(newNodeId({ ...dataset, nodes: [...dataset.nodes, { id: 'state-a', label: 'State A' }] }, 'State A')).toBe('state-a-2');
		expect(newNodeId(dataset, '!!!')).toBe('node');
		expect(newTieId(dataset, 'a', 'b', 'Alliance')).toBe('a--b--alliance-2');
		expect(newSourceId(dataset, 'The Spirit of Camp David: Joint Statement of Japan, the Republic of Korea, and the United States')).toBe(
			'the-spirit-of-camp-david-joint-statement-of'
		);
	});
});

describe('the node form', () => {
	it('adds a node with the fields filled in, one alias a line', () => {
		const dataset = minimal();
		const draft = { ...nodeDraft(), label: ' Camp David Summit ', type: 'event', aliases: 'Camp David\n\n2023 summit ' };
		const after = save(dataset, nodePlan(dataset, draft)) as Dataset;
		expect(after.nodes.at(-1)).toEqual({ id: 'camp-david-summit', label: 'Camp David Summit', type: 'event', aliases: ['Camp David', '2023 summit'] });
	});

	it('changes only what differs, and removes a field emptied', () => {
		const dataset = minimal();
		const node = dataset.nodes[0]!;
		expect(nodePlan(dataset, nodeDraft(node), node).operations).toEqual([{ op: 'updateNode', id: 'a', changes: {} }]);
		expect(save(dataset, nodePlan(dataset, nodeDraft(node), node))).toEqual({ '': 'nothing changed: no field differs from what is saved' });
		const plan = nodePlan(dataset, { ...nodeDraft(node), aliases: '', description: 'A state.' }, node);
		expect(plan.operations).toEqual([{ op: 'updateNode', id: 'a', changes: { aliases: undefined, description: 'A state.' } }]);
	});

	it('puts the contract’s problems at the fields', () => {
		const dataset = minimal();
		expect(save(dataset, nodePlan(dataset, { ...nodeDraft(), id: 'a', label: '' }))).toEqual({ id: 'duplicate id "a" (first used at nodes[0])', label: 'must not be empty' });
	});
});

describe('the tie form', () => {
	it('makes a new tie with its evidence from a source picked from the list', () => {
		const dataset = minimal();
		const draft = { ...tieDraft(dataset, undefined, 'a'), target: 'forum', relation: 'dialogue', domain: 'diplomacy', weight: '2', since: '2014-05' };
		draft.evidence = { ...draft.evidence, quote: 'A talks at the forum.', locator: 'p. 3' };
		const after = save(dataset, tiePlan(dataset, draft, undefined, true)) as Dataset;
		expect(after.edges.at(-1)).toEqual({
			id: 'a--forum--dialogue',
			source: 'a',
			target: 'forum',
			kind: 'cooperation',
			relation: 'dialogue',
			domain: 'diplomacy',
			status: 'active',
			weight: 2,
			since: '2014-05',
			evidence: [{ source: 'brief', quote: 'A talks at the forum.', locator: 'p. 3' }]
		});
	});

	it('adds the source in the same change when it is new, its problems under newSource', () => {
		const dataset = minimal();
		const draft = { ...tieDraft(dataset, undefined, 'a'), target: 'forum', domain: 'defense' };
		draft.evidence = { ...draft.evidence, quote: 'A joins the forum.', newSource: { ...sourceDraft(), year: 'last year' } };
		expect(save(dataset, tiePlan(dataset, draft, undefined, true))).toEqual({ 'newSource.title': 'must not be empty', 'newSource.year': 'must be a number, not "last year"' });
		draft.evidence.newSource = { ...sourceDraft(), title: 'Forum communiqué', year: '2015' };
		const after = save(dataset, tiePlan(dataset, draft, undefined, true)) as Dataset;
		expect(after.sources?.at(-1)).toEqual({ id: 'forum-communique', title: 'Forum communiqué', year: 2015 });
		expect(after.edges.at(-1)!.evidence).toEqual([{ source: 'forum-communique', quote: 'A joins the forum.' }]);
	});

	it('shows each broken rule at its field: dates, weight, domain, ends, the quote', () => {
		const dataset = minimal();
		const draft = { ...tieDraft(dataset), source: 'a', target: '', domain: '', weight: 'heavy', since: '2015', until: '2014' };
		expect(save(dataset, tiePlan(dataset, draft, undefined, true))).toEqual({
			target: 'must not be empty',
			domain: 'is required',
			weight: 'must be a number, not "heavy"',
			until: 'must not be before since (2015)',
			'evidence.quote': 'must not be empty'
		});
	});

	it('lets a plain imported graph’s tie go without domain or evidence', () => {
		const dataset = minimal();
		const plain = { ...dataset, edges: dataset.edges.map(({ domain: _, ...edge }) => ({ ...edge, evidence: [] })) } as Dataset;
		const draft = { ...tieDraft(plain, undefined, 'a'), target: 'forum', evidence: evidenceDraft() };
		const after = save(plain, tiePlan(plain, draft, undefined, false), false) as Dataset;
		expect(after.edges.at(-1)).toEqual({ id: 'a--forum--cooperation', source: 'a', target: 'forum', kind: 'cooperation', status: 'active', evidence: [] });
	});

	it('changes an existing tie’s fields without touching its evidence, and leaves directed alone when unset', () => {
		const dataset = minimal();
		const edge = dataset.edges[0]!;
		expect(tiePlan(dataset, tieDraft(dataset, edge), edge, true).operations).toEqual([{ op: 'updateEdge', id: edge.id, changes: {} }]);
		const plan = tiePlan(dataset, { ...tieDraft(dataset, edge), status: 'stalled', until: '2020', directed: true }, edge, true);
		expect(plan.operations).toEqual([{ op: 'updateEdge', id: edge.id, changes: { directed: true, status: 'stalled', until: '2020' } }]);
	});
});

describe('the evidence and source forms', () => {
	it('adds evidence to a tie and changes one item', () => {
		const dataset = minimal();
		const added = save(dataset, evidencePlan(dataset, 'a--b--history', { ...evidenceDraft(undefined, 'statement'), quote: 'They disagree.' })) as Dataset;
		expect(added.edges[1]!.evidence.at(-1)).toEqual({ source: 'statement', quote: 'They disagree.' });
		const item = dataset.edges[0]!.evidence[0]!;
		expect(evidencePlan(dataset, 'a--b--alliance', { ...evidenceDraft(item), cites: '' }, 0).operations).toEqual([
			{ op: 'updateEvidence', edge: 'a--b--alliance', index: 0, changes: { cites: undefined } }
		]);
		expect(save(dataset, evidencePlan(dataset, 'a--b--alliance', { ...evidenceDraft(item), quote: '' }, 0))).toEqual({ quote: 'must not be empty' });
	});

	it('adds and changes sources', () => {
		const dataset = minimal();
		const after = save(dataset, sourcePlan(dataset, { ...sourceDraft(), title: 'A report', authors: 'B. Writer\nC. Writer', date: '2016-11-23' })) as Dataset;
		expect(after.sources?.at(-1)).toEqual({ id: 'a-report', title: 'A report', authors: ['B. Writer', 'C. Writer'], date: '2016-11-23' });
		const brief = dataset.sources![0]!;
		expect(save(dataset, sourcePlan(dataset, { ...sourceDraft(brief), date: 'June' }, brief))).toEqual({ date: 'must be a date like 2014, 2014-06 or 2014-06-30' });
	});
});

describe('problems as a form shows them', () => {
	it('puts each at its field once, and what the form has no field for at the top with its place', () => {
		const dataset = minimal();
		const draft = { ...tieDraft(dataset, undefined, 'a'), target: 'forum', domain: 'defense', since: 'soon' };
		draft.evidence = { ...draft.evidence, quote: 'x', newSource: { ...sourceDraft(), title: 'T', date: 'May' } };
		const plan = tiePlan(dataset, draft, undefined, true);
		const result = applyEdit(dataset, plan.operations, { curated: true });
		if (result.ok) throw new Error('accepted');
		const { byField, general } = formProblems(plan, result.problems, TIE_FIELDS);
		expect([...byField]).toEqual([
			['since', 'must be a date like 2014, 2014-06 or 2014-06-30'],
			['newSource.date', 'must be a date like 2014, 2014-06 or 2014-06-30']
		]);
		expect(general).toEqual([]);
		const node = dataset.nodes[0]!;
		const unchanged = nodePlan(dataset, nodeDraft(node), node);
		const nothing = applyEdit(dataset, unchanged.operations, { curated: true });
		if (nothing.ok) throw new Error('accepted');
		expect(formProblems(unchanged, nothing.problems, NODE_FIELDS)).toEqual({ byField: new Map(), general: ['nodes[0]: nothing changed: no field differs from what is saved'] });
	});
});
