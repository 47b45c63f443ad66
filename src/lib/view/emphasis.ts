// What the graph emphasises beyond the filters: a highlight (a measure's ties, the broker's paths, a shortest
// path, unbalanced triads, the bridge view). One shape for all, so the canvas has one mechanism; node colour, size and
// shape are appearance (appearance.ts).
import type { Dataset } from '$lib/model';

export interface Highlight {
	nodes: readonly string[];
	/** dataset edge ids; they light up their end nodes too, and in summary drawing their pair's summary tie */
	edgeIds: readonly string[];
	/** the nodes the highlight is about (a broker, a path's ends), drawn with a wider halo */
	centre?: readonly string[];
	/** fade everything the highlight leaves out (a view such as "the pair, the broker and their forums") */
	dim?: boolean;
}

export const NO_HIGHLIGHT: Highlight = { nodes: [], edgeIds: [] };

/** The ties a measure of the brief would create or change. */
export function measureHighlight(dataset: Dataset, measureId: string | null): Highlight {
	if (!measureId) return NO_HIGHLIGHT;
	return { nodes: [], edgeIds: dataset.edges.filter((edge) => edge.measure === measureId).map((edge) => edge.id) };
}
