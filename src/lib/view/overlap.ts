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

/** New positions (by id) for the boxes that had to move so that no two boxes overlap, at least `gap` apart. */
export function separateBoxes(boxes: PlacedBox[], gap = 4, maxRounds = 200): Map<string, { x: number; y: number }> {
	const placed = boxes.map((box) => ({ ...box }));
	const moved = new Set<string>();
	for (let round = 0; round < maxRounds; round++) {
		let clear = true;
		for (let i = 0; i < placed.length; i++) {
			for (let j = i + 1; j < placed.length; j++) {
				const a = placed[i]!;
				const b = placed[j]!;
				const { dx, dy } = overlapOf(a, b, gap);
				if (dx <= 0 || dy <= 0) continue;
				clear = false;
				// Move along the axis that needs the shorter push, each box half the way.
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
					moved.add(box.id);
				}
			}
		}
		if (clear) break;
	}
	return new Map(placed.filter((box) => moved.has(box.id)).map((box) => [box.id, { x: box.x, y: box.y }]));
}
