// Long tables (a metric per node, before and after) show their first rows and more on request: at 10,000 nodes the
// whole table was 110,000 cells, built and laid out in one 3–4 s task of the page. Their CSVs hold every row.

/** Rows a table shows at first, and adds at each "show more". */
export const ROWS_AT_ONCE = 200;

/** How many of `total` rows to show after showing `shown` and asking for more. */
export function moreRows(shown: number, total: number): number {
	return Math.min(total, shown + ROWS_AT_ONCE);
}

/** The line under a table (or list) that shows `shown` of `total` rows, or null when it shows them all. */
export function rowsNote(shown: number, total: number, order: string, noun = 'nodes'): string | null {
	if (shown >= total) return null;
	return `The first ${shown.toLocaleString('en')} of ${total.toLocaleString('en')} ${noun}, ${order}.`;
}
