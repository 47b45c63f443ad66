// The editor's forms as data: every field as the text a user types (a draft), drafts from the contract's shapes, and
// the operations a saved form makes. A draft is turned into values as typed, never corrected: the contract, through
// applyEdit, judges them, and its problems come back to the form's fields by name.
import type { EditOperation, EditProblem, FieldChanges } from './edit';
import type { Dataset, DatasetEdge, DatasetNode, Evidence, Source } from './types';

export interface NodeDraft {
	id: string;
	label: string;
	type: string;
	/** one alias a line */
	aliases: string;
	description: string;
	group: string;
	note: string;
}

export interface SourceDraft {
	id: string;
	title: string;
	/** one author a line */
	authors: string;
	publisher: string;
	year: string;
	date: string;
	url: string;
	note: string;
}

export interface EvidenceDraft {
	/** id of an existing source; ignored while `newSource` is set */
	source: string;
	/** a source added in the same form, which the evidence then comes from */
	newSource: SourceDraft | null;
	quote: string;
	locator: string;
	cites: string;
	erratum: string;
}

export interface TieDraft {
	id: string;
	source: string;
	target: string;
	directed: boolean;
	kind: string;
	relation: string;
	domain: string;
	status: string;
	weight: string;
	since: string;
	until: string;
	label: string;
	measure: string;
	note: string;
	/** the first evidence item of a new tie */
	evidence: EvidenceDraft;
}

/** What saving a form does, and where each of its problems goes: a form field name such as "label", "evidence.quote", "newSource.title", or '' for the form as a whole. */
export interface FormPlan {
	operations: EditOperation[];
	fieldOf(problem: EditProblem): string;
}

const lines = (values: readonly string[] | undefined) => (values ?? []).join('\n');
const textOf = (value: unknown) => (value === undefined || value === null ? '' : String(value));

export function nodeDraft(node?: DatasetNode): NodeDraft {
	return {
		id: node?.id ?? '',
		label: node?.label ?? '',
		type: node?.type ?? '',
		aliases: lines(node?.aliases),
		description: node?.description ?? '',
		group: node?.group ?? '',
		note: textOf(node?.note)
	};
}

export function sourceDraft(source?: Source): SourceDraft {
	return {
		id: source?.id ?? '',
		title: source?.title ?? '',
		authors: lines(source?.authors),
		publisher: source?.publisher ?? '',
		year: textOf(source?.year),
		date: source?.date ?? '',
		url: source?.url ?? '',
		note: textOf(source?.note)
	};
}

export function evidenceDraft(item?: Evidence, defaultSource = ''): EvidenceDraft {
	return {
		source: item?.source ?? defaultSource,
		newSource: null,
		quote: item?.quote ?? '',
		locator: item?.locator ?? '',
		cites: item?.cites ?? '',
		erratum: item?.erratum ?? ''
	};
}

/** A draft for a tie: from an edge, or a new one (cooperation, active, from a chosen node, evidence from the first source). */
export function tieDraft(dataset: Dataset, edge?: DatasetEdge, from = ''): TieDraft {
	return {
		id: edge?.id ?? '',
		source: edge?.source ?? from,
		target: edge?.target ?? '',
		directed: edge?.directed ?? false,
		kind: edge?.kind ?? 'cooperation',
		relation: edge?.relation ?? '',
		domain: edge ? (edge.domain ?? '') : '',
		status: edge?.status ?? 'active',
		weight: textOf(edge?.weight),
		since: textOf(edge?.since),
		until: textOf(edge?.until),
		label: edge?.label ?? '',
		measure: textOf(edge?.measure),
		note: textOf(edge?.note),
		evidence: evidenceDraft(undefined, dataset.sources?.[0]?.id ?? '')
	};
}

// Turning typed text into values: trimmed; empty optional fields are left out; what does not read as the
// expected type stays text, so the contract names the problem ("must be a number, not "heavy"").
const optional = (text: string): string | undefined => text.trim() || undefined;
const required = (text: string): string => text.trim();
const list = (text: string): string[] | undefined => {
	const items = text
		.split('\n')
		.map((line) => line.trim())
		.filter(Boolean);
	return items.length ? items : undefined;
};
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
const number = (text: string): number | string | undefined => {
	const trimmed = text.trim();
	if (!trimmed) return undefined;
	return NUMBER.test(trimmed) ? Number(trimmed) : trimmed;
};

/** Lowercase words joined by hyphens, any script kept: "South Korea" → "south-korea", "東京" → "東京". */
export function slug(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, '-')
		.replace(/^-+|-+$/g, '');
}

