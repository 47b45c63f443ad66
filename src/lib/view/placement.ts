// Where nodes start before (or without) a layout: a deterministic placement that already keeps neighbours near,
// fast enough (O(n + m)) to give the first picture of a 10,000-node graph at once; and placing nodes that come
// into view after a layout that did not include them.

export interface Point {
	x: number;
	y: number;
}

/** The golden angle: successive points of a sunflower spiral never line up. */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Nodes on a sunflower spiral in breadth-first order from the best-connected node (ties by input order), each
 * further component starting from its own best-connected node: hubs in the middle, neighbours close together,
 * `spacing` pixels between neighbouring points. The same ids and pairs always give the same positions.
 */
export function spiralPlacement(ids: readonly string[], pairs: ReadonlyArray<readonly [string, string]>, spacing = 40): Map<string, Point> {
	const index = new Map(ids.map((id, i) => [id, i]));
	const neighbours: number[][] = ids.map(() => []);
	for (const [a, b] of pairs) {
		const i = index.get(a);
		const j = index.get(b);
		if (i === undefined || j === undefined || i === j) continue;
		neighbours[i]!.push(j);
		neighbours[j]!.push(i);
	}
	const byDegree = ids.map((_, i) => i).sort((a, b) => neighbours[b]!.length - neighbours[a]!.length || a - b);
	const order: number[] = [];
	const seen = new Uint8Array(ids.length);
	for (const start of byDegree) {
		if (seen[start]) continue;
		seen[start] = 1;
		order.push(start);
		for (let head = order.length - 1; head < order.length; head++) {
			for (const next of neighbours[order[head]!]!) {
				if (seen[next]) continue;
				seen[next] = 1;
				order.push(next);
			}
		}
	}
	const positions = new Map<string, Point>();
	order.forEach((node, rank) => {
		const radius = spacing * Math.sqrt(rank + 0.5);
		const angle = rank * GOLDEN_ANGLE;
		positions.set(ids[node]!, { x: Math.round(radius * Math.cos(angle) * 10) / 10, y: Math.round(radius * Math.sin(angle) * 10) / 10 });
	});
	return positions;
}

/**
 * Positions for nodes that were not placed by the last layout, as they come into view: each goes beside the
 * centre of its placed neighbours (a deterministic step around it per newcomer), or keeps where it was when it
 * has none. Placed nodes do not move.
 */
export function placeNewcomers(
	newcomers: readonly string[],
	placed: ReadonlyMap<string, Point>,
	neighboursOf: (id: string) => readonly string[],
	spacing = 60
): Map<string, Point> {
	const result = new Map<string, Point>();
	newcomers.forEach((id, rank) => {
		const anchors = neighboursOf(id)
			.map((other) => placed.get(other) ?? result.get(other))
			.filter((point): point is Point => point !== undefined);
		if (anchors.length === 0) return;
		const centre = { x: anchors.reduce((sum, p) => sum + p.x, 0) / anchors.length, y: anchors.reduce((sum, p) => sum + p.y, 0) / anchors.length };
		const angle = (rank + 1) * GOLDEN_ANGLE;
		result.set(id, { x: centre.x + spacing * Math.cos(angle), y: centre.y + spacing * Math.sin(angle) });
	});
	return result;
}

/** Each node's neighbours over the given ties (parallel ties repeat a neighbour). */
export function neighbourLists(ids: Iterable<string>, ties: Iterable<{ source: string; target: string }>): Map<string, string[]> {
	const neighbours = new Map<string, string[]>();
	for (const id of ids) neighbours.set(id, []);
	for (const { source, target } of ties) {
		neighbours.get(source)?.push(target);
		neighbours.get(target)?.push(source);
	}
	return neighbours;
}

/** Each pair of distinct nodes once, as indices into `ids`, from the ties given: what a layout pulls together. */
export function indexPairs(ids: readonly string[], ties: Iterable<{ source: string; target: string }>): Uint32Array {
	const index = new Map(ids.map((id, i) => [id, i]));
	const seen = new Set<number>();
	const pairs: number[] = [];
	for (const { source, target } of ties) {
		const a = index.get(source);
		const b = index.get(target);
		if (a === undefined || b === undefined || a === b) continue;
		const key = Math.min(a, b) * ids.length + Math.max(a, b);
		if (seen.has(key)) continue;
		seen.add(key);
		pairs.push(a, b);
	}
	return Uint32Array.from(pairs);
}

/**
 * Where a drawing opens from known positions (kept in the browser or carried by the dataset): known ones as they
 * are, the rest beside their placed neighbours or, without any, on a spiral; `complete` when all were known.
 */
export function openingPositions(
	ids: readonly string[],
	ties: readonly { source: string; target: string }[],
	known: ReadonlyMap<string, Point> | null
): { positions: Map<string, Point>; complete: boolean } {
	if (!known) return { positions: spiralPlacement(ids, ties.map((tie) => [tie.source, tie.target] as const)), complete: false };
	const missing = ids.filter((id) => !known.has(id));
	const neighbours = neighbourLists(ids, ties);
	const positions = new Map([...known].filter(([id]) => neighbours.has(id)));
	for (const [id, at] of placeNewcomers(missing, positions, (id) => neighbours.get(id) ?? [])) positions.set(id, at);
	const spiral = spiralPlacement(missing, []);
	for (const id of missing) if (!positions.has(id)) positions.set(id, spiral.get(id)!);
	return { positions, complete: missing.length === 0 };
}
