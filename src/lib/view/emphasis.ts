// What the graph emphasises beyond the filters: a highlight (a measure's ties, the broker's paths, a shortest
// path, unbalanced triads) and node sizes mapped from a metric. One shape for all, so the canvas has one mechanism.
import { keyedRecord, type Dataset } from '$lib/model';
import { OKABE_ITO } from './palette';

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

export const NODE_SIZE = { min: 18, max: 60 } as const;

/**
 * Node diameters in pixels, linear in a metric's value from its smallest to its largest. Nodes whose value is
 * undefined (null) get the smallest size; when every value is equal all get the middle size.
 */
export function sizeByMetric(values: Record<string, number | null>): Record<string, number> {
	const defined = Object.values(values).filter((value): value is number => value !== null && Number.isFinite(value));
	const low = Math.min(...defined);
	const high = Math.max(...defined);
	const sizes = keyedRecord<number>();
	for (const [id, value] of Object.entries(values)) {
		if (value === null || !Number.isFinite(value)) sizes[id] = NODE_SIZE.min;
		else if (high === low) sizes[id] = (NODE_SIZE.min + NODE_SIZE.max) / 2;
		else sizes[id] = Math.round((NODE_SIZE.min + ((value - low) / (high - low)) * (NODE_SIZE.max - NODE_SIZE.min)) * 10) / 10;
	}
	return sizes;
}

/**
 * The default node size: diameter from NODE_SIZE.min for the fewest partners to NODE_SIZE.max for the most, with
 * the area (not the diameter) growing in proportion to the number of partners.
 */
export function sizeByPartners(partners: ReadonlyMap<string, number>): Map<string, number> {
	const counts = [...partners.values()];
	const low = Math.min(...counts);
	const high = Math.max(...counts);
	const sizes = new Map<string, number>();
	for (const [id, count] of partners) {
		const share = high === low ? 0.5 : (Math.sqrt(count) - Math.sqrt(low)) / (Math.sqrt(high) - Math.sqrt(low));
		sizes.set(id, Math.round((NODE_SIZE.min + share * (NODE_SIZE.max - NODE_SIZE.min)) * 10) / 10);
	}
	return sizes;
}

/** Community colours: the Okabe-Ito hues in a fixed order, the largest community first; past eight, grey. */
const COMMUNITY_HUES = [OKABE_ITO.blue, OKABE_ITO.orange, OKABE_ITO.bluishGreen, OKABE_ITO.reddishPurple, OKABE_ITO.skyBlue, OKABE_ITO.vermillion, OKABE_ITO.yellow];

export function communityColours(byNode: Record<string, number>): Record<string, string> {
	return keyedRecord(Object.entries(byNode).map(([id, community]) => [id, COMMUNITY_HUES[community] ?? OKABE_ITO.grey]));
}
