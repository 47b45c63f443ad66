import { describe, expect, it } from 'vitest';
import { count, formatMetric, formatShare, ordinal, rankWords, sizeWords, whole } from '$lib/analysis/format';

describe('one rounding rule for every number the analysis shows', () => {
	it('shows measures to three decimals, whole numbers as they are, a dash for undefined, 0 for float noise', () => {
		expect([0.2885878, 40, null, undefined, NaN, 4.65628e-31, 12.333333, 0.0004, -0.25].map(formatMetric)).toEqual([
			'0.289',
			'40',
			'—',
			'—',
			'—',
			'0',
			'12.333',
			'<0.001',
			'-0.25'
		]);
	});

	it('shows shares as whole percents, never 0% or 100% unless exactly so', () => {
		expect([0.505, 1 / 3, 0, 1, 0.001, 0.999, null].map(formatShare)).toEqual(['51%', '33%', '0%', '100%', '<1%', '>99%', '—']);
	});

	it('writes ranks and counts in words', () => {
		expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '101st', '111th']);
		expect([count(1, 'pair'), count(3, 'pair'), count(2, 'forum or mechanism', 'forums and mechanisms')]).toEqual(['1 pair', '3 pairs', '2 forums and mechanisms']);
		expect(count(10_000, 'node')).toBe('10,000 nodes');
		expect([whole(0), whole(999), whole(20_708_500)]).toEqual(['0', '999', '20,708,500']);
		expect(sizeWords(1, 49_975)).toBe('1 node, 49,975 edges');
		expect([
			{ rank: 3, of: 31, tiedWith: 0 },
			{ rank: 3, of: 31, tiedWith: 1 },
			{ rank: 12, of: 31, tiedWith: 4 },
			{ rank: 1, of: 5_000, tiedWith: 4_999 },
			{ rank: null, of: 29, tiedWith: 0 }
		].map(rankWords)).toEqual(['3rd of 31', 'joint 3rd of 31, with 1 other', 'joint 12th of 31, with 4 others', 'joint 1st of 5,000, with all the others', '—']);
	});
});
