// The one stylesheet of the graph: selectors over element data (type, kind, status) and classes for transient states.
import type { StylesheetJson } from 'cytoscape';
import {
	EDGE_KIND_COLOURS,
	EDGE_KIND_LINES,
	HIGHLIGHT,
	NODE_TYPES,
	OTHER_NODE_TYPE,
	PROPOSED_OPACITY,
	STALLED_COLOUR,
	THEME_COLOURS,
	type NodeShape,
	type Theme
} from './palette';

/** Classes the view toggles on elements. */
export const CLASSES = {
	hidden: 'hidden',
	/** everything but a hovered node's neighbourhood, on graphs small enough to touch every element */
	faded: 'faded',
	/** everything a highlight with `dim` leaves out */
	dimmed: 'dimmed',
	/** a hovered node's neighbourhood, or a hovered tie's ends */
	near: 'near',
	/** the tie under the pointer: it shows its label (a summary's counts) */
	pointed: 'pointed',
	/** on large graphs, the nodes in view once zoomed in far enough: only they carry labels */
	labelled: 'labelled',
	highlighted: 'highlighted',
	highlightCentre: 'highlight-centre',
	selected: 'chosen'
} as const;

/** A node's width and height without a size encoding. */
export const DEFAULT_NODE_SIZE = 28;
/** Graphs above this many elements get the fast drawing: straight ties, labels only when zoomed in, no fades. */
export const LARGE_GRAPH_ELEMENTS = 4000;
/** On large graphs, labels show from this zoom on (a 16 px label drawn at 9 px or more)… */
export const LABEL_ZOOM = 9 / 16;
/** …on at most this many nodes in view, the largest first. */
export const MOST_LABELS = 300;

/**
 * `nodesOnLayer` (large graphs on screen): the layer under Cytoscape's canvas draws the nodes (tie-layer.ts), and
 * Cytoscape draws only those a label, the selection or a highlight picks out (or a hover, on graphs that mark it); the others are transparent
 * (so never drawn) yet still answer the pointer. Exports draw every node with Cytoscape.
 */
