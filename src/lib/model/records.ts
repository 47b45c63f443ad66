// Records keyed by users' ids (`__proto__`, `constructor`, `toString` are ids like any other): null-prototype
// objects, so they serialise as plain JSON objects and no key reaches Object.prototype.

/** A null-prototype record from [key, value] pairs (later pairs win, as in Object.fromEntries). */
export function recordFrom<V>(entries: Iterable<readonly [string, V]>): Record<string, V> {
	const record: Record<string, V> = Object.create(null);
	for (const [key, value] of entries) record[key] = value;
	return record;
}

/** The value a record holds under its own key, never one inherited from Object.prototype. */
export function own<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
	return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** A dataset's node ids and labels, for lookups by id. */
export function nodeLookup(nodes: ReadonlyArray<{ id: string; label: string }>): { ids: ReadonlySet<string>; labels: ReadonlyMap<string, string> } {
	return { ids: new Set(nodes.map((node) => node.id)), labels: new Map(nodes.map((node) => [node.id, node.label])) };
}
