import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDataset, type Dataset } from '$lib/model';
import { placeAfterEdit } from '$lib/view/placement';
import { fixture } from './paths';

function minimal(): Dataset {
	const result = parseDataset(readFileSync(fixture('datasets', 'minimal.json'), 'utf8'));
	if (!result.ok) throw new Error('minimal.json must parse');
	return result.dataset;
}

const drawn = new Map([
	['a', { x: 0, y: 0 }],
	['b', { x: 200, y: 0 }],
	['forum', { x: 100, y: 300 }]
]);
const centre = { x: 1000, y: 1000 };
const distance = (p: { x: number; y: number }, q: { x: number; y: number }) => Math.hypot(p.x - q.x, p.y - q.y);

describe('placeAfterEdit', () => {
	it('keeps every node drawn before where it was, and drops deleted ones', () => {
		const dataset = minimal();
		const placed = placeAfterEdit({ ...dataset, nodes: dataset.nodes.filter((node) => node.id !== 'forum') }, drawn, centre)!;
		expect([...placed]).toEqual([
			['a', { x: 0, y: 0 }],
			['b', { x: 200, y: 0 }]
		]);
	});

	it('puts a new node beside the nodes it is tied to, a chain of new nodes one beside the other, a lone one at the centre', () => {
		const dataset = minimal();
		const edited: Dataset = {
			...dataset,
			nodes: [...dataset.nodes, { id: 'c', label: 'C' }, { id: 'd', label: 'D' }, { id: 'lone', label: 'Lone' }],
			edges: [
				...dataset.edges,
				{ ...dataset.edges[0]!, id: 'a--c', source: 'a', target: 'c' },
				{ ...dataset.edges[0]!, id: 'b--c', source: 'c', target: 'b' },
				{ ...dataset.edges[0]!, id: 'c--d', source: 'c', target: 'd' }
			]
		};
		const placed = placeAfterEdit(edited, drawn, centre)!;
		expect(distance(placed.get('c')!, { x: 100, y: 0 })).toBeCloseTo(70);
		expect(distance(placed.get('d')!, placed.get('c')!)).toBeCloseTo(70);
		expect(distance(placed.get('lone')!, centre)).toBeCloseTo(70);
		const spots = new Set([...placed.values()].map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`));
		expect(spots.size).toBe(placed.size);
	});

	it('leaves another dataset to its layout', () => {
		expect(placeAfterEdit(minimal(), new Map([['elsewhere', { x: 0, y: 0 }]]), centre)).toBeNull();
	});
});
