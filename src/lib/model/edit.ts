// Editing a dataset: operations as plain data, applied immutably and checked against the same contract as a file
// (validateDataset), each problem tied to the operation and field it comes from; the change log; a history's start and
// next change (undo and redo are in edit-history.ts).
import type { EditHistory } from './edit-history';
import { validateDataset } from './parse';
import type { Dataset, DatasetChange, DatasetEdge, DatasetNode, Evidence, Problem, Source } from './types';

/** New values by field name; `undefined` removes the field. Built with Object.fromEntries, read with Object.entries. */
export type FieldChanges = Readonly<Record<string, unknown>>;

/** What becomes of a removed node's ties: deleted with it, or moved to another node. */
export type TiesOfRemovedNode = 'remove' | { moveTo: string };

export type EditOperation =
	| { op: 'addNode'; node: DatasetNode }
	| { op: 'updateNode'; id: string; changes: FieldChanges }
	| { op: 'removeNode'; id: string; ties?: TiesOfRemovedNode }
	| { op: 'addEdge'; edge: DatasetEdge }
	| { op: 'updateEdge'; id: string; changes: FieldChanges }
	| { op: 'removeEdge'; id: string }
	| { op: 'addSource'; source: Source }
	| { op: 'updateSource'; id: string; changes: FieldChanges }
	| { op: 'removeSource'; id: string }
	| { op: 'addEvidence'; edge: string; evidence: Evidence }
	| { op: 'updateEvidence'; edge: string; index: number; changes: FieldChanges }
	| { op: 'removeEvidence'; edge: string; index: number };

/** A problem with an edit: the contract's path in the dataset, plus the operation and the field within what it edits. */
export interface EditProblem extends Problem {
	/** index of the operation in the batch */
	operation: number;
	/** the field of the node, tie, source or evidence item the operation edits ("label", "evidence[0].quote"); '' for the whole */
	field: string;
}

export interface EditOptions {
	/** hold every edge to the curated contract (kind, domain, status and evidence required) */
	curated: boolean;
	/** the change's time; defaults to now */
	now?: Date;
}

export type EditResult = { ok: true; dataset: Dataset; change: DatasetChange } | { ok: false; problems: EditProblem[] };

/** Ties, evidence and sources a message lists before "and N more". */
const LISTED_PLACES = 5;

const quoted = (text: string) => `“${text}”`;

/** A copy of an object with the changes made, fields in their places; keys are never assigned, so "__proto__" stays a field. */
function withChanges<T extends object>(original: T, changes: FieldChanges): T {
	const entries: Array<[string, unknown]> = Object.entries(original).map(([field, value]) => [field, Object.hasOwn(changes, field) ? changes[field] : value]);
	for (const [field, value] of Object.entries(changes)) if (!Object.hasOwn(original, field)) entries.push([field, value]);
	return Object.fromEntries(entries.filter(([, value]) => value !== undefined)) as T;
}

