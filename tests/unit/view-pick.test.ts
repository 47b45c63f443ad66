import { describe, expect, it } from 'vitest';
import { pickerChoices, pickerKeys, SHOWN_MATCHES } from '$lib/view/pick';

const items = [
	{ id: 'jp', label: 'Japan' },
	{ id: 'kr', label: 'South Korea' },
	{ id: 'kp', label: 'North Korea' },
	{ id: 'us', label: 'United States' },
	{ id: 'cr', label: 'Côte d’Ivoire' }
];
const keys = pickerKeys(items);

describe('pickerChoices: a select over many items', () => {
	it('offers the items whose label holds what was typed, case and accents aside, in their order', () => {
		expect(pickerChoices(items, keys, 'korea', '').items.map((item) => item.id)).toEqual(['kr', 'kp']);
		expect(pickerChoices(items, keys, '  COTE ', '').items.map((item) => item.id)).toEqual(['cr']);
		expect(pickerChoices(items, keys, 'zz', '')).toEqual({ items: [], matches: 0 });
	});

	it('offers the first ones while nothing is typed, and counts every match', () => {
		const many = Array.from({ length: 10_000 }, (_, i) => ({ id: `n${i}`, label: `Node ${i}` }));
		const manyKeys = pickerKeys(many);
		const all = pickerChoices(many, manyKeys, '', '');
		expect(all.items).toHaveLength(SHOWN_MATCHES);
		expect(all.items[0]!.id).toBe('n0');
		expect(all.matches).toBe(10_000);
		// "node 99" is in Node 99 and Node 990–999 and Node 9900–9999: 1 + 10 + 100.
		expect(pickerChoices(many, manyKeys, 'node 99', '').matches).toBe(111);
	});

	it('keeps the chosen item on offer, first, when the typing leaves it out', () => {
		expect(pickerChoices(items, keys, 'korea', 'us').items.map((item) => item.id)).toEqual(['us', 'kr', 'kp']);
		expect(pickerChoices(items, keys, 'korea', 'kp').items.map((item) => item.id)).toEqual(['kr', 'kp']);
	});
});
