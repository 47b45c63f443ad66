// Node positions kept in the browser per dataset and layout, so a picture arranged by hand survives a reload;
// and the positions a dataset itself carries (node.position), which it opens with.
import type { Dataset } from '$lib/model';
import type { Point } from './placement';
import { DEFAULT_NODE_SIZE } from './style';

/** The part of Web Storage (localStorage) the positions need; tests pass a Map-backed one. */
export interface PositionStorage {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
	removeItem(key: string): void;
}

/** One key per dataset and layout; JSON keeps any characters of the ids apart. */
export function savedLayoutKey(datasetId: string, layoutId: string): string {
	return `alliance-explorer:positions:${JSON.stringify([datasetId, layoutId])}`;
}

interface Stored {
	ids: string[];
	/** x and y per id, in order */
	xy: number[];
}

export function readSavedPositions(storage: PositionStorage, datasetId: string, layoutId: string): Map<string, Point> | null {
	let stored: unknown;
	try {
		stored = JSON.parse(storage.getItem(savedLayoutKey(datasetId, layoutId)) ?? 'null');
	} catch {
		return null;
	}
	if (!isStored(stored)) return null;
	return new Map(stored.ids.map((id, i) => [id, { x: stored.xy[2 * i]!, y: stored.xy[2 * i + 1]! }]));
}

function isStored(value: unknown): value is Stored {
	if (typeof value !== 'object' || value === null) return false;
	const { ids, xy } = value as Partial<Stored>;
	return Array.isArray(ids) && Array.isArray(xy) && xy.length === 2 * ids.length && ids.every((id) => typeof id === 'string') && xy.every(Number.isFinite);
}

/** Keeps the positions; false when the browser refuses (storage full or disabled), which only loses the keeping. */
export function savePositions(storage: PositionStorage, datasetId: string, layoutId: string, positions: ReadonlyMap<string, Point>): boolean {
	const stored: Stored = { ids: [...positions.keys()], xy: [...positions.values()].flatMap((p) => [Math.round(p.x * 10) / 10, Math.round(p.y * 10) / 10]) };
	try {
		storage.setItem(savedLayoutKey(datasetId, layoutId), JSON.stringify(stored));
		return true;
	} catch {
		return false;
	}
}

export function clearSavedPositions(storage: PositionStorage, datasetId: string, layoutId: string): void {
	storage.removeItem(savedLayoutKey(datasetId, layoutId));
}

/** The positions the dataset carries for its nodes, or null when it carries none. */
export function datasetPositions(dataset: Dataset): Map<string, Point> | null {
	const positions = new Map<string, Point>();
	for (const node of dataset.nodes) if (node.position) positions.set(node.id, { x: node.position.x, y: node.position.y });
	return positions.size > 0 ? spreadOut(positions) : null;
}

/** How far apart, on average, carried positions too close or too far apart are put: four node widths. */
const SPREAD_SPACING = 4 * DEFAULT_NODE_SIZE;
/** Carried positions further apart than this on average (ten thousand node widths) are brought closer. */
const FARTHEST_SPACING = 10_000 * DEFAULT_NODE_SIZE;

/**
 * Positions from elsewhere are in that tool's units: networkx's layouts, for one, sit in a unit square, where every
 * node would cover the others. Positions closer on average (their extent over the square root of their number) than a
 * node is wide are spread out from the origin, all by one factor, so the picture is the same but readable; so are
 * positions so far apart that the whole would not fit the view at any zoom, brought closer. Positions that are all
 * one point, or beyond what can be measured, show nothing and count as none (the network is laid out).
 */
function spreadOut(positions: Map<string, Point>): Map<string, Point> | null {
	if (positions.size === 1) return positions;
	const box = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity };
	for (const { x, y } of positions.values()) {
		box.left = Math.min(box.left, x);
		box.right = Math.max(box.right, x);
		box.top = Math.min(box.top, y);
		box.bottom = Math.max(box.bottom, y);
	}
	const extent = Math.max(box.right - box.left, box.bottom - box.top);
	if (extent === 0 || !Number.isFinite(extent)) return null;
	const spacing = extent / Math.sqrt(positions.size);
	if (spacing >= DEFAULT_NODE_SIZE && spacing <= FARTHEST_SPACING) return positions;
	const factor = SPREAD_SPACING / spacing;
	return new Map([...positions].map(([id, { x, y }]) => [id, { x: x * factor, y: y * factor }]));
}

/** The dataset with each node's drawn position (node.position), for an export that opens drawn as it is now. */
export function withPositions(dataset: Dataset, positions: ReadonlyMap<string, Point>): Dataset {
	return {
		...dataset,
		nodes: dataset.nodes.map((node) => {
			const at = positions.get(node.id);
			return at ? { ...node, position: { x: Math.round(at.x * 10) / 10, y: Math.round(at.y * 10) / 10 } } : node;
		})
	};
}
