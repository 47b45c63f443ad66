import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDataset } from '$lib/model';
import { measureHighlight } from '$lib/view/emphasis';
import { joinWords } from '$lib/analysis/format';
import { bridgeWords, highlightWords } from '$lib/view/highlight-words';
import { fixture } from './paths';

describe('measureHighlight', () => {
	it("lists the edges of the chosen measure and nothing without one", () => {
		const result = parseDataset(readFileSync(fixture('datasets', 'minimal.json'), 'utf8'));
		if (!result.ok) throw new Error('fixture must be valid');
		expect(measureHighlight(result.dataset, 'join-forum')).toEqual({ nodes: [], edgeIds: ['b--forum--membership'] });
		expect(measureHighlight(result.dataset, null)).toEqual({ nodes: [], edgeIds: [] });
	});
});

describe('highlightWords', () => {
	it('says what each highlight lights up, in the words the legend and the caption share', () => {
		expect(highlightWords({ kind: 'measure', title: 'Conclude a GSOMIA' })).toBe('the ties of the measure “Conclude a GSOMIA”');
		expect(highlightWords({ kind: 'broker', broker: 'United States' })).toBe('United States and the ties through which it bridges');
		expect(highlightWords({ kind: 'balance', triangles: 1 })).toBe('the 1 unbalanced triangle');
		expect(highlightWords({ kind: 'balance', triangles: 4 })).toBe('the 4 unbalanced triangles');
		expect(highlightWords({ kind: 'triad', nodes: ['Japan', 'South Korea', 'China'] })).toBe('the unbalanced triangle Japan – South Korea – China');
		expect(highlightWords({ kind: 'path', from: 'Mongolia', to: 'China' })).toBe('the shortest path from Mongolia to China');
		expect(highlightWords({ kind: 'whatif', removed: ['China', 'Mongolia', 'Japan – South Korea: talks'] })).toBe(
			'what is taken out: China, Mongolia and Japan – South Korea: talks'
		);
		expect(highlightWords({ kind: 'scenario', ties: 1 })).toBe("the 1 tie the brief's proposals add");
		expect(highlightWords({ kind: 'bridge', a: 'Japan', b: 'South Korea', broker: 'United States', forums: 2 })).toBe(
			'Japan, South Korea, United States and the 2 forums all three are tied to, with the ties among them'
		);
		expect(highlightWords({ kind: 'bridge', a: 'A', b: 'B', broker: 'C', forums: 0 })).toBe('A, B, C, with the ties among them');
	});

	it('names the bridge view as its bar does, with its field when one is chosen', () => {
		expect(bridgeWords('Japan', 'South Korea', 'United States', null)).toBe('Japan – South Korea, broker United States, every field');
		expect(bridgeWords('Japan', 'South Korea', 'United States', 'defense')).toBe('Japan – South Korea, broker United States, defense');
		expect(joinWords(['a'])).toBe('a');
		expect(joinWords([])).toBe('');
	});
});
