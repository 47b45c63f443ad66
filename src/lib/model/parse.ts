// parseDataset: text in, a validated Dataset or every problem found (each with a JSON path and a plain message).
// Shapes and enums come from the zod schema; ids, references and date order are checked here.
import type { z } from 'zod';
import { datasetSchemas } from './schema';
import { PARTIAL_DATE } from './vocabulary';
import { formatPath, JsonSyntaxError, locateJson, positionAt, tooDeepAt, tooDeepMessage, withoutBom } from './json-locate';
import type { Dataset, ParseResult, Problem } from './types';
import { closeDirections } from './names';

export interface ParseOptions {
	/**
	 * Curated datasets (graph-data/, the default) need kind, domain, status and evidence on every edge.
	 * Imported plain graphs may lack them: missing kind reads as cooperation, status as active, evidence as none.
	 */
	curated?: boolean;
}

const TYPE_NAMES: Record<string, string> = {
	string: 'a string',
	number: 'a number',
	boolean: 'true or false',
	array: 'an array',
	object: 'an object',
	int: 'a whole number'
};

function describeInput(input: unknown): string {
	if (input === null) return 'null';
	if (Array.isArray(input)) return 'an array';
	if (typeof input === 'string') return JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…` : input);
	if (typeof input === 'object') return 'an object';
	return String(input);
}

function messageFor(issue: z.core.$ZodIssue, input: unknown): string {
	switch (issue.code) {
		case 'invalid_type':
			if (input === undefined) return 'is required';
			// A spreadsheet set to a decimal comma writes 2,5 (and semicolons between cells, which the CSV reader takes).
			if (issue.expected === 'number' && typeof input === 'string' && /^\s*[-+]?\d+,\d+\s*$/.test(input))
				return `must be a number, not ${describeInput(input)}: write decimals with a point (${input.trim().replace(',', '.')})`;
			return `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}, not ${describeInput(input)}`;
		case 'invalid_value':
			if (input === undefined) return 'is required';
			return issue.values.length === 1
				? `must be ${JSON.stringify(issue.values[0])}, not ${describeInput(input)}`
				: `must be one of ${issue.values.join(', ')}, not ${describeInput(input)}`;
		case 'too_small':
			if (issue.origin === 'string') return 'must not be empty';
			if (issue.origin === 'array') return issue.message.startsWith('Too small') ? `needs at least ${String(issue.minimum)} item(s)` : issue.message;
			return issue.message.startsWith('Too small') ? `must be at least ${String(issue.minimum)}` : issue.message;
		default:
			return issue.message;
	}
}

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
	let value = root;
	for (const key of path) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<PropertyKey, unknown>)[key];
	}
	return value;
}

function compareDates(since: string, until: string): boolean {
	// Partial dates cover a span: since starts at its first day, until ends at its last.
	const start = since.padEnd(10, since.length === 4 ? '-01-01' : '-01').slice(0, 10);
	const end = until.length === 4 ? `${until}-12-31` : until.length === 7 ? `${until}-31` : until;
	return start <= end;
}

type Loose = Record<string, unknown>;

/** The objects of an array field, with their indexes; anything else yields nothing (the schema reports it). */
function objectsOf(value: unknown): Array<[Loose, number]> {
	if (!Array.isArray(value)) return [];
	return value.flatMap((item, index): Array<[Loose, number]> => (item !== null && typeof item === 'object' ? [[item as Loose, index]] : []));
}

const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * Cross-reference rules the schema cannot express: unique ids, references that point nowhere, since <= until.
 * Runs on whatever parsed, even when the schema found problems, so one pass reports everything.
 */
function checkReferences(root: unknown): Problem[] {
	const problems: Problem[] = [];
	const dataset = (root !== null && typeof root === 'object' ? root : {}) as Loose;
	const collect = (name: string) => {
		const seen = new Map<string, number>();
		for (const [item, index] of objectsOf(dataset[name])) {
			const id = asString(item.id);
			if (id === undefined) continue;
			const first = seen.get(id);
			if (first !== undefined) problems.push({ path: `${name}[${index}].id`, message: `duplicate id "${id}" (first used at ${name}[${first}])` });
			else seen.set(id, index);
		}
		return seen;
	};
	const nodeIds = collect('nodes');
	collect('edges');
	const sourceIds = collect('sources');
	const measureIds = collect('measures');

	const refer = (path: string, value: unknown, ids: Map<string, number>, what: string) => {
		const id = asString(value);
		// An empty id is reported once, by the schema ("must not be empty").
		if (id !== undefined && id !== '' && !ids.has(id)) problems.push({ path, message: `no ${what} with id "${id}" in ${what}s` });
	};
	const checkEvidence = (at: string, evidence: unknown) => {
		for (const [item, k] of objectsOf(evidence)) {
			refer(`${at}.evidence[${k}].source`, item.source, sourceIds, 'source');
			refer(`${at}.evidence[${k}].cites`, item.cites, sourceIds, 'source');
		}
	};
	for (const [edge, index] of objectsOf(dataset.edges)) {
		const at = `edges[${index}]`;
		refer(`${at}.source`, edge.source, nodeIds, 'node');
		refer(`${at}.target`, edge.target, nodeIds, 'node');
		refer(`${at}.measure`, edge.measure, measureIds, 'measure');
		const since = asString(edge.since);
		const until = asString(edge.until);
		if (since && until && PARTIAL_DATE.test(since) && PARTIAL_DATE.test(until) && !compareDates(since, until))
			problems.push({ path: `${at}.until`, message: `must not be before since (${since})` });
		checkEvidence(at, edge.evidence);
	}
	for (const [measure, index] of objectsOf(dataset.measures)) checkEvidence(`measures[${index}]`, measure.evidence);
	return problems;
}

/** Problems in document order: edges[2] before edges[10], and a field's problems together. */
function sortByPath(problems: Problem[]): Problem[] {
	const key = (path: string) => path.replace(/\[(\d+)\]/g, (_, n: string) => `[${n.padStart(9, '0')}]`);
	return problems.sort((a, b) => (key(a.path) < key(b.path) ? -1 : key(a.path) > key(b.path) ? 1 : 0));
}

/** Fills what a plain imported graph may leave out, so the rest of the app sees one shape. */
function withImportDefaults(value: Record<string, unknown>): Dataset {
	const dataset = value as unknown as Dataset;
	for (const edge of dataset.edges as Array<Partial<Dataset['edges'][number]>>) {
		edge.kind ??= 'cooperation';
		edge.status ??= 'active';
		edge.evidence ??= [];
	}
	return dataset;
}

/** Validates an already-parsed JSON value. Problems carry paths but no line numbers. */
export function validateDataset(value: unknown, options: ParseOptions = {}): ParseResult {
	const curated = options.curated ?? true;
	const result = (curated ? datasetSchemas().curated : datasetSchemas().imported).safeParse(value);
	const shapeProblems = result.success
		? []
		: result.error.issues.map((issue) => ({
				path: formatPath(issue.path as Array<string | number>),
				message: messageFor(issue, valueAt(value, issue.path))
			}));
	const problems = [...shapeProblems, ...checkReferences(value)];
	if (problems.length) return { ok: false, problems: sortByPath(problems) };
	// The input itself is kept (not zod's copy), so unknown fields and key order survive untouched.
	return { ok: true, dataset: withDirectionsClosed(curated ? (value as Dataset) : withImportDefaults(value as Record<string, unknown>)) };
}

/** Names that stand in the app's sentences, each closing the direction controls it opens (closeDirections). */
function withDirectionsClosed(dataset: Dataset): Dataset {
	for (const node of dataset.nodes) {
		node.label = closeDirections(node.label);
		if (node.textName !== undefined) node.textName = closeDirections(node.textName);
	}
	for (const edge of dataset.edges) {
		if (edge.label !== undefined) edge.label = closeDirections(edge.label);
		if (edge.relation !== undefined) edge.relation = closeDirections(edge.relation);
	}
	return dataset;
}

/** A problem at a line and column of the text, named the way editors show places. */
function placedProblem(message: string, { line, column }: { line: number; column: number }): Problem {
	return { path: `line ${line}, column ${column}`, message, line, column };
}

/**
 * Parses and validates a dataset file's text; every problem gets a path, and a line and column where known.
 * A leading UTF-8 byte order mark is skipped; nesting past MAX_JSON_DEPTH is a problem at its place, found before
 * JSON.parse, so no later step (validation, cloning, JSON output) can recurse too deep on a hostile file.
 */
export function parseDataset(input: string, options: ParseOptions = {}): ParseResult {
	const text = withoutBom(input);
	const deep = tooDeepAt(text);
	if (deep !== -1) return { ok: false, problems: [placedProblem(tooDeepMessage(), positionAt(text, deep))] };
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		try {
			locateJson(text, new Set());
		} catch (error) {
			if (error instanceof JsonSyntaxError) return { ok: false, problems: [placedProblem(`invalid JSON: ${error.message}`, error.position)] };
			throw error;
		}
		return { ok: false, problems: [{ path: '(root)', message: 'invalid JSON' }] };
	}
	const result = validateDataset(value, options);
	if (result.ok) return result;
	// Only the paths the problems name (and their parents, for a missing field) are located.
	const parentOf = (path: string) => path.replace(/(\.[^.[\]]+|\[\d+\]|\["(?:[^"\\]|\\.)*"\])$/, '');
	const positions = locateJson(text, new Set(result.problems.flatMap((problem) => [problem.path, parentOf(problem.path)])));
	const problems = result.problems.map((problem) => {
		const position = positions.get(problem.path) ?? positions.get(parentOf(problem.path));
		return position ? { ...problem, ...position } : problem;
	});
	return { ok: false, problems };
}

/** Our format on disk: two-space JSON with a final newline. */
export function serializeDataset(dataset: Dataset): string {
	return `${JSON.stringify(dataset, null, 2)}\n`;
}
