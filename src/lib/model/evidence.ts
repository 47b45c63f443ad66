// Checks that evidence quotes stand verbatim in their source text, by the same rules as
// ../shared/tools/check-evidence.py: whitespace, typographic quotes/dashes and footnote marks are
// ignored; '...' or '…' may join verbatim pieces; [square-bracket insertions] are skipped.
import type { Dataset, Evidence } from './types';

const TYPOGRAPHIC: ReadonlyArray<[RegExp, string]> = [
	[/\u2019|\u2018/g, "'"],
	[/\u201c|\u201d/g, '"'],
	[/\u2014|\u2013/g, '-']
];

/** The comparison form of a text: NFKC, plain quotes and dashes, no superscript digits, single spaces, lower case. */
export function normalizeForQuote(text: string): string {
	let s = text.normalize('NFKC');
	for (const [pattern, plain] of TYPOGRAPHIC) s = s.replace(pattern, plain);
	s = s.replace(/[\u00b9\u00b2\u00b3\u2070-\u2079]/g, '');
	return s.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** A searchable corpus from one or more texts of the same source. */
export function quoteCorpus(texts: readonly string[]): string {
	return texts.map(normalizeForQuote).join(' \u0000 ');
}

function stripEnds(piece: string): string {
	return piece.replace(/^[ "']+|[ "']+$/g, '');
}

/** True when every verbatim piece of the quote stands in the corpus. */
export function quoteStandsIn(quote: string, corpus: string): boolean {
	for (const part of quote.split(/\s*(?:\.\.\.|\u2026)\s*/)) {
		for (const raw of normalizeForQuote(part).split(/\s*\[[^\]]*\]\s*/)) {
			const piece = stripEnds(raw);
			if (!piece || corpus.includes(piece)) continue;
			// A footnote number glued to a word or closing mark in the quote ("tension.12") is not part of the text.
			if (corpus.includes(piece.replace(/(?<=[a-z.)"])\d{1,2}\b/g, ''))) continue;
			return false;
		}
	}
	return true;
}

export interface MisquotedEvidence {
	path: string;
	evidence: Evidence;
}

/** Every evidence item (edges and measures) from `sourceId` whose quote is not verbatim in the corpus. */
export function findMisquotes(dataset: Dataset, sourceId: string, corpus: string): { checked: number; misquoted: MisquotedEvidence[] } {
	const items: MisquotedEvidence[] = [];
	dataset.edges.forEach((edge, i) => edge.evidence.forEach((evidence, k) => items.push({ path: `edges[${i}].evidence[${k}].quote`, evidence })));
	dataset.measures?.forEach((measure, i) =>
		measure.evidence?.forEach((evidence, k) => items.push({ path: `measures[${i}].evidence[${k}].quote`, evidence }))
	);
	const fromSource = items.filter((item) => item.evidence.source === sourceId);
	return { checked: fromSource.length, misquoted: fromSource.filter((item) => !quoteStandsIn(item.evidence.quote, corpus)) };
}

/** Number of evidence items in a dataset, edges and measures together. */
export function countQuotes(dataset: Dataset): number {
	return dataset.edges.reduce((n, e) => n + e.evidence.length, 0) + (dataset.measures ?? []).reduce((n, m) => n + (m.evidence?.length ?? 0), 0);
}
