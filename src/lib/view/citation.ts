// Evidence as a report cites it: a source in one line, and a quote with its place and source ready to paste.
import type { Evidence, Source } from '$lib/model';

/** A source in one line: authors, title, publisher, year (or date), whichever it records. */
export function describeSource(source: Source): string {
	const parts = [source.authors?.join(', '), source.title, source.publisher, source.year ?? source.date];
	return parts.filter((part) => part !== undefined && part !== '').join('. ');
}

/**
 * A quote ready to paste into a report: the quote in quotation marks, its source with the place in it, the URL,
 * the primary source it cites, and the curator's erratum where the source is wrong. Unknown sources go by their id.
 */
export function quoteWithCitation(item: Evidence, sources: ReadonlyMap<string, Source>): string {
	const source = sources.get(item.source);
	const cited = item.cites ? sources.get(item.cites) : undefined;
	const where = [source ? describeSource(source) : item.source, item.locator].filter(Boolean).join(', ');
	const lines = [`“${item.quote}” (${where})${source?.url ? ` ${source.url}` : ''}`];
	if (item.cites) lines.push(`Cites: ${cited ? describeSource(cited) : item.cites}${cited?.url ? ` ${cited.url}` : ''}`);
	if (item.erratum) lines.push(`Note: the source is wrong here. ${item.erratum}`);
	return lines.join('\n');
}
