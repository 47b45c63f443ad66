import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { separateBoxes, separatesLabels, SEPARATE_LABELS_UP_TO, type PlacedBox, type SeparationStats } from '$lib/view/overlap';

const box = (id: string, x: number, y: number, width = 40, height = 20): PlacedBox => ({
	id,
	x,
	y,
	x1: x - width / 2,
	y1: y - height / 2,
	x2: x + width / 2,
	y2: y + height / 2
});

/** Applies moves and reports every pair still overlapping. */
function overlapsAfter(boxes: PlacedBox[], moves: Map<string, { x: number; y: number }>): string[] {
	const placed = boxes.map((b) => {
		const to = moves.get(b.id);
		return to ? { ...b, x1: b.x1 + to.x - b.x, x2: b.x2 + to.x - b.x, y1: b.y1 + to.y - b.y, y2: b.y2 + to.y - b.y } : b;
	});
	const pairs: string[] = [];
	for (let i = 0; i < placed.length; i++) {
		for (let j = i + 1; j < placed.length; j++) {
			const [a, b] = [placed[i]!, placed[j]!];
			if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) pairs.push(`${a.id}/${b.id}`);
		}
	}
	return pairs;
}

describe('separateBoxes', () => {
	it('leaves boxes that do not overlap where they are', () => {
		expect(separateBoxes([box('a', 0, 0), box('b', 100, 0)]).size).toBe(0);
	});

	it('pushes two overlapping boxes apart along the shorter axis, half each', () => {
		const moves = separateBoxes([box('a', 0, 0), box('b', 30, 2)], 0);
		expect(moves.get('a')).toEqual({ x: -5, y: 0 });
		expect(moves.get('b')).toEqual({ x: 35, y: 2 });
	});

	it('separates boxes stacked on the same spot', () => {
		const boxes = [box('a', 0, 0), box('b', 0, 0), box('c', 0, 0)];
		expect(overlapsAfter(boxes, separateBoxes(boxes))).toEqual([]);
	});

	it('leaves no overlap for any crowd of boxes', () => {
		const crowd = fc.array(fc.record({ x: fc.integer({ min: 0, max: 200 }), y: fc.integer({ min: 0, max: 200 }), w: fc.integer({ min: 10, max: 80 }) }), {
			minLength: 2,
			maxLength: 25
		});
		fc.assert(
			fc.property(crowd, (specs) => {
				const boxes = specs.map((s, i) => box(`n${i}`, s.x, s.y, s.w, 18));
				expect(overlapsAfter(boxes, separateBoxes(boxes, 2, 2000))).toEqual([]);
			}),
			{ numRuns: 60 }
		);
	});

	it('compares a box only with its grid neighbours: work grows with n, not n squared', () => {
		// 10,000 label boxes on a loose grid with every tenth one nudged onto its neighbour.
		const boxes = Array.from({ length: 10_000 }, (_, i) => box(`n${i}`, (i % 100) * 60 + (i % 10 === 0 ? 30 : 0), Math.floor(i / 100) * 30));
		const stats: SeparationStats = { rounds: 0, comparisons: 0 };
		const moves = separateBoxes(boxes, 2, 200, stats);
		expect(overlapsAfter(boxes, moves)).toEqual([]);
		expect(stats.comparisons / stats.rounds).toBeLessThan(boxes.length * 10);
		expect(moves.size).toBeLessThan(boxes.length);
	});

	it('moves only the boxes that overlap, leaving the rest of a large drawing untouched', () => {
		const boxes = [...Array.from({ length: 500 }, (_, i) => box(`far${i}`, i * 100, 0)), box('p', 0, 500), box('q', 10, 500)];
		expect([...separateBoxes(boxes).keys()]).toEqual(['p', 'q']);
	});
});

describe('separatesLabels', () => {
	it('runs the overlap pass only where labels are drawn at the fitted zoom', () => {
		expect(separatesLabels(1)).toBe(false);
		expect(separatesLabels(30)).toBe(true);
		expect(separatesLabels(SEPARATE_LABELS_UP_TO)).toBe(true);
		expect(separatesLabels(SEPARATE_LABELS_UP_TO + 1)).toBe(false);
	});
});
