// The graph by keyboard: which key does what (arrows move between neighbours, Shift+arrows pan, + and - zoom, 0 fits,
// Enter opens the details), and which neighbour an arrow leads to: the one whose direction from the node is closest
// to the arrow's, among those on its side.
export type Direction = 'left' | 'right' | 'up' | 'down';

export type GraphKeyAction =
	| { kind: 'move'; direction: Direction }
	| { kind: 'pan'; direction: Direction }
	| { kind: 'zoom'; factor: number }
	| { kind: 'fit' }
	| { kind: 'open' };

const ARROWS: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

/** One zoom step: five steps double the zoom. */
export const ZOOM_STEP = 2 ** (1 / 5);

/** The action of a key press on the graph; null for keys the graph leaves to the page (Escape, Tab, shortcuts). */
export function keyboardAction(event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>): GraphKeyAction | null {
	if (event.ctrlKey || event.metaKey || event.altKey) return null;
	const direction = Object.hasOwn(ARROWS, event.key) ? ARROWS[event.key]! : null;
	if (direction) return { kind: event.shiftKey ? 'pan' : 'move', direction };
	if (event.key === '+' || event.key === '=') return { kind: 'zoom', factor: ZOOM_STEP };
	if (event.key === '-' || event.key === '_') return { kind: 'zoom', factor: 1 / ZOOM_STEP };
	if (event.key === '0') return { kind: 'fit' };
	if (event.key === 'Enter') return { kind: 'open' };
	return null;
}

const UNIT: Record<Direction, { x: number; y: number }> = { left: { x: -1, y: 0 }, right: { x: 1, y: 0 }, up: { x: 0, y: -1 }, down: { x: 0, y: 1 } };

/** How far to pan for one press, in screen pixels: an eighth of the view. */
export function panStep(direction: Direction, width: number, height: number): { x: number; y: number } {
	// Panning right shows what lies to the right: the drawing moves left.
	const unit = UNIT[direction];
	return { x: (-unit.x * width) / 8 || 0, y: (-unit.y * height) / 8 || 0 };
}

/**
 * The candidate an arrow leads to from `from` (screen coordinates, y down): among those on the arrow's side, the one
 * whose direction is closest to the arrow's, the nearer one first among equals; null when none lies that way.
 */
export function neighbourToward(from: { x: number; y: number }, candidates: ReadonlyArray<{ id: string; x: number; y: number }>, direction: Direction): string | null {
	const unit = UNIT[direction];
	let best: { id: string; angle: number; distance: number } | null = null;
	for (const candidate of candidates) {
		const dx = candidate.x - from.x;
		const dy = candidate.y - from.y;
		const distance = Math.hypot(dx, dy);
		const along = dx * unit.x + dy * unit.y;
		if (distance === 0 || along <= 0) continue;
		const angle = Math.acos(Math.min(1, along / distance));
		if (!best || angle < best.angle - 1e-9 || (Math.abs(angle - best.angle) <= 1e-9 && distance < best.distance)) best = { id: candidate.id, angle, distance };
	}
	return best?.id ?? null;
}

/** The node nearest a point: where arrow keys start when nothing is selected. */
export function nearestTo(point: { x: number; y: number }, candidates: ReadonlyArray<{ id: string; x: number; y: number }>): string | null {
	let best: { id: string; distance: number } | null = null;
	for (const candidate of candidates) {
		const distance = Math.hypot(candidate.x - point.x, candidate.y - point.y);
		if (!best || distance < best.distance) best = { id: candidate.id, distance };
	}
	return best?.id ?? null;
}

/** What the graph's label says about using it by keyboard. */
export const KEYBOARD_HELP =
	'Arrow keys move to a neighbour of the selected node (or select the node nearest the middle), Shift with an arrow pans, plus and minus zoom, 0 fits the graph, Enter opens the details of the selection, Escape leaves focus.';
