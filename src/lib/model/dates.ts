// Partial ISO dates (2014, 2014-06, 2014-06-30) as the day span they cover, and the months between two dates.
import { PARTIAL_DATE } from './vocabulary';

const pad = (n: number) => String(n).padStart(2, '0');

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The first and last day (YYYY-MM-DD) a partial date covers; undefined when the text is not a partial date. */
export function dateSpanOf(partial: string): { start: string; end: string } | undefined {
	if (!PARTIAL_DATE.test(partial)) return undefined;
	const [year, month, day] = partial.split('-').map(Number) as [number, number?, number?];
	if (day !== undefined) return { start: partial, end: partial };
	if (month !== undefined) return { start: `${year}-${pad(month)}-01`, end: `${year}-${pad(month)}-${pad(daysInMonth(year, month))}` };
	return { start: `${year}-01-01`, end: `${year}-12-31` };
}

/** The month (YYYY-MM) a partial date starts in, or ends in. */
export function monthOf(partial: string, edge: 'start' | 'end'): string | undefined {
	return dateSpanOf(partial)?.[edge].slice(0, 7);
}

/** Every month from `from` to `to` inclusive, both YYYY-MM. */
export function monthsBetween(from: string, to: string): string[] {
	const months: string[] = [];
	let [year, month] = from.split('-').map(Number) as [number, number];
	for (let current = from; current <= to; current = `${year}-${pad(month)}`) {
		months.push(current);
		month += 1;
		if (month > 12) [year, month] = [year + 1, 1];
	}
	return months;
}

/** Whether a tie holds at some time in the period a partial date covers, by its since and until; undated ties always do. */
export function holdsDuring(tie: { since?: string | null; until?: string | null }, date: string): boolean {
	const at = dateSpanOf(date);
	if (!at) return true;
	const since = tie.since ? dateSpanOf(tie.since) : undefined;
	const until = tie.until ? dateSpanOf(tie.until) : undefined;
	return (!since || since.start <= at.end) && (!until || until.end >= at.start);
}
