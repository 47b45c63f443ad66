// Cytoscape element definitions built from a Dataset: the data the stylesheet's selectors read. Ties are drawn
// either one curve each, or one summary curve per pair and kind (summary.ts); both carry the same data fields.
import type { ElementDefinition } from 'cytoscape';
import type { Dataset, DatasetEdge } from '$lib/model';
import { nodeStyleKey } from './palette';
import type { Point } from './placement';
import { summaryLabel, summaryWidth, type SummaryTie } from './summary';

/** Line width in pixels for an edge weight (the brief uses 1..3); missing weight counts as 1. */
export function edgeWidth(weight: number | undefined): number {
	const clamped = Math.min(Math.max(weight ?? 1, 0.5), 5);
	return Math.round((1 + clamped * 1.5) * 10) / 10;
}

/** The longest label the canvas draws, in characters: a label of thousands (a file's stray text) crossed the whole picture. */
export const CANVAS_LABEL_MAX = 100;
/** The longest run of characters without a space the canvas keeps on one line (the brief's longest word has 17). */
export const CANVAS_WORD_MAX = 20;
const LONG_WORD = new RegExp(`\\S{${CANVAS_WORD_MAX + 1},}`, 'gu');
const WORD_PIECE = new RegExp(`\\S{1,${CANVAS_WORD_MAX}}`, 'gu');

/**
 * A label as the canvas draws it: cut to CANVAS_LABEL_MAX characters (whole code points), ending in "…" when cut,
 * and a zero-width space every CANVAS_WORD_MAX characters of a longer word, where Cytoscape's wrapping may break it
 * (its own `text-overflow-wrap: anywhere` breaks every label between any two letters, and measures each one).
 */
export function canvasLabel(label: string): string {
	const characters = label.length <= CANVAS_LABEL_MAX ? null : Array.from(label);
	const cut = !characters || characters.length <= CANVAS_LABEL_MAX ? label : `${characters.slice(0, CANVAS_LABEL_MAX - 1).join('')}…`;
	return cut.length <= CANVAS_WORD_MAX ? cut : cut.replace(LONG_WORD, (word) => word.match(WORD_PIECE)!.join('\u200b'));
}

export function nodeElements(dataset: Dataset, positions: ReadonlyMap<string, Point>): ElementDefinition[] {
	return dataset.nodes.map((node) => ({
		group: 'nodes',
		data: { id: node.id, label: canvasLabel(node.label), type: nodeStyleKey(node.type) },
		position: { ...(positions.get(node.id) ?? { x: 0, y: 0 }) }
	}));
}

/** One element per tie, with the dataset's ids. */
export function tieElements(dataset: Dataset): ElementDefinition[] {
	return dataset.edges.map(tieDefinition);
}

/** The element of one tie. */
export function tieDefinition(edge: DatasetEdge): ElementDefinition {
	return {
		group: 'edges',
		data: {
			id: edge.id,
			source: edge.source,
			target: edge.target,
			kind: edge.kind,
			status: edge.status,
			domain: edge.domain ?? 'unspecified',
			directed: edge.directed === true ? 'yes' : 'no',
			width: edgeWidth(edge.weight),
			label: canvasLabel(edge.label ?? edge.relation ?? '')
		}
	};
}

/** The data of a summary curve: drawn in its strongest status, as wide as its count says. */
export function summaryData(summary: SummaryTie, edgesById: ReadonlyMap<string, DatasetEdge>) {
	return {
		kind: summary.kind,
		status: summary.strongest,
		directed: summary.directed ? 'yes' : 'no',
		width: summaryWidth(summary.ties.length),
		count: summary.ties.length,
		/** the dataset ties it stands for */
		ties: summary.ties,
		label: canvasLabel(summaryLabel(summary, edgesById))
	};
}

export function summaryElement(summary: SummaryTie, id: string, edgesById: ReadonlyMap<string, DatasetEdge>): ElementDefinition {
	return { group: 'edges', data: { id, source: summary.source, target: summary.target, summary: summary.key, ...summaryData(summary, edgesById) } };
}

/** Ids for summary curves that no node or tie of the dataset uses; a key gets the same id every time. */
export function summaryIds(dataset: Dataset): (key: string) => string {
	// Only ids that start as ours can collide with them: a set of those, not of every id (60,000 on a large network).
	const taken = new Set<string>();
	for (const { id } of dataset.nodes) if (id.startsWith('summary-')) taken.add(id);
	for (const { id } of dataset.edges) if (id.startsWith('summary-')) taken.add(id);
	const ids = new Map<string, string>();
	let next = 0;
	return (key) => {
		let id = ids.get(key);
		if (id === undefined) {
			do id = `summary-${next++}`;
			while (taken.has(id));
			ids.set(key, id);
		}
		return id;
	};
}
