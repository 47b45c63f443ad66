import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDataset } from '$lib/model';
import { communityColours, measureHighlight, NODE_SIZE, sizeByMetric } from '$lib/view/emphasis';
import { OKABE_ITO } from '$lib/view/palette';
import { fixture } from './paths';

describe('sizeByMetric', () => {
	it('maps the smallest value to the smallest size and the largest to the largest, linearly between', () => {
		// 0 -> 18, 0.5 -> 18 + 0.5 * 42 = 39, 1 -> 60
		expect(sizeByMetric({ a: 0, b: 0.5, c: 1 })).toEqual({ a: NODE_SIZE.min, b: 39, c: NODE_SIZE.max });
	});

	it('gives undefined values the smallest size and equal values the middle size', () => {
		expect(sizeByMetric({ a: null, b: 2, c: 4 })).toEqual({ a: 18, b: 18, c: 60 });
		expect(sizeByMetric({ a: 3, b: 3 })).toEqual({ a: 39, b: 39 });
	});
});

describe('measureHighlight', () => {
	it("lists the edges of the chosen measure and nothing without one", () => {
		const result = parseDataset(readFileSync(fixture('datasets', 'minimal.json'), 'utf8'));
		if (!result.ok) throw new Error('fixture must be valid');
		expect(measureHighlight(result.dataset, 'join-forum')).toEqual({ nodes: [], edgeIds: ['b--forum--membership'] });
		expect(measureHighlight(result.dataset, null)).toEqual({ nodes: [], edgeIds: [] });
	});
});

describe('communityColours', () => {
	it('gives the largest community the first hue and communities past the seventh grey', () => {
		expect(communityColours({ a: 0, b: 1, c: 0, d: 9 })).toEqual({ a: OKABE_ITO.blue, b: OKABE_ITO.orange, c: OKABE_ITO.blue, d: OKABE_ITO.grey });
	});
});

describe('sizeByPartners', () => {
	it('runs from the smallest size for the fewest partners to the largest for the most, area in proportion', async () => {
		const { sizeByPartners } = await import('$lib/view/emphasis');
		// sqrt: 0 -> 0, 4 -> 2, 16 -> 4, so 4 partners sit half way: 18 + 0.5 * 42 = 39
		const sizes = sizeByPartners(new Map([['__proto__', 0], ['b', 4], ['c', 16]]));
		expect([...sizes]).toEqual([['__proto__', 18], ['b', 39], ['c', 60]]);
		expect([...sizeByPartners(new Map([['a', 3], ['b', 3]]))]).toEqual([['a', 39], ['b', 39]]);
	});
});
