// Typed attribute columns for GraphML keys and GEXF attributes: one column per field, typed from its values.
// A field whose values are all strings, all booleans or all numbers gets that type; anything else (lists, objects,
// null, mixed types, text XML cannot carry) is written as JSON text in a string column flagged by a "-json" id suffix.
import { MAX_JSON_DEPTH, parseJson, tooDeepAt } from '../model';
import { encodeJson, isXmlSafe } from './xml';

export type ColumnType = 'string' | 'boolean' | 'long' | 'double' | 'json';

export interface Column {
	/** the field name */
	name: string;
	/** the key or attribute id in the file */
	id: string;
	type: ColumnType;
}

export const JSON_ID_SUFFIX = '-json';

type ValueKind = 'string' | 'boolean' | 'long' | 'double' | 'json';

function kindOf(value: unknown): ValueKind {
	if (typeof value === 'string') return isXmlSafe(value) ? 'string' : 'json';
	if (typeof value === 'boolean') return 'boolean';
	if (typeof value === 'number') return Number.isSafeInteger(value) ? 'long' : 'double';
	return 'json';
}

function merge(a: ValueKind, b: ValueKind): ValueKind {
	if (a === b) return a;
	if ((a === 'long' && b === 'double') || (a === 'double' && b === 'long')) return 'double';
	return 'json';
}

/** The columns for these objects' fields (structural ones left out), in order of first appearance; ids are prefix + index. */
export function planColumns(items: ReadonlyArray<Record<string, unknown>>, structural: ReadonlySet<string>, prefix: string): Column[] {
	const kinds = new Map<string, ValueKind>();
	for (const item of items) {
		for (const [name, value] of Object.entries(item)) {
			if (structural.has(name) || value === undefined) continue;
			const kind = kindOf(value);
			const seen = kinds.get(name);
			kinds.set(name, seen === undefined ? kind : merge(seen, kind));
		}
	}
	return [...kinds].map(([name, type], index) => ({ name, type, id: `${prefix}${index}${type === 'json' ? JSON_ID_SUFFIX : ''}` }));
}

/** A field's value as the column writes it. */
export function encodeValue(column: Column, value: unknown): string {
	if (column.type === 'json') return encodeJson(value);
	return String(value);
}

/** How a file's declared attribute type reads back: GraphML (int, long, float, double, boolean, string) and GEXF 1.3 types. */
export type ValueReader = 'string' | 'boolean' | 'number' | 'json';

const NUMBER_TYPES = new Set(['int', 'integer', 'long', 'short', 'byte', 'biginteger', 'float', 'double', 'bigdecimal']);

export function readerFor(declaredType: string | undefined, id: string): ValueReader {
	if (id.endsWith(JSON_ID_SUFFIX)) return 'json';
	const type = (declaredType ?? 'string').toLowerCase();
	if (type === 'boolean') return 'boolean';
	if (NUMBER_TYPES.has(type)) return 'number';
	return 'string';
}

/** Reads one value; a string result is a problem message (the value does not fit its declared type). */
export function decodeValue(reader: ValueReader, text: string): { value: unknown } | string {
	switch (reader) {
		case 'string':
			return { value: text };
		case 'boolean': {
			const word = text.trim().toLowerCase();
			if (word === 'true' || word === '1') return { value: true };
			if (word === 'false' || word === '0') return { value: false };
			return `must be true or false, not ${JSON.stringify(text)}`;
		}
		case 'number': {
			const number = text.trim() === '' ? NaN : Number(text);
			return Number.isFinite(number) ? { value: number } : `must be a number, not ${JSON.stringify(text)}`;
		}
		case 'json':
			try {
				return { value: parseJson(text) };
			} catch {
				const excerpt = JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
				if (tooDeepAt(text) !== -1) return `is JSON text nested deeper than ${MAX_JSON_DEPTH} levels (refused): ${excerpt}`;
				return `is not valid JSON text: ${excerpt}`;
			}
	}
}

/** Fields that hold lists in our format; a string holding a JSON list (a tool rewrote the file) is read back as the list. */
export function revive(name: string, value: unknown, listFields: ReadonlySet<string>): unknown {
	if (!listFields.has(name) || typeof value !== 'string' || !value.startsWith('[')) return value;
	try {
		const parsed = parseJson(value);
		return Array.isArray(parsed) ? parsed : value;
	} catch {
		return value;
	}
}
