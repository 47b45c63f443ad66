// Pushes apart nodes whose label-including boxes overlap, after a layout: force-directed layouts keep labels
// apart most of the time, and this makes "no overlapping labels" hold every time.

export interface PlacedBox {
	id: string;
	x: number;
	y: number;
	/** the box around the node and its label, in the same coordinates as x and y */
	x1: number;
	y1: number;
	x2: number;
	y2: number;
}

/** How far two boxes overlap along each axis (both positive when they overlap). */
function overlapOf(a: PlacedBox, b: PlacedBox, gap: number): { dx: number; dy: number } {
	return {
		dx: Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) + gap,
		dy: Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) + gap
	};
}

/** Labels are drawn (and so kept apart) only for graphs up to this many nodes; above, labels show by zoom. */
export const SEPARATE_LABELS_UP_TO = 1500;

/** Whether the overlap pass helps a drawing of this many nodes: only where labels are drawn at the fitted zoom. */
export function separatesLabels(nodeCount: number): boolean {
	return nodeCount > 1 && nodeCount <= SEPARATE_LABELS_UP_TO;
}

/** Counts the work a pass did, so tests can check that it grows with n log n, not n². */
export interface SeparationStats {
	rounds: number;
	comparisons: number;
}

/** Pushes b away from a (and a away from b), half the overlap each, along the axis that needs the shorter push. */
function pushApart(a: PlacedBox, b: PlacedBox, dx: number, dy: number) {
	const alongX = dx < dy;
	const sign = alongX ? Math.sign(b.x - a.x || 1) : Math.sign(b.y - a.y || 1);
	const half = (alongX ? dx : dy) / 2;
	for (const [box, direction] of [[a, -sign], [b, sign]] as const) {
		const shift = direction * half;
		if (alongX) {
			box.x += shift;
			box.x1 += shift;
			box.x2 += shift;
		} else {
			box.y += shift;
			box.y1 += shift;
			box.y2 += shift;
		}
	}
}

/**
 * New positions (by id) for the boxes that had to move so that no two boxes overlap, at least `gap` apart.
 * Each round hashes the boxes into a grid of cells as large as the largest box, so a box is only compared with
 * the boxes sharing one of its (at most four) cells: O(n) per round for boxes of similar size, not O(n²).
 */
export function separateBoxes(boxes: PlacedBox[], gap = 4, maxRounds = 200, stats?: SeparationStats): Map<string, { x: number; y: number }> {
	const placed = boxes.map((box) => ({ ...box }));
	const moved = new Set<number>();
	const cell = Math.max(1, ...placed.map((box) => Math.max(box.x2 - box.x1, box.y2 - box.y1) + gap));
	for (let round = 0; round < maxRounds; round++) {
		if (stats) stats.rounds = round + 1;
		const grid = new Map<string, number[]>();
		placed.forEach((box, index) => {
			for (let cx = Math.floor(box.x1 / cell); cx <= Math.floor((box.x2 + gap) / cell); cx++) {
				for (let cy = Math.floor(box.y1 / cell); cy <= Math.floor((box.y2 + gap) / cell); cy++) {
					const key = `${cx},${cy}`;
					const members = grid.get(key);
					if (members) members.push(index);
					else grid.set(key, [index]);
				}
			}
		});
		const compared = new Set<number>();
		let clear = true;
		for (const members of grid.values()) {
			for (let i = 0; i < members.length; i++) {
				for (let j = i + 1; j < members.length; j++) {
					const [first, second] = [members[i]!, members[j]!];
					// Two boxes can share up to four cells: compare each pair once per round.
					const pair = first * placed.length + second;
					if (compared.has(pair)) continue;
					compared.add(pair);
					if (stats) stats.comparisons += 1;
					const a = placed[first]!;
					const b = placed[second]!;
					const { dx, dy } = overlapOf(a, b, gap);
					if (dx <= 0 || dy <= 0) continue;
					clear = false;
					pushApart(a, b, dx, dy);
					moved.add(first).add(second);
				}
			}
		}
		if (clear) break;
	}
	return new Map([...moved].sort((a, b) => a - b).map((index) => [placed[index]!.id, { x: placed[index]!.x, y: placed[index]!.y }]));
}
