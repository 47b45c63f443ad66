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
	it('offers the items whose label holds what was typed, case and accents aside, by label', () => {
		expect(pickerChoices(items, keys, 'korea', '').items.map((item) => item.id)).toEqual(['kp', 'kr']);
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
		expect(pickerChoices(items, keys, 'korea', 'us').items.map((item) => item.id)).toEqual(['us', 'kp', 'kr']);
		expect(pickerChoices(items, keys, 'korea', 'kp').items.map((item) => item.id)).toEqual(['kp', 'kr']);
	});

	it('finds the first ones by label in an unsorted list, as a full sort would, equal labels in the list’s order', () => {
		// A shuffled list of 5,000 (a fixed shuffle: i × 2,003 mod 5,000), some labels twice.
		const shuffled = Array.from({ length: 5000 }, (_, i) => {
			const n = (i * 2003) % 5000;
			return { id: `t${n}`, label: `Tie ${n % 4000}` };
		});
		const collator = new Intl.Collator();
		const sorted = [...shuffled].sort((a, b) => collator.compare(a.label, b.label));
		const shuffledKeys = pickerKeys(shuffled);
		expect(pickerChoices(shuffled, shuffledKeys, '', '').items).toEqual(sorted.slice(0, SHOWN_MATCHES));
		expect(pickerChoices(shuffled, shuffledKeys, 'tie 39', '').items).toEqual(sorted.filter((item) => item.label.startsWith('Tie 39')).slice(0, SHOWN_MATCHES));
		expect(pickerChoices(shuffled, shuffledKeys, '', '', 3).items.map((item) => item.label)).toEqual(['Tie 0', 'Tie 0', 'Tie 1']);
	});
});
