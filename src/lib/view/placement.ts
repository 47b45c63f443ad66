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
