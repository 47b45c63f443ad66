// parseDataset: text in, a validated Dataset or every problem found (each with a JSON path and a plain message).
// Shapes and enums come from the zod schema; ids, references and date order are checked here.
import type { z } from 'zod';
import { curatedDatasetSchema, importedDatasetSchema } from './schema';
import { formatPath, JsonSyntaxError, locateJson } from './json-locate';
import type { Dataset, ParseResult, Problem } from './types';

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
			return `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}, not ${describeInput(input)}`;
		case 'invalid_value':
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

/** Cross-reference rules the schema cannot express. Assumes the value passed the schema. */
function checkReferences(dataset: Dataset): Problem[] {
	const problems: Problem[] = [];
	const collect = (name: string, items: ReadonlyArray<{ id: string }> | undefined) => {
		const seen = new Map<string, number>();
		(items ?? []).forEach((item, index) => {
			const first = seen.get(item.id);
			if (first !== undefined) problems.push({ path: `${name}[${index}].id`, message: `duplicate id "${item.id}" (first used at ${name}[${first}])` });
			else seen.set(item.id, index);
		});
		return seen;
	};
	const nodeIds = collect('nodes', dataset.nodes);
	collect('edges', dataset.edges);
	const sourceIds = collect('sources', dataset.sources);
	const measureIds = collect('measures', dataset.measures);

	const checkEvidence = (at: string, evidence: Dataset['edges'][number]['evidence'] | undefined) => {
		(evidence ?? []).forEach((item, k) => {
			if (!sourceIds.has(item.source)) problems.push({ path: `${at}.evidence[${k}].source`, message: `no source with id "${item.source}" in sources` });
			if (item.cites !== undefined && !sourceIds.has(item.cites))
				problems.push({ path: `${at}.evidence[${k}].cites`, message: `no source with id "${item.cites}" in sources` });
		});
	};
	dataset.edges.forEach((edge, index) => {
		const at = `edges[${index}]`;
		for (const end of ['source', 'target'] as const) {
			if (!nodeIds.has(edge[end])) problems.push({ path: `${at}.${end}`, message: `no node with id "${edge[end]}" in nodes` });
		}
		if (edge.measure != null && !measureIds.has(edge.measure)) problems.push({ path: `${at}.measure`, message: `no measure with id "${edge.measure}" in measures` });
		if (edge.since && edge.until && !compareDates(edge.since, edge.until))
			problems.push({ path: `${at}.until`, message: `must not be before since (${edge.since})` });
		checkEvidence(at, edge.evidence);
	});
	dataset.measures?.forEach((measure, index) => checkEvidence(`measures[${index}]`, measure.evidence));
	return problems;
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
	const result = (curated ? curatedDatasetSchema : importedDatasetSchema).safeParse(value);
	if (!result.success) {
		const problems = result.error.issues.map((issue) => ({
			path: formatPath(issue.path as Array<string | number>),
			message: messageFor(issue, valueAt(value, issue.path))
		}));
		return { ok: false, problems };
	}
	// The input itself is kept (not zod's copy), so unknown fields and key order survive untouched.
	const dataset = curated ? (value as Dataset) : withImportDefaults(value as Record<string, unknown>);
	const problems = checkReferences(dataset);
	return problems.length ? { ok: false, problems } : { ok: true, dataset };
}

/** Parses and validates a dataset file's text; every problem gets a path, and a line and column where known. */
export function parseDataset(text: string, options: ParseOptions = {}): ParseResult {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		try {
			locateJson(text);
		} catch (error) {
			if (error instanceof JsonSyntaxError) {
				const { line, column } = error.position;
				return { ok: false, problems: [{ path: `line ${line}, column ${column}`, message: `invalid JSON: ${error.message}`, line, column }] };
			}
			throw error;
		}
		return { ok: false, problems: [{ path: '(root)', message: 'invalid JSON' }] };
	}
	const result = validateDataset(value, options);
	if (result.ok) return result;
	const positions = locateJson(text);
	const problems = result.problems.map((problem) => {
		const position = positions.get(problem.path) ?? positions.get(problem.path.replace(/(\.[^.[\]]+|\[\d+\])$/, ''));
		return position ? { ...problem, ...position } : problem;
	});
	return { ok: false, problems };
}

/** Our format on disk: two-space JSON with a final newline. */
export function serializeDataset(dataset: Dataset): string {
	return `${JSON.stringify(dataset, null, 2)}\n`;
}
