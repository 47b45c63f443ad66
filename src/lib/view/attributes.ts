// The attributes a dataset's nodes and ties carry, imported or ours: the fields the panels and the Table list, their
// values in compact words, and the catalogue of those that can colour, size, shape and filter (categories, numbers).
// Field names come from users' files ("__proto__", "constructor"): values are read as own properties only.
import type { Dataset } from '$lib/model';
import { formatMetric } from '$lib/analysis/format';

export type AttributeScope = 'node' | 'edge';

/** The key of a missing or empty value, as the other filters name one ("unspecified"); shown as "not recorded". */
export const NOT_RECORDED = 'unspecified';

/** At most this many distinct values make a category (the brief has 37 relations); more is a label or free text. */
export const MAX_CATEGORIES = 40;
/** A category's values are short; a longer text is a description. */
const MAX_CATEGORY_LENGTH = 60;

/** Fields with a place of their own in a panel, the Table or the filters: not listed again among the attributes. */
export const NODE_FIELDS_SHOWN: ReadonlySet<string> = new Set(['id', 'label', 'type', 'aliases', 'description', 'note']);
export const EDGE_FIELDS_SHOWN: ReadonlySet<string> = new Set([
	'id',
	'source',
	'target',
	'kind',
	'relation',
	'domain',
	'status',
	'directed',
	'weight',
	'since',
	'until',
	'label',
	'measure',
	'note',
	'evidence'
]);

/** Fields that identify an item, or that the filters already cover: never offered for appearance or attribute filters. */
const NOT_OFFERED: Record<AttributeScope, ReadonlySet<string>> = {
	node: new Set(['id', 'label', 'type']),
	edge: new Set(['id', 'source', 'target', 'label', 'kind', 'domain', 'status', 'since', 'until', 'evidence'])
};

/** An item's own field, or undefined: a field the item lacks is never looked up on its prototype. */
export function fieldValue(item: object, name: string): unknown {
	return Object.hasOwn(item, name) ? (item as Record<string, unknown>)[name] : undefined;
}

/** The item's fields beyond `shown`, in the item's own order, with a value. */
export function otherFields(item: object, shown: ReadonlySet<string>): Array<[string, unknown]> {
	return Object.entries(item).filter(([name, value]) => !shown.has(name) && value !== undefined);
}

const LONGEST = 240;

function compact(value: unknown, depth: number): string {
	if (value === null) return '—';
	if (typeof value === 'number') return formatMetric(value);
	if (typeof value === 'string' || typeof value === 'boolean') return String(value);
	if (depth > 3) return '…';
	if (Array.isArray(value)) {
		const inner = value.map((item) => compact(item, depth + 1)).join(', ');
		return depth === 0 ? inner : `[${inner}]`;
	}
	if (typeof value === 'object') {
		const inner = Object.entries(value)
			.map(([name, item]) => `${name}: ${compact(item, depth + 1)}`)
			.join(', ');
		return depth === 0 ? inner : `{${inner}}`;
	}
	return String(value);
}

/** A value in compact words: lists joined by commas, objects as "name: value", text longer than `longest` cut with "…". */
export function formatValue(value: unknown, longest = LONGEST): string {
	const text = compact(value, 0);
	return text.length > longest ? `${text.slice(0, longest - 1)}…` : text;
}

/** A value as a category key: its text; missing, null or empty is NOT_RECORDED. Lists and objects are not categories. */
export function categoryKey(value: unknown): string | null {
	if (value === undefined || value === null || value === '') return NOT_RECORDED;
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return null;
}

/** A category key in words: "not recorded" for the missing ones. */
export function categoryLabel(key: string): string {
	return key === NOT_RECORDED ? 'not recorded' : key;
}

export interface CategoryCount {
	key: string;
	count: number;
}

export interface AttributeInfo {
	scope: AttributeScope;
	name: string;
	/** number: every value present is a finite number; category: values that repeat (text, true/false, numbers) */
	kind: 'number' | 'category';
	/** how many items carry a value */
	carriers: number;
	/** how many items lack one */
	missing: number;
	/** the distinct values with their counts, most frequent first (NOT_RECORDED last); empty for a number with too many values */
	categories: CategoryCount[];
	/** numbers: the smallest and largest value */
	range: { min: number; max: number } | null;
}

/** Values of equal count in the locale's order, numbers by value ("2" before "10"): one collator, as a localeCompare
 * with options makes one per call (7 µs each: some ms for the brief's fields as the page starts). */
const BY_KEY = new Intl.Collator(undefined, { numeric: true });

function byCount(a: CategoryCount, b: CategoryCount): number {
	if ((a.key === NOT_RECORDED) !== (b.key === NOT_RECORDED)) return a.key === NOT_RECORDED ? 1 : -1;
	return b.count - a.count || BY_KEY.compare(a.key, b.key);
}

/** What one field's values make of it, or null when it cannot colour, size or filter (free text, lists, ids). */
function describeField(scope: AttributeScope, name: string, items: readonly object[]): AttributeInfo | null {
	const counts = new Map<string, number>();
	// Past MAX_CATEGORIES distinct values the counts are no use (a number then shows no categories, a text is no
	// category): they stop, so a value unique to each of 50,000 ties costs no map of 50,000 and no sort of it.
	let counting = true;
	let carriers = 0;
	let numbers = true;
	let booleans = true;
	let short = true;
	let min = Infinity;
	let max = -Infinity;
	for (const item of items) {
		const value = fieldValue(item, name);
		const key = categoryKey(value);
		if (key === null) return null;
		if (counting) {
			counts.set(key, (counts.get(key) ?? 0) + 1);
			counting = counts.size <= MAX_CATEGORIES + 1;
		}
		if (key === NOT_RECORDED) continue;
		carriers += 1;
		if (typeof value === 'number' && Number.isFinite(value)) {
			min = Math.min(min, value);
			max = Math.max(max, value);
		} else numbers = false;
		if (typeof value !== 'boolean') booleans = false;
		if (typeof value === 'string' && value.length > MAX_CATEGORY_LENGTH) short = false;
	}
	if (carriers === 0) return null;
	const distinct = counting ? counts.size - (counts.has(NOT_RECORDED) ? 1 : 0) : Infinity;
	const categories = distinct <= MAX_CATEGORIES ? [...counts].map(([key, count]) => ({ key, count })).sort(byCount) : [];
	const missing = items.length - carriers;
	if (numbers) return { scope, name, kind: 'number', carriers, missing, categories, range: { min, max } };
	const repeats = distinct < carriers && distinct <= MAX_CATEGORIES && short;
	return booleans || repeats ? { scope, name, kind: 'category', carriers, missing, categories, range: null } : null;
}

/** The attributes of the dataset's nodes or ties that can colour, size, shape or filter, in order of first appearance. */
export function attributeCatalogue(dataset: Dataset, scope: AttributeScope): AttributeInfo[] {
	const items: readonly object[] = scope === 'node' ? dataset.nodes : dataset.edges;
	const names = new Set<string>();
	for (const item of items) for (const name of Object.keys(item)) if (!NOT_OFFERED[scope].has(name)) names.add(name);
	return [...names].map((name) => describeField(scope, name, items)).filter((info): info is AttributeInfo => info !== null);
}

/** The columns a table of these items shows beyond `shown`: every field any of them carries, in order of first appearance. */
export function extraColumns(items: readonly object[], shown: ReadonlySet<string>): string[] {
	const names = new Set<string>();
	for (const item of items) for (const [name] of otherFields(item, shown)) names.add(name);
	return [...names];
}
