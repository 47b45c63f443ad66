// Search, ignoring case and accents, the best matches first: nodes by label and alias, ties by label and by the words of
// their evidence.
import type { Dataset, DatasetEdge, DatasetNode } from '$lib/model';

export interface SearchHit {
	node: DatasetNode;
	/** the alias that matched, when the label did not */
	alias?: string;
}

export function normalizeForSearch(text: string): string {
	return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/** 0 label starts with the query, 1 an alias does, 2 a word of the label does, 3 the label or an alias contains it. */
function rank(node: DatasetNode, query: string): { rank: number; alias?: string } | undefined {
	const label = normalizeForSearch(node.label);
	const aliases = (node.aliases ?? []).map((alias) => ({ alias, text: normalizeForSearch(alias) }));
	if (label.startsWith(query)) return { rank: 0 };
	const aliasPrefix = aliases.find((a) => a.text.startsWith(query));
	if (aliasPrefix) return { rank: 1, alias: aliasPrefix.alias };
	if (label.split(/[\s\-–/()]+/).some((word) => word.startsWith(query))) return { rank: 2 };
	if (label.includes(query)) return { rank: 3 };
	const aliasInside = aliases.find((a) => a.text.includes(query));
	return aliasInside ? { rank: 3, alias: aliasInside.alias } : undefined;
}

export function searchNodes(dataset: Dataset, query: string, limit = 8): SearchHit[] {
	const wanted = normalizeForSearch(query);
	if (wanted === '') return [];
	return dataset.nodes
		.map((node) => ({ node, match: rank(node, wanted) }))
		.filter((entry): entry is { node: DatasetNode; match: { rank: number; alias?: string } } => entry.match !== undefined)
		.sort((a, b) => a.match.rank - b.match.rank || a.node.label.localeCompare(b.node.label))
		.slice(0, limit)
		.map(({ node, match }) => (match.alias ? { node, alias: match.alias } : { node }));
}

/** A tie found by its label or by the words of its evidence. */
export interface TieHit {
	edge: DatasetEdge;
	/** the part of the quote that matched, when the label did not */
	excerpt?: string;
}

/** A tie's label and quotes, normalised once per dataset so each keystroke only compares. */
export interface TieSearchEntry {
	edge: DatasetEdge;
	label: string;
	quotes: string[];
}

/** Quotes are searched from this many characters on: shorter queries match too many words. */
export const QUOTE_QUERY_MIN = 3;

export function tieSearchIndex(dataset: Dataset): TieSearchEntry[] {
	return dataset.edges.map((edge) => ({ edge, label: normalizeForSearch(edge.label ?? ''), quotes: edge.evidence.map((item) => normalizeForSearch(item.quote)) }));
}

/** The quote around the first place that matches, with an ellipsis where it is cut. */
function excerptOf(quote: string, query: string, room = 70): string {
	const at = Math.max(0, normalizeForSearch(quote).indexOf(query));
	const start = Math.max(0, at - Math.floor((room - query.length) / 2));
	const end = Math.min(quote.length, start + room);
	return `${start > 0 ? '…' : ''}${quote.slice(start, end).trim()}${end < quote.length ? '…' : ''}`;
}

/**
 * Ties whose label matches (0 it starts with the query, 1 a word of it does, 2 it contains it), then ties whose
 * evidence quotes contain it (3; from QUOTE_QUERY_MIN characters); in each rank by label.
 */
export function searchTies(index: readonly TieSearchEntry[], query: string, limit = 6): TieHit[] {
	const wanted = normalizeForSearch(query);
	if (wanted === '') return [];
	const found: Array<{ hit: TieHit; rank: number; name: string }> = [];
	for (const entry of index) {
		const name = entry.edge.label ?? entry.edge.relation ?? entry.edge.kind ?? '';
		let rank = entry.label.startsWith(wanted) ? 0 : entry.label.split(/[\s\-–/(),]+/).some((word) => word.startsWith(wanted)) ? 1 : entry.label.includes(wanted) ? 2 : -1;
		let excerpt: string | undefined;
		if (rank < 0 && wanted.length >= QUOTE_QUERY_MIN) {
			const quote = entry.quotes.findIndex((text) => text.includes(wanted));
			if (quote >= 0) {
				rank = 3;
				excerpt = excerptOf(entry.edge.evidence[quote]!.quote, wanted);
			}
		}
		if (rank >= 0) found.push({ hit: excerpt === undefined ? { edge: entry.edge } : { edge: entry.edge, excerpt }, rank, name });
	}
	return found
		.sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name))
		.slice(0, limit)
		.map((entry) => entry.hit);
}
