// Node search over labels and aliases, ignoring case and accents; the best matches first.
import type { Dataset, DatasetNode } from '$lib/model';

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
