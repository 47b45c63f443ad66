import { describe, expect, it } from 'vitest';
import { moreRows, ROWS_AT_ONCE, rowsNote } from '../../src/lib/view/rows';

describe('long tables', () => {
	it('show their rows two hundred at a time, never more than there are', () => {
		expect(ROWS_AT_ONCE).toBe(200);
		expect(moreRows(200, 10_000)).toBe(400);
		expect(moreRows(9_900, 10_000)).toBe(10_000);
		expect(moreRows(200, 150)).toBe(150);
	});

	it('say which rows they show, in what order, and nothing once all are shown', () => {
		expect(rowsNote(200, 10_000, 'by betweenness, highest first')).toBe('The first 200 of 10,000 nodes, by betweenness, highest first.');
		expect(rowsNote(1_400, 1_400, 'by name, A to Z')).toBeNull();
		expect(rowsNote(200, 9_999, 'by name', 'partners')).toBe('The first 200 of 9,999 partners, by name.');
		expect(rowsNote(200, 31, 'by name, A to Z')).toBeNull();
	});
});