/** A field's value in a change summary: short, and "none" for nothing. */
function shown(value: unknown): string {
	if (value === undefined || value === null || value === '') return 'none';
	const text = Array.isArray(value) ? value.join(', ') : typeof value === 'string' ? value : JSON.stringify(value);
	return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** "status active → stalled; weight 2 → 3" */
function describeChanges(original: object, changes: FieldChanges): string {
	const before = new Map(Object.entries(original));
	return Object.entries(changes)
		.map(([field, value]) => `${field} ${shown(before.get(field))} → ${shown(value)}`)
		.join('; ');
}

function nodeName(dataset: Dataset, id: string): string {
	return dataset.nodes.find((node) => node.id === id)?.label ?? id;
}

/** “History disputes” (Japan — South Korea) */
export function describeTie(dataset: Dataset, edge: DatasetEdge): string {
	const name = edge.label ?? edge.relation ?? edge.kind ?? edge.id;
	return `${quoted(name)} (${nodeName(dataset, edge.source)} ${edge.directed ? '→' : '—'} ${nodeName(dataset, edge.target)})`;
}

function listPlaces(places: string[]): string {
	const shown = places.slice(0, LISTED_PLACES).join('; ');
	return places.length > LISTED_PLACES ? `${shown}; and ${places.length - LISTED_PLACES} more` : shown;
}

/** Every evidence item that names the source (as its source or as the source it cites), in words. */
export function sourceCitations(dataset: Dataset, sourceId: string): string[] {
	const places: string[] = [];
	const scan = (owner: string, evidence: readonly Evidence[] | undefined) =>
		(evidence ?? []).forEach((item, index) => {
			if (item.source === sourceId) places.push(`${owner}, evidence ${index + 1}`);
			else if (item.cites === sourceId) places.push(`${owner}, evidence ${index + 1} (cites it)`);
		});
	for (const edge of dataset.edges) scan(`tie ${describeTie(dataset, edge)}`, edge.evidence);
	for (const measure of dataset.measures ?? []) scan(`measure ${quoted(measure.title)}`, measure.evidence);
	return places;
}

/** The ties a node is an end of. */
export function tiesOf(dataset: Dataset, nodeId: string): DatasetEdge[] {
	return dataset.edges.filter((edge) => edge.source === nodeId || edge.target === nodeId);
}

type Applied = { ok: true; dataset: Dataset; summary: string; suffix: string } | { ok: false; field: string; message: string };

/** The element an operation edits; an added one is the last with its id (a duplicate id is reported there). */
type Target = { array: 'nodes' | 'edges' | 'sources'; id: string; added?: boolean };

function targetOf(operation: EditOperation): Target {
	switch (operation.op) {
		case 'addNode':
			return { array: 'nodes', id: operation.node.id, added: true };
		case 'updateNode':
		case 'removeNode':
			return { array: 'nodes', id: operation.id };
		case 'addEdge':
			return { array: 'edges', id: operation.edge.id, added: true };
		case 'updateEdge':
		case 'removeEdge':
			return { array: 'edges', id: operation.id };
		case 'addSource':
			return { array: 'sources', id: operation.source.id, added: true };
		case 'updateSource':
		case 'removeSource':
			return { array: 'sources', id: operation.id };
		case 'addEvidence':
			return { array: 'edges', id: operation.edge };
		case 'updateEvidence':
		case 'removeEvidence':
			return { array: 'edges', id: operation.edge };
	}
}

function replaceAt<T>(items: readonly T[], index: number, item: T): T[] {
	return items.map((existing, i) => (i === index ? item : existing));
}

function applyOne(dataset: Dataset, operation: EditOperation): Applied {
	if ('changes' in operation && Object.keys(operation.changes).length === 0) return { ok: false, field: '', message: 'nothing changed: no field differs from what is saved' };
	const missing = (what: string, id: string): Applied => ({ ok: false, field: '', message: `there is no ${what} with id "${id}"` });
	const nodeIndex = (id: string) => dataset.nodes.findIndex((node) => node.id === id);
	const edgeIndex = (id: string) => dataset.edges.findIndex((edge) => edge.id === id);
	const sources = dataset.sources ?? [];
	const sourceIndex = (id: string) => sources.findIndex((source) => source.id === id);

	switch (operation.op) {
		case 'addNode':
			return { ok: true, dataset: { ...dataset, nodes: [...dataset.nodes, operation.node] }, summary: `added node ${quoted(operation.node.label)}`, suffix: '' };
		case 'updateNode': {
			const index = nodeIndex(operation.id);
			if (index < 0) return missing('node', operation.id);
			const node = dataset.nodes[index]!;
			return {
				ok: true,
				dataset: { ...dataset, nodes: replaceAt(dataset.nodes, index, withChanges(node, operation.changes)) },
				summary: `changed node ${quoted(node.label)}: ${describeChanges(node, operation.changes)}`,
				suffix: ''
			};
		}
		case 'removeNode': {
			const index = nodeIndex(operation.id);
			if (index < 0) return missing('node', operation.id);
			const node = dataset.nodes[index]!;
			const ties = tiesOf(dataset, node.id);
			const nodes = dataset.nodes.filter((_, i) => i !== index);
			if (ties.length === 0) return { ok: true, dataset: { ...dataset, nodes }, summary: `deleted node ${quoted(node.label)}`, suffix: '' };
			const count = `${ties.length} ${ties.length === 1 ? 'tie' : 'ties'}`;
			if (operation.ties === undefined)
				return { ok: false, field: 'ties', message: `is an end of ${count}: ${listPlaces(ties.map((edge) => describeTie(dataset, edge)))}. Delete them with it, or move them to another node.` };
			if (operation.ties === 'remove') {
				const removed = new Set(ties.map((edge) => edge.id));
				return {
					ok: true,
					dataset: { ...dataset, nodes, edges: dataset.edges.filter((edge) => !removed.has(edge.id)) },
					summary: `deleted node ${quoted(node.label)} and its ${count}`,
					suffix: ''
				};
			}
			const { moveTo } = operation.ties;
			if (moveTo === '') return { ok: false, field: 'ties', message: 'choose the node to move its ties to' };
			if (moveTo === node.id || nodeIndex(moveTo) < 0) return { ok: false, field: 'ties', message: `cannot move its ties to "${moveTo}": choose another node of this dataset` };
			const looping = ties.filter((edge) => edge.source === moveTo || edge.target === moveTo);
			if (looping.length)
				return {
					ok: false,
					field: 'ties',
					message: `${looping.length} of its ties are with ${quoted(nodeName(dataset, moveTo))}: moving them there would tie it to itself (${listPlaces(looping.map((edge) => describeTie(dataset, edge)))}). Delete those ties first, or choose another node.`
				};
			const moved = dataset.edges.map((edge) =>
				edge.source === node.id || edge.target === node.id
					? withChanges(edge, { ...(edge.source === node.id ? { source: moveTo } : {}), ...(edge.target === node.id ? { target: moveTo } : {}) })
					: edge
			);
			return {
				ok: true,
				dataset: { ...dataset, nodes, edges: moved },
				summary: `deleted node ${quoted(node.label)}, moving its ${count} to ${quoted(nodeName(dataset, moveTo))}`,
				suffix: ''
			};
		}
		case 'addEdge':
			return {
				ok: true,
				dataset: { ...dataset, edges: [...dataset.edges, operation.edge] },
				summary: `added tie ${describeTie(dataset, operation.edge)}${operation.edge.evidence?.length ? ` with ${operation.edge.evidence.length} evidence ${operation.edge.evidence.length === 1 ? 'item' : 'items'}` : ''}`,
				suffix: ''
			};
		case 'updateEdge': {
			const index = edgeIndex(operation.id);
			if (index < 0) return missing('tie', operation.id);
			const edge = dataset.edges[index]!;
			return {
				ok: true,
				dataset: { ...dataset, edges: replaceAt(dataset.edges, index, withChanges(edge, operation.changes)) },
				summary: `changed tie ${describeTie(dataset, edge)}: ${describeChanges(edge, operation.changes)}`,
				suffix: ''
			};
		}
		case 'removeEdge': {
			const index = edgeIndex(operation.id);
			if (index < 0) return missing('tie', operation.id);
			return {
				ok: true,
				dataset: { ...dataset, edges: dataset.edges.filter((_, i) => i !== index) },
				summary: `deleted tie ${describeTie(dataset, dataset.edges[index]!)}`,
				suffix: ''
			};
		}
		case 'addSource':
			return { ok: true, dataset: { ...dataset, sources: [...sources, operation.source] }, summary: `added source ${quoted(operation.source.title)}`, suffix: '' };
		case 'updateSource': {
			const index = sourceIndex(operation.id);
			if (index < 0) return missing('source', operation.id);
			const source = sources[index]!;
			return {
				ok: true,
				dataset: { ...dataset, sources: replaceAt(sources, index, withChanges(source, operation.changes)) },
				summary: `changed source ${quoted(source.title)}: ${describeChanges(source, operation.changes)}`,
				suffix: ''
			};
		}
		case 'removeSource': {
			const index = sourceIndex(operation.id);
			if (index < 0) return missing('source', operation.id);
			const places = sourceCitations(dataset, operation.id);
			if (places.length)
				return {
					ok: false,
					field: '',
					message: `is named by ${places.length} evidence ${places.length === 1 ? 'item' : 'items'}, so it cannot be deleted: ${listPlaces(places)}. Change or delete those first.`
				};
			return {
				ok: true,
				dataset: { ...dataset, sources: sources.filter((_, i) => i !== index) },
				summary: `deleted source ${quoted(sources[index]!.title)}`,
				suffix: ''
			};
		}
		case 'addEvidence':
		case 'updateEvidence':
		case 'removeEvidence': {
			const index = edgeIndex(operation.edge);
			if (index < 0) return missing('tie', operation.edge);
			const edge = dataset.edges[index]!;
			const evidence = edge.evidence ?? [];
			let next: Evidence[];
			let did: string;
			let at: number;
			if (operation.op === 'addEvidence') {
				next = [...evidence, operation.evidence];
				did = 'added evidence to';
				at = evidence.length;
			} else {
				const item = evidence[operation.index];
				if (item === undefined) return { ok: false, field: '', message: `tie "${edge.id}" has no evidence item ${operation.index + 1}` };
				at = operation.index;
				if (operation.op === 'updateEvidence') {
					next = replaceAt(evidence, operation.index, withChanges(item, operation.changes));
					did = `changed evidence ${operation.index + 1} (${describeChanges(item, operation.changes)}) of`;
				} else {
					next = evidence.filter((_, i) => i !== operation.index);
					did = `deleted evidence ${operation.index + 1} of`;
				}
			}
			return {
				ok: true,
				dataset: { ...dataset, edges: replaceAt(dataset.edges, index, { ...edge, evidence: next }) },
				summary: `${did} tie ${describeTie(dataset, edge)}`,
				suffix: operation.op === 'removeEvidence' ? '' : `.evidence[${at}]`
			};
		}
	}
}

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The contract path of what an operation edits in the final dataset: "nodes[30]", "edges[4].evidence[2]"; null once gone. */
function pathOf(dataset: Dataset, target: Target, suffix: string): string | null {
	const items: ReadonlyArray<{ id: string }> = target.array === 'nodes' ? dataset.nodes : target.array === 'edges' ? dataset.edges : (dataset.sources ?? []);
	const index = target.added ? items.findLastIndex((item) => item.id === target.id) : items.findIndex((item) => item.id === target.id);
	return index < 0 ? null : `${target.array}[${index}]${suffix}`;
}

/** Splits "edges[4].evidence[0].quote" against the prefix "edges[4]" into "evidence[0].quote"; null when it does not start there. */
function fieldUnder(path: string, prefix: string): string | null {
	if (path === prefix) return '';
	if (path.startsWith(`${prefix}.`)) return path.slice(prefix.length + 1);
	if (path.startsWith(`${prefix}[`)) return path.slice(prefix.length);
	return null;
}

/**
 * Applies a batch of operations as one change: either all of them, with the dataset still meeting the contract and
 * the change appended to meta.changes, or none, with every problem tied to its operation and field.
 */
export function applyEdit(dataset: Dataset, operations: readonly EditOperation[], options: EditOptions): EditResult {
	if (operations.length === 0) return { ok: false, problems: [{ path: '(root)', message: 'nothing to change', operation: 0, field: '' }] };
	let next = dataset;
	const summaries: string[] = [];
	const suffixes: string[] = [];
	const refused: EditProblem[] = [];
	operations.forEach((operation, index) => {
		const applied = applyOne(next, operation);
		if (!applied.ok) {
			const target = targetOf(operation);
			const at = pathOf(next, target, '') ?? `${target.array} "${target.id}"`;
			refused.push({ path: applied.field ? `${at}.${applied.field}` : at, message: applied.message, operation: index, field: applied.field });
			suffixes.push('');
			return;
		}
		next = applied.dataset;
		summaries.push(applied.summary);
		suffixes.push(applied.suffix);
	});
	if (refused.length) return { ok: false, problems: refused };

	const change: DatasetChange = { at: (options.now ?? new Date()).toISOString(), summary: capitalise(summaries.join('; ')) };
	next = { ...next, meta: { ...next.meta, changes: [...(next.meta.changes ?? []), change] } };
	const checked = validateDataset(next, { curated: options.curated });
	if (checked.ok) return { ok: true, dataset: next, change };

	const prefixes = operations.map((operation, index) => pathOf(next, targetOf(operation), suffixes[index]!));
	const problems = checked.problems.map((problem): EditProblem => {
		// The longest prefix wins: an evidence item's problem belongs to the evidence operation, not the tie's.
		let best: { operation: number; field: string; length: number } | null = null;
		prefixes.forEach((prefix, operation) => {
			if (prefix === null) return;
			const field = fieldUnder(problem.path, prefix);
			if (field !== null && (best === null || prefix.length > best.length)) best = { operation, field, length: prefix.length };
		});
		const found = best as { operation: number; field: string } | null;
		return found ? { ...problem, operation: found.operation, field: found.field } : { ...problem, operation: operations.length - 1, field: '' };
	});
	return { ok: false, problems };
}

/** The strictest contract a dataset meets, which its edits must go on meeting. */
export function meetsCuratedContract(dataset: Dataset): boolean {
	return validateDataset(dataset, { curated: true }).ok;
}

/** A history with nothing to undo; `curated` when already known, else found by validating the dataset. */
export function startHistory(dataset: Dataset, curated = meetsCuratedContract(dataset)): EditHistory {
	return { present: dataset, past: [], future: [], curated };
}

/** Applies a batch as the next change; redo is lost, as in every editor. */
export function commit(history: EditHistory, operations: readonly EditOperation[], now?: Date): { ok: true; history: EditHistory; change: DatasetChange } | { ok: false; problems: EditProblem[] } {
	const result = applyEdit(history.present, operations, { curated: history.curated, now });
	if (!result.ok) return result;
	return {
		ok: true,
		change: result.change,
		history: { ...history, present: result.dataset, past: [...history.past, { dataset: history.present, summary: result.change.summary }], future: [] }
	};
}

export { nextSteps, redo, undo, type EditHistory } from './edit-history';
