// Choosing one of many (the nodes or ties of a network) in a select: up to MANY_UP_TO items the select offers them
// all; above, it offers the first SHOWN_MATCHES whose label holds what the user typed, so the page never builds
// tens of thousands of options (a 10,000-node network's analysis panel once held about 90,000 and froze for seconds).
import { normalizeForSearch } from './search';

export const MANY_UP_TO = 1000;
export const SHOWN_MATCHES = 50;

export interface Pickable {
	id: string;
	label: string;
	disabled?: boolean;
}

/** Each item's label as search compares it: worked out once per list, not at each keystroke. */
export function pickerKeys(items: readonly Pickable[]): string[] {
	return items.map((item) => normalizeForSearch(item.label));
}

/**
 * The items a select offers for `query`: those whose label holds it (case and accents aside), the first `limit` in
 * their order, and the chosen one (`value`) first if it is not among them, so the select still shows it. `matches`
 * counts every match. `keys` are the labels from pickerKeys.
 */
export function pickerChoices<T extends Pickable>(items: readonly T[], keys: readonly string[], query: string, value: string, limit = SHOWN_MATCHES): { items: T[]; matches: number } {
	const wanted = normalizeForSearch(query);
	const shown: T[] = [];
	let matches = 0;
	let chosen: T | undefined;
	items.forEach((item, i) => {
		if (item.id === value) chosen = item;
		if (wanted && !keys[i]!.includes(wanted)) return;
		matches++;
		if (shown.length < limit) shown.push(item);
	});
	if (chosen && !shown.includes(chosen)) shown.unshift(chosen);
	return { items: shown, matches };
}
