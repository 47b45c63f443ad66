import { describe, expect, it } from 'vitest';
import { describeWeight, STRENGTH_SCALE } from '$lib/model';

describe('describeWeight', () => {
	it('reads a weight on the 1–3 scale as a strength in words', () => {
		expect(describeWeight(3)).toEqual({
			term: 'Strength',
			text: '3 of 3: strong — a tie the source presents as central and binding, such as an alliance, a dispute that dominates the relationship, or a step it calls critical'
		});
		expect(describeWeight(1).text).toMatch(/^1 of 3: slight — mentioned in passing/);
		expect([...STRENGTH_SCALE.keys()]).toEqual([1, 2, 3]);
	});

	it('shows any other weight as a plain number, saying it is off the scale', () => {
		expect(describeWeight(2.5)).toEqual({ term: 'Weight', text: '2.5 (not on the 1–3 strength scale)' });
		expect(describeWeight(17)).toEqual({ term: 'Weight', text: '17 (not on the 1–3 strength scale)' });
	});
});
