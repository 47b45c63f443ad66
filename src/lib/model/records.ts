// Records keyed by users' ids and field names. Ids come from users' files, so "__proto__", "constructor" or
// "toString" are keys like any other: lookup tables are null-prototype objects (or Maps), and fields written onto
// data objects are own properties, never assignments that could reach a prototype.

/** A lookup table keyed by user data: no prototype, so no key is inherited and none sets a prototype. */
export function keyedRecord<T>(entries: Iterable<readonly [string, T]> = []): Record<string, T> {
	const record = Object.create(null) as Record<string, T>;
	for (const [key, value] of entries) record[key] = value;
	return record;
}

/** Sets a field as an own property, so a field named "__proto__" is data and never a prototype. */
export function setField(target: Record<string, unknown>, name: string, value: unknown): void {
	Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
}

/** A plain object with these fields as own properties, in order (a "__proto__" field stays a field). */
export function objectFromFields(entries: Iterable<readonly [string, unknown]>): Record<string, unknown> {
	const object: Record<string, unknown> = {};
	for (const [key, value] of entries) setField(object, key, value);
	return object;
}

/** A dataset's node ids and labels, for lookups by id. */
export function nodeLookup(nodes: ReadonlyArray<{ id: string; label: string }>): { ids: ReadonlySet<string>; labels: ReadonlyMap<string, string> } {
	return { ids: new Set(nodes.map((node) => node.id)), labels: new Map(nodes.map((node) => [node.id, node.label])) };
}
