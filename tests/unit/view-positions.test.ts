import { describe, expect, it } from 'vitest';
import type { Dataset } from '$lib/model';
import { indexPairs, openingPositions, placeNewcomers, spiralPlacement } from '$lib/view/placement';
import { clearSavedPositions, datasetPositions, readSavedPositions, savePositions, savedLayoutKey, withPositions, type PositionStorage } from '$lib/view/saved-layout';

function memoryStorage(): PositionStorage & { items: Map<string, string> } {
	const items = new Map<string, string>();
	return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value), removeItem: (key) => void items.delete(key) };
}

describe('spiralPlacement', () => {
	const ids = ['leaf', 'hub', 'a', 'b', 'lone'];
	const pairs = [['hub', 'a'], ['hub', 'b'], ['hub', 'leaf'], ['a', 'b']] as const;

	it('gives the same positions for the same graph, every node its own spot', () => {
		const first = spiralPlacement(ids, pairs);
		expect([...spiralPlacement(ids, pairs)]).toEqual([...first]);
		expect(new Set([...first.values()].map((p) => `${p.x},${p.y}`)).size).toBe(ids.length);
	});

	it('puts the best-connected node in the middle and its neighbours next, other components after', () => {
		const at = spiralPlacement(ids, pairs);
		const distance = (id: string) => Math.hypot(at.get(id)!.x, at.get(id)!.y);
		expect(distance('hub')).toBeLessThan(distance('a'));
		expect(Math.max(distance('a'), distance('b'), distance('leaf'))).toBeLessThan(distance('lone'));
	});
});

describe('placeNewcomers', () => {
	it('puts a node coming into view beside its placed neighbours and moves no placed node', () => {
		const placed = new Map([['a', { x: 0, y: 0 }], ['b', { x: 100, y: 0 }]]);
		const moves = placeNewcomers(['c', 'd'], placed, (id) => (id === 'c' ? ['a', 'b'] : []), 60);
		expect([...moves.keys()]).toEqual(['c']);
		expect(Math.hypot(moves.get('c')!.x - 50, moves.get('c')!.y)).toBeCloseTo(60);
	});
});

describe('openingPositions', () => {
	const ids = ['a', 'b', 'c'];
	const ties = [{ source: 'a', target: 'b' }, { source: 'b', target: 'c' }];

	it('takes known positions as they are and is complete when all are known', () => {
		const known = new Map(ids.map((id, i) => [id, { x: i, y: -i }]));
		expect(openingPositions(ids, ties, known)).toEqual({ positions: known, complete: true });
	});

	it('places the unknown beside their known neighbours, and lays out from a spiral when nothing is known', () => {
		const { positions, complete } = openingPositions(ids, ties, new Map([['a', { x: 0, y: 0 }], ['b', { x: 100, y: 0 }], ['gone', { x: 5, y: 5 }]]));
		expect(complete).toBe(false);
		expect([...positions.keys()].sort()).toEqual(ids);
		expect(Math.hypot(positions.get('c')!.x - 100, positions.get('c')!.y)).toBeCloseTo(60);
		expect(openingPositions(ids, ties, null)).toEqual({ positions: spiralPlacement(ids, [['a', 'b'], ['b', 'c']]), complete: false });
	});
});

describe('indexPairs', () => {
	it('lists each pair of distinct nodes once, whatever the direction or number of ties', () => {
		const ties = [{ source: 'a', target: 'b' }, { source: 'b', target: 'a' }, { source: 'a', target: 'a' }, { source: 'c', target: 'x' }, { source: 'c', target: 'a' }];
		expect([...indexPairs(['a', 'b', 'c'], ties)]).toEqual([0, 1, 2, 0]);
	});
});

