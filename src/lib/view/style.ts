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
	type Theme
} from './palette';

/** Classes the view toggles on elements. */
export const CLASSES = { hidden: 'hidden', faded: 'faded', highlighted: 'highlighted', highlightCentre: 'highlight-centre', selected: 'chosen' } as const;

export function stylesheet(theme: Theme): StylesheetJson {
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
				width: 28,
				height: 28,
				label: 'data(label)',
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
				'transition-property': 'opacity',
				'transition-duration': 150
			}
		},
		...nodeTypes,
		{
			selector: 'edge',
			style: {
				width: 'data(width)',
				'curve-style': 'bezier',
				'control-point-step-size': 28,
				'line-cap': 'round',
				'target-arrow-shape': 'none',
				'arrow-scale': 0.9,
				'transition-property': 'opacity',
				'transition-duration': 150
			}
		},
		{ selector: 'node[size]', style: { width: 'data(size)', height: 'data(size)' } },
		{ selector: 'node[colour]', style: { 'background-color': 'data(colour)' } },
		...edgeKinds,
		{ selector: 'edge[directed = "yes"]', style: { 'target-arrow-shape': 'triangle' } },
		{ selector: 'edge[status = "stalled"]', style: { 'line-color': STALLED_COLOUR[theme], 'target-arrow-color': STALLED_COLOUR[theme] } },
		{ selector: 'edge[status = "proposed"]', style: { 'line-style': 'dashed', 'line-dash-pattern': [2, 5], opacity: PROPOSED_OPACITY } },
		{ selector: `.${CLASSES.hidden}`, style: { display: 'none' } },
		{ selector: `.${CLASSES.faded}`, style: { opacity: 0.12, 'text-opacity': 0.2 } },
		{
			selector: `edge.${CLASSES.highlighted}`,
			style: { 'underlay-color': HIGHLIGHT[theme], 'underlay-opacity': 0.7, 'underlay-padding': 5, opacity: 1 }
		},
		{
			selector: `node.${CLASSES.highlighted}`,
			style: { 'underlay-color': HIGHLIGHT[theme], 'underlay-opacity': 0.7, 'underlay-padding': 6 }
		},
		{ selector: `node.${CLASSES.highlightCentre}`, style: { 'underlay-opacity': 0.95, 'underlay-padding': 14, 'font-weight': 'bold' } },
		{ selector: `node.${CLASSES.selected}`, style: { 'border-width': 4, 'border-color': colours.selection, 'font-weight': 'bold' } },
		{
			selector: `edge.${CLASSES.selected}`,
			style: {
				'underlay-color': colours.selection,
				'underlay-opacity': 0.35,
				'underlay-padding': 5,
				opacity: 1,
				label: 'data(label)',
				'font-size': 14,
				color: colours.text,
				'text-background-color': colours.background,
				'text-background-opacity': 0.85,
				'text-background-padding': '2px',
				'text-rotation': 'autorotate'
			}
		}
	];
}
