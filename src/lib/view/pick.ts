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
 * The order of the lists people choose from: by label, as the browser's locale sorts names (the order localeCompare
 * gives; one collator compares much faster than a localeCompare per pair over 50,000 ties).
 */
export const BY_LABEL = new Intl.Collator();

/**
 * The items a select offers for `query`: those whose label holds it (case and accents aside), the first `limit` by
 * label (BY_LABEL), and the chosen one (`value`) first if it is not among them, so the select still shows it.
 * `matches` counts every match. `keys` are the labels from pickerKeys. The items need not be sorted: the first
 * `limit` are kept as the scan goes (a 50,000-tie list is never sorted whole).
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
		if (shown.length === limit && BY_LABEL.compare(item.label, shown[limit - 1]!.label) >= 0) return;
		// Into its place among the first ones (after equals, so equal labels keep the items' order).
		let low = 0;
		let high = shown.length;
		while (low < high) {
			const middle = (low + high) >> 1;
			if (BY_LABEL.compare(shown[middle]!.label, item.label) <= 0) low = middle + 1;
			else high = middle;
		}
		shown.splice(low, 0, item);
		if (shown.length > limit) shown.pop();
	});
	if (chosen && !shown.includes(chosen)) shown.unshift(chosen);
	return { items: shown, matches };
}