describe('saved positions', () => {
	it('keeps positions per dataset and layout, and forgets them on reset', () => {
		const storage = memoryStorage();
		const positions = new Map([['__proto__', { x: 1.25, y: -2 }], ['a|b', { x: 3, y: 4 }]]);
		expect(savePositions(storage, 'local:1', 'fcose', positions)).toBe(true);
		expect([...readSavedPositions(storage, 'local:1', 'fcose')!]).toEqual([['__proto__', { x: 1.3, y: -2 }], ['a|b', { x: 3, y: 4 }]]);
		expect(readSavedPositions(storage, 'local:1', 'circle')).toBeNull();
		expect(readSavedPositions(storage, 'local:2', 'fcose')).toBeNull();
		clearSavedPositions(storage, 'local:1', 'fcose');
		expect(readSavedPositions(storage, 'local:1', 'fcose')).toBeNull();
	});

	it('reads a damaged entry as none, and a full storage only loses the keeping', () => {
		const storage = memoryStorage();
		storage.setItem(savedLayoutKey('d', 'fcose'), '{"ids":["a"],"xy":[1]}');
		expect(readSavedPositions(storage, 'd', 'fcose')).toBeNull();
		storage.setItem(savedLayoutKey('d', 'fcose'), 'not json');
		expect(readSavedPositions(storage, 'd', 'fcose')).toBeNull();
		const full: PositionStorage = { ...storage, setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } };
		expect(savePositions(full, 'd', 'fcose', new Map([['a', { x: 0, y: 0 }]]))).toBe(false);
	});

	it('reads the positions a dataset carries, and none when it carries none', () => {
		const dataset = { nodes: [{ id: 'a', label: 'A', position: { x: 10, y: 20 } }, { id: 'b', label: 'B' }], edges: [] } as unknown as Dataset;
		expect([...datasetPositions(dataset)!]).toEqual([['a', { x: 10, y: 20 }]]);
		expect(datasetPositions({ ...dataset, nodes: [{ id: 'b', label: 'B' }] } as unknown as Dataset)).toBeNull();
	});

	const carrying = (points: [number, number][]) =>
		({ nodes: points.map(([x, y], i) => ({ id: `n${i}`, label: `N${i}`, position: { x, y } })), edges: [] }) as unknown as Dataset;

	it('spreads out positions closer on average than a node is wide (a unit square), all by one factor', () => {
		// Four corners of a unit square: extent 1 over √4 nodes, 0.5 apart on average; spread to 4 × 28 = 112 apart.
		const spread = datasetPositions(carrying([[0, 0], [1, 0], [0, -1], [1, -1]]))!;
		expect([...spread.values()]).toEqual([{ x: 0, y: 0 }, { x: 224, y: 0 }, { x: 0, y: -224 }, { x: 224, y: -224 }]);
	});

	it('brings positions too far apart for any zoom closer, all by one factor', () => {
		// Extent 2e300 over √4: 1e300 apart on average, brought to 112.
		const near = datasetPositions(carrying([[-1e300, 1e300], [1e300, -1e300], [0, 0], [1e300, 1e300]]))!;
		const rounded = [...near.values()].map(({ x, y }) => [Math.round(x * 1e9) / 1e9, Math.round(y * 1e9) / 1e9]);
		expect(rounded).toEqual([[-112, 112], [112, -112], [0, 0], [112, 112]]);
	});

	it('keeps positions a node’s width apart or more as they are, and counts positions all at one point as none', () => {
		// Extent 56 over √4: 28 apart on average, a node's width.
		const wide = carrying([[0, 0], [56, 0], [0, 56], [56, 56]]);
		expect([...datasetPositions(wide)!.values()]).toEqual([{ x: 0, y: 0 }, { x: 56, y: 0 }, { x: 0, y: 56 }, { x: 56, y: 56 }]);
		expect(datasetPositions(carrying([[3, 3], [3, 3], [3, 3]]))).toBeNull();
		expect(datasetPositions(carrying([[-1e308, 0], [1e308, 0]]))).toBeNull();
		expect([...datasetPositions(carrying([[0.5, 0.25]]))!.values()]).toEqual([{ x: 0.5, y: 0.25 }]);
	});
});

describe('withPositions', () => {
	it('writes each drawn position into its node, rounded to a tenth, and reads back the same', () => {
		const dataset = { nodes: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B', position: { x: 1, y: 1 } }], edges: [] } as unknown as Dataset;
		const placed = withPositions(dataset, new Map([['a', { x: 100.04, y: -30.26 }]]));
		expect(placed.nodes).toEqual([{ id: 'a', label: 'A', position: { x: 100, y: -30.3 } }, { id: 'b', label: 'B', position: { x: 1, y: 1 } }]);
		expect(dataset.nodes[0]).toEqual({ id: 'a', label: 'A' });
		expect([...datasetPositions(placed)!]).toEqual([['a', { x: 100, y: -30.3 }], ['b', { x: 1, y: 1 }]]);
	});
});