export function stylesheet(theme: Theme, { large = false, nodesOnLayer = large }: { large?: boolean; nodesOnLayer?: boolean } = {}): StylesheetJson {
	const colours = THEME_COLOURS[theme];
	const nodeTypes = Object.entries(NODE_TYPES).map(([type, style]) => ({
		selector: `node[type = "${type}"]`,
		style: { shape: style.shape, 'background-color': style.colour[theme] }
	}));
	const edgeKinds = Object.entries(EDGE_KIND_COLOURS).map(([kind, colour]) => ({
		selector: `edge[kind = "${kind}"]`,
		style: {
			'line-color': colour[theme],
			'target-arrow-color': colour[theme],
			'line-style': EDGE_KIND_LINES[kind as keyof typeof EDGE_KIND_LINES],
			'line-dash-pattern': [9, 6]
		}
	}));
	return [
		{
			selector: 'node',
			style: {
				shape: OTHER_NODE_TYPE.shape,
				'background-color': OTHER_NODE_TYPE.colour[theme],
				width: DEFAULT_NODE_SIZE,
				height: DEFAULT_NODE_SIZE,
				// Large graphs label only the nodes in view when zoomed in (LABEL_ZOOM); measuring every label costs seconds.
				label: large ? '' : 'data(label)',
				color: colours.text,
				'font-size': 16,
				'font-family': 'system-ui, sans-serif',
				'text-valign': 'bottom',
				'text-margin-y': 4,
				'text-wrap': 'wrap',
				'text-max-width': '120px',
				'text-background-color': colours.background,
				'text-background-opacity': 0.8,
				'text-background-padding': '2px',
				'text-background-shape': 'roundrectangle',
				'border-width': 1.5,
				'border-color': colours.background,
				// Labels by zoom: hidden while they would be drawn smaller than this (always, on large graphs, until zoomed in).
				'min-zoomed-font-size': large ? 9 : 0,
				...(large ? {} : { 'transition-property': 'opacity', 'transition-duration': 150 })
			}
		},
		...nodeTypes,
		{
			selector: 'edge',
			style: {
				width: 'data(width)',
				// Haystack lines cost far less to draw than curves; parallel ties are summarised anyway.
				'curve-style': large ? 'haystack' : 'bezier',
				'control-point-step-size': 40,
				'line-cap': 'round',
				'target-arrow-shape': 'none',
				'arrow-scale': 0.9,
				'font-size': 14,
				'font-family': 'system-ui, sans-serif',
				color: colours.text,
				'text-background-color': colours.background,
				'text-background-opacity': 0.9,
				'text-background-padding': '3px',
				'text-background-shape': 'roundrectangle',
				'text-wrap': 'wrap',
				'text-max-width': '220px',
				...(large ? {} : { 'transition-property': 'opacity', 'transition-duration': 150 })
			}
		},
		{ selector: 'node[size]', style: { width: 'data(size)', height: 'data(size)' } },
		{ selector: `node.${CLASSES.labelled}, node.${CLASSES.near}, node.${CLASSES.selected}`, style: { label: 'data(label)' } },
		{ selector: 'node[colour]', style: { 'background-color': 'data(colour)' } },
		// Cytoscape maps any property from data; its types list mappers for numbers and colours only.
		{ selector: 'node[shape]', style: { shape: 'data(shape)' as NodeShape } },
		...edgeKinds,
		{ selector: 'edge[directed = "yes"]', style: { 'target-arrow-shape': 'triangle' } },
		{ selector: 'edge[status = "stalled"]', style: { 'line-color': STALLED_COLOUR[theme], 'target-arrow-color': STALLED_COLOUR[theme] } },
		{ selector: 'edge[status = "proposed"]', style: { 'line-style': 'dashed', 'line-dash-pattern': [2, 5], opacity: PROPOSED_OPACITY } },
		{ selector: `.${CLASSES.hidden}`, style: { display: 'none' } },
		{ selector: `.${CLASSES.faded}, .${CLASSES.dimmed}`, style: { opacity: 0.12, 'text-opacity': 0.2 } },
		{ selector: `edge.${CLASSES.near}`, style: { opacity: 1 } },
		{ selector: `edge.${CLASSES.pointed}`, style: { label: 'data(label)', opacity: 1, 'z-index': 20 } },
		// Hover keeps its neighbours' labels as they are (the rest fades): a bolder label is measured and drawn anew,
		// which made the first hover on the brief's hubs take 55–130 ms; the fade alone costs 15–50 ms.
		{ selector: `node.${CLASSES.near}`, style: { opacity: 1, 'min-zoomed-font-size': 0 } },
		{
			selector: `edge.${CLASSES.highlighted}`,
			style: { 'underlay-color': HIGHLIGHT[theme], 'underlay-opacity': 0.7, 'underlay-padding': 5, opacity: 1 }
		},
		{
			selector: `node.${CLASSES.highlighted}`,
			style: { 'underlay-color': HIGHLIGHT[theme], 'underlay-opacity': 0.7, 'underlay-padding': 6 }
		},
		{ selector: `node.${CLASSES.highlightCentre}`, style: { 'underlay-opacity': 0.95, 'underlay-padding': 14, 'font-weight': 'bold' } },
		{ selector: `node.${CLASSES.selected}`, style: { 'border-width': 4, 'border-color': colours.selection, 'font-weight': 'bold', 'min-zoomed-font-size': 0, 'z-index': 30 } },
		{
			// The selected tie: drawn above the others with a dark halo and its label upright, so it can be read.
			selector: `edge.${CLASSES.selected}`,
			style: {
				'underlay-color': colours.selection,
				'underlay-opacity': 0.45,
				'underlay-padding': 4,
				opacity: 1,
				'z-index': 30,
				label: 'data(label)',
				'font-size': 16,
				'font-weight': 'bold',
				'text-border-color': colours.selection,
				'text-border-width': 1,
				'text-border-opacity': 1
			}
		},
		{ selector: `edge.${CLASSES.selected}[caption]`, style: { label: 'data(caption)' } },
		...(nodesOnLayer
			? [
					{ selector: 'node', style: { opacity: 0 } },
					{ selector: `node.${CLASSES.labelled}, node.${CLASSES.near}, node.${CLASSES.selected}, node.${CLASSES.highlighted}`, style: { opacity: 1 } },
					{ selector: `node.${CLASSES.labelled}.${CLASSES.dimmed}`, style: { opacity: 0.12 } }
				]
			: [])
	];
}

/** Whether a network of this many nodes and ties gets the fast drawing (see LARGE_GRAPH_ELEMENTS). */
export function isLargeSize(nodes: number, edges: number): boolean {
	return nodes + edges > LARGE_GRAPH_ELEMENTS;
}

/** Whether a dataset gets the fast drawing. */
export function isLargeGraph(dataset: { nodes: readonly unknown[]; edges: readonly unknown[] }): boolean {
	return isLargeSize(dataset.nodes.length, dataset.edges.length);
}