function unique(base: string, taken: ReadonlySet<string>): string {
	let id = base;
	for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
	return id;
}

/** The id a new node gets when none is typed: its label as a slug, numbered when taken. */
export function newNodeId(dataset: Dataset, label: string): string {
	return unique(slug(label) || 'node', new Set(dataset.nodes.map((node) => node.id)));
}

/** The id a new tie gets when none is typed: "japan--south-korea--dialogue", numbered when taken. */
export function newTieId(dataset: Dataset, source: string, target: string, relation: string): string {
	return unique(`${source}--${target}--${slug(relation) || 'tie'}`, new Set(dataset.edges.map((edge) => edge.id)));
}

/** The id a new source gets when none is typed: the first words of its title, numbered when taken. */
export function newSourceId(dataset: Dataset, title: string): string {
	const full = slug(title);
	// A long title is cut at a word, so the id stays readable in a URL.
	const words = (full.length > 48 ? full.slice(0, 48).replace(/-[^-]*$/, '') : full) || 'source';
	return unique(words, new Set((dataset.sources ?? []).map((source) => source.id)));
}

const isEmpty = (value: unknown) => value === undefined || value === null || value === '';
const same = (a: unknown, b: unknown) => (isEmpty(a) && isEmpty(b)) || JSON.stringify(a) === JSON.stringify(b);

/** The fields whose values differ from the original's, as changes (undefined removes a field). */
function changesFrom(original: object, values: Record<string, unknown>): FieldChanges {
	const before = new Map(Object.entries(original));
	return Object.fromEntries(Object.entries(values).filter(([field, value]) => !same(before.get(field), value)));
}

