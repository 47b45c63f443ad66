// Where the nodes go when the dataset on screen is edited: every node drawn before keeps its place, and a new one
// goes beside the nodes it is tied to (else at the centre of the view), so an edit never reshuffles the picture.
import type { Dataset } from '$lib/model';

export interface Point {
	x: number;
	y: number;
}

/** How far from its neighbours' centre a new node is put, in layout units: about a node and its label. */
const STEP = 70;

/**
 * Positions for every node of the edited dataset, from those drawn before; null when none of its nodes was drawn
 * (another dataset, which needs a layout of its own).
 */
export function placeAfterEdit(dataset: Dataset, drawn: ReadonlyMap<string, Point>, centre: Point): Map<string, Point> | null {
	if (!dataset.nodes.some((node) => drawn.has(node.id))) return null;
	const placed = new Map<string, Point>();
	for (const node of dataset.nodes) {
		const at = drawn.get(node.id);
		if (at) placed.set(node.id, at);
	}
	const neighbours = new Map<string, string[]>();
	for (const edge of dataset.edges) {
		for (const [end, other] of [
			[edge.source, edge.target],
			[edge.target, edge.source]
		] as const) {
			const list = neighbours.get(end);
			if (list) list.push(other);
			else neighbours.set(end, [other]);
		}
	}
	// New nodes in file order, each seeing those placed before it, so a new node tied only to another new one still lands beside it.
	let fresh = 0;
	for (const node of dataset.nodes) {
		if (placed.has(node.id)) continue;
		const anchors = (neighbours.get(node.id) ?? []).flatMap((id) => placed.get(id) ?? []);
		const base = anchors.length
			? { x: anchors.reduce((sum, p) => sum + p.x, 0) / anchors.length, y: anchors.reduce((sum, p) => sum + p.y, 0) / anchors.length }
			: centre;
		// Successive new nodes go round their anchor, so two never sit on the same spot.
		const angle = (fresh * 2 * Math.PI) / 6 + Math.PI / 4;
		placed.set(node.id, { x: base.x + STEP * Math.cos(angle), y: base.y + STEP * Math.sin(angle) });
		fresh += 1;
	}
	return placed;
}
