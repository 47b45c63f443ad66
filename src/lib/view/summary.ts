// Summary ties: the ties the filters show, gathered into one curve per pair of nodes and kind, so 19 parallel
// Japan–South Korea ties read as one cooperation and one friction curve with counts, not as a bundle of 19.
import type { Dataset, DatasetEdge, EdgeKind, Status } from '$lib/model';

/** Status strength, strongest first: a summary is drawn in the style of the strongest status it holds. */
export const STATUS_ORDER: readonly Status[] = ['active', 'stalled', 'proposed'];
const KIND_ORDER: readonly EdgeKind[] = ['cooperation', 'friction'];

export interface SummaryTie {
	/** unique per pair and kind; never shown */
	key: string;
	/** the pair's ends: in the direction of its ties when every tie runs the same way, else the first tie's */
	source: string;
	target: string;
	kind: EdgeKind;
	/** ids of the ties it holds, in dataset order */
	ties: string[];
	statuses: Record<Status, number>;
	strongest: Status;
	/** every tie is directed from source to target */
	directed: boolean;
}

/**
 * A key for the unordered pair {a, b}: the lesser id's length, the lesser id, then the other, so ids stay apart
 * whatever characters they hold ("x|y" with "x" and "x" with "y|x" differ in the length).
 */
export function pairKey(a: string, b: string): string {
	const [lesser, greater] = a < b ? [a, b] : [b, a];
	return `${lesser.length}:${lesser}|${greater}`;
}

/** One summary per pair and kind over the shown ties, in the order their first tie comes in the dataset. */
export function summariseTies(dataset: Dataset, shownEdges: ReadonlySet<string>): SummaryTie[] {
	const byKey = new Map<string, SummaryTie>();
	for (const edge of dataset.edges) {
		if (!shownEdges.has(edge.id)) continue;
		// A kind is a fixed word: after the pair's key it keeps keys apart.
		const key = `${pairKey(edge.source, edge.target)}|${edge.kind}`;
		let summary = byKey.get(key);
		if (!summary) {
			const statuses = { active: 0, stalled: 0, proposed: 0 };
			summary = { key, source: edge.source, target: edge.target, kind: edge.kind, ties: [], statuses, strongest: edge.status, directed: true };
			byKey.set(key, summary);
		}
		summary.ties.push(edge.id);
		summary.statuses[edge.status] += 1;
		if (edge.status !== summary.strongest && STATUS_ORDER.indexOf(edge.status) < STATUS_ORDER.indexOf(summary.strongest)) summary.strongest = edge.status;
		summary.directed &&= edge.directed === true && edge.source === summary.source;
	}
	return [...byKey.values()];
}

/** Line width in pixels for a summary of `count` ties: 2 px for one, growing with the square root, at most 12. */
export function summaryWidth(count: number): number {
	return Math.min(12, Math.round((2 + 2 * (Math.sqrt(Math.max(count, 1)) - 1)) * 10) / 10);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "3 active, 2 stalled, 11 proposed": the non-zero status counts, strongest first. */
export function statusCounts(statuses: Record<Status, number>): string {
	return STATUS_ORDER.filter((status) => statuses[status] > 0)
		.map((status) => `${statuses[status]} ${status}`)
		.join(', ');
}

/** The label a summary curve shows when hovered or selected: its one tie's label, else its counts. */
export function summaryLabel(summary: SummaryTie, edgesById: ReadonlyMap<string, DatasetEdge>): string {
	if (summary.ties.length === 1) {
		const edge = edgesById.get(summary.ties[0]!);
		return edge?.label ?? edge?.relation ?? summary.kind;
	}
	return `${plural(summary.ties.length, `${summary.kind} tie`)}: ${statusCounts(summary.statuses)}`;
}

/** The summaries of one pair, cooperation first. */
export function pairSummaries(summaries: readonly SummaryTie[], a: string, b: string): SummaryTie[] {
	const key = pairKey(a, b);
	return summaries.filter((summary) => pairKey(summary.source, summary.target) === key).sort((x, y) => KIND_ORDER.indexOf(x.kind) - KIND_ORDER.indexOf(y.kind));
}

/** "19 ties: 16 cooperation (3 active, 2 stalled, 11 proposed) · 3 friction (3 active)" for one pair's summaries. */
export function pairDescription(summaries: readonly SummaryTie[]): string {
	const total = summaries.reduce((sum, summary) => sum + summary.ties.length, 0);
	if (total === 0) return 'no shown ties';
	const parts = summaries.map((summary) => `${summary.ties.length} ${summary.kind} (${statusCounts(summary.statuses)})`);
	return `${plural(total, 'tie')}: ${parts.join(' · ')}`;
}

/** For each node, how many distinct partners it has among the shown ties (the default node size). */
export function partnerCounts(dataset: Dataset, shownNodes: ReadonlySet<string>, shownEdges: ReadonlySet<string>): Map<string, number> {
	const partners = new Map<string, Set<string>>();
	for (const id of shownNodes) partners.set(id, new Set());
	for (const edge of dataset.edges) {
		if (!shownEdges.has(edge.id) || edge.source === edge.target) continue;
		partners.get(edge.source)?.add(edge.target);
		partners.get(edge.target)?.add(edge.source);
	}
	return new Map([...partners].map(([id, set]) => [id, set.size]));
}