/** The first part of a contract field: "aliases[2]" → "aliases", "evidence[0].quote" → "evidence". */
const head = (field: string) => /^[^.[]*/.exec(field)![0];
/** "evidence[0].quote" → "quote" */
const afterIndex = (field: string) => head(field.replace(/^[^.]*\./, ''));

function nodeValues(draft: NodeDraft) {
	return {
		label: required(draft.label),
		type: optional(draft.type),
		aliases: list(draft.aliases),
		description: optional(draft.description),
		group: optional(draft.group),
		note: optional(draft.note)
	};
}

/** Saving the node form: adds the node, or changes the fields that differ from the original. */
export function nodePlan(dataset: Dataset, draft: NodeDraft, original?: DatasetNode): FormPlan {
	const values = nodeValues(draft);
	const operations: EditOperation[] = original
		? [{ op: 'updateNode', id: original.id, changes: changesFrom(original, values) }]
		: [{ op: 'addNode', node: { id: required(draft.id) || newNodeId(dataset, values.label), ...defined(values) } as DatasetNode }];
	return { operations, fieldOf: (problem) => head(problem.field) };
}

/** Drops the fields left empty, so a new element carries only what was filled in. */
function defined(values: Record<string, unknown>): Record<string, unknown> {
	return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}

function sourceValues(draft: SourceDraft) {
	return {
		title: required(draft.title),
		authors: list(draft.authors),
		publisher: optional(draft.publisher),
		year: number(draft.year),
		date: optional(draft.date),
		url: optional(draft.url),
		note: optional(draft.note)
	};
}

function newSource(dataset: Dataset, draft: SourceDraft): Source {
	const values = sourceValues(draft);
	return { id: required(draft.id) || newSourceId(dataset, values.title), ...defined(values) } as Source;
}

/** Saving the source form: adds the source, or changes the fields that differ from the original. */
export function sourcePlan(dataset: Dataset, draft: SourceDraft, original?: Source): FormPlan {
	const operations: EditOperation[] = original
		? [{ op: 'updateSource', id: original.id, changes: changesFrom(original, sourceValues(draft)) }]
		: [{ op: 'addSource', source: newSource(dataset, draft) }];
	return { operations, fieldOf: (problem) => head(problem.field) };
}

function evidenceValues(draft: EvidenceDraft, source: string) {
	return {
		source,
		quote: draft.quote.trim(),
		locator: optional(draft.locator),
		cites: optional(draft.cites),
		erratum: optional(draft.erratum)
	};
}

/** The evidence's source: the new one added in the same form (its operation first), or the one picked. */
function evidenceSource(dataset: Dataset, draft: EvidenceDraft): { source: string; added: EditOperation[] } {
	if (!draft.newSource) return { source: draft.source, added: [] };
	const source = newSource(dataset, draft.newSource);
	return { source: source.id, added: [{ op: 'addSource', source }] };
}

/** Saving an evidence item of an existing tie: adds it (index undefined) or changes it, with a new source if one is filled in. */
export function evidencePlan(dataset: Dataset, edgeId: string, draft: EvidenceDraft, index?: number): FormPlan {
	const { source, added } = evidenceSource(dataset, draft);
	const values = evidenceValues(draft, source);
	const original = index === undefined ? undefined : dataset.edges.find((edge) => edge.id === edgeId)?.evidence[index];
	const operation: EditOperation =
		index === undefined || !original
			? { op: 'addEvidence', edge: edgeId, evidence: defined(values) as unknown as Evidence }
			: { op: 'updateEvidence', edge: edgeId, index, changes: changesFrom(original, values) };
	return {
		operations: [...added, operation],
		fieldOf: (problem) => (added.length && problem.operation === 0 ? `newSource.${head(problem.field)}` : head(problem.field))
	};
}

function tieValues(draft: TieDraft) {
	return {
		source: required(draft.source),
		target: required(draft.target),
		directed: draft.directed,
		kind: required(draft.kind),
		relation: optional(draft.relation),
		domain: optional(draft.domain),
		status: required(draft.status),
		weight: number(draft.weight),
		since: optional(draft.since),
		until: optional(draft.until),
		label: optional(draft.label),
		measure: optional(draft.measure),
		note: optional(draft.note)
	};
}

/**
 * Saving the tie form. A new tie is made with its first evidence item (and the source it comes from, when added in
 * the same form); an existing tie changes the fields that differ. A plain imported network's tie may go without
 * evidence: an evidence item left entirely empty is then not added.
 */
export function tiePlan(dataset: Dataset, draft: TieDraft, original: DatasetEdge | undefined, curated: boolean): FormPlan {
	const values = tieValues(draft);
	if (original) {
		const changes = changesFrom(original, { ...values, directed: values.directed || (original.directed === undefined ? undefined : false) });
		return { operations: [{ op: 'updateEdge', id: original.id, changes }], fieldOf: (problem) => head(problem.field) };
	}
	const { source, added } = evidenceSource(dataset, draft.evidence);
	const evidence = draft.evidence;
	const blank = !draft.evidence.newSource && !evidence.quote.trim() && !evidence.locator.trim() && !evidence.cites.trim() && !evidence.erratum.trim();
	const items = blank && !curated ? [] : [defined(evidenceValues(evidence, source)) as unknown as Evidence];
	const edge = {
		id: required(draft.id) || newTieId(dataset, values.source, values.target, values.relation ?? values.kind),
		...defined({ ...values, directed: values.directed || undefined }),
		evidence: items
	} as DatasetEdge;
	return {
		operations: [...added, { op: 'addEdge', edge }],
		fieldOf: (problem) => {
			if (added.length && problem.operation === 0) return `newSource.${head(problem.field)}`;
			return head(problem.field) === 'evidence' && problem.field !== 'evidence' ? `evidence.${afterIndex(problem.field)}` : head(problem.field);
		}
	};
}

/** The fields each form shows, so a problem with any other goes to the form as a whole. */
const NEW_SOURCE_FIELDS = ['id', 'title', 'authors', 'publisher', 'year', 'date', 'url', 'note'].map((field) => `newSource.${field}`);
export const NODE_FIELDS = ['id', 'label', 'type', 'aliases', 'description', 'group', 'note', 'ties'];
export const SOURCE_FIELDS = ['id', 'title', 'authors', 'publisher', 'year', 'date', 'url', 'note'];
export const EVIDENCE_FIELDS = ['source', 'quote', 'locator', 'cites', 'erratum', ...NEW_SOURCE_FIELDS];
export const TIE_FIELDS = [
	...['id', 'source', 'target', 'directed', 'kind', 'relation', 'domain', 'status', 'weight', 'since', 'until', 'label', 'measure', 'note', 'evidence'],
	...['source', 'quote', 'locator', 'cites', 'erratum'].map((field) => `evidence.${field}`),
	...NEW_SOURCE_FIELDS
];

/** A saved form's problems as the form shows them: the first message at each field it has, the rest (with their place) for the whole form. */
export function formProblems(plan: FormPlan, problems: readonly EditProblem[], fields: readonly string[]): { byField: Map<string, string>; general: string[] } {
	const known = new Set(fields);
	const byField = new Map<string, string>();
	const general: string[] = [];
	for (const problem of problems) {
		const field = plan.fieldOf(problem);
		if (field && known.has(field)) {
			if (!byField.has(field)) byField.set(field, problem.message);
		} else general.push(`${problem.path}: ${problem.message}`);
	}
	return { byField, general };
}
