// The colours and shapes of the view, shared by the Cytoscape stylesheet, the legend and image export.
// Hues from the Okabe–Ito colour-blind-safe palette; each theme picks the shade that reads on its background.
import type { EdgeKind, Status } from '$lib/model';

export type Theme = 'light' | 'dark';

/** Node shapes Cytoscape and the legend both draw. */
export type NodeShape = 'ellipse' | 'round-rectangle' | 'diamond' | 'triangle' | 'hexagon' | 'star';

export const OKABE_ITO = {
	orange: '#E69F00',
	skyBlue: '#56B4E9',
	bluishGreen: '#009E73',
	yellow: '#F0E442',
	blue: '#0072B2',
	vermillion: '#D55E00',
	reddishPurple: '#CC79A7',
	grey: '#999999'
} as const;

export interface NodeTypeStyle {
	label: string;
	shape: NodeShape;
	colour: Record<Theme, string>;
}

/** Styled node types; any other type is drawn as OTHER_NODE_TYPE. */
export const NODE_TYPES: Record<string, NodeTypeStyle> = {
	state: { label: 'State', shape: 'ellipse', colour: { light: OKABE_ITO.blue, dark: OKABE_ITO.skyBlue } },
	institution: { label: 'Institution', shape: 'round-rectangle', colour: { light: OKABE_ITO.bluishGreen, dark: OKABE_ITO.bluishGreen } },
	agreement: { label: 'Agreement', shape: 'diamond', colour: { light: OKABE_ITO.orange, dark: OKABE_ITO.orange } },
	event: { label: 'Event', shape: 'triangle', colour: { light: OKABE_ITO.reddishPurple, dark: OKABE_ITO.reddishPurple } }
};

export const OTHER_NODE_TYPE: NodeTypeStyle = { label: 'Other type', shape: 'hexagon', colour: { light: '#8a8a8a', dark: '#a8a8a8' } };

/** The style key of a node type: a styled type, or "other". */
export function nodeStyleKey(type: string | undefined): string {
	return type !== undefined && Object.hasOwn(NODE_TYPES, type) ? type : 'other';
}

export function nodeTypeStyle(key: string): NodeTypeStyle {
	return Object.hasOwn(NODE_TYPES, key) ? NODE_TYPES[key]! : OTHER_NODE_TYPE;
}

export const EDGE_KIND_COLOURS: Record<EdgeKind, Record<Theme, string>> = {
	cooperation: { light: OKABE_ITO.blue, dark: OKABE_ITO.skyBlue },
	friction: { light: OKABE_ITO.vermillion, dark: OKABE_ITO.orange }
};

export const EDGE_KIND_LINES: Record<EdgeKind, 'solid' | 'dashed'> = { cooperation: 'solid', friction: 'dashed' };

export const STALLED_COLOUR: Record<Theme, string> = { light: '#9a9a9a', dark: '#7a7a7a' };
export const PROPOSED_OPACITY = 0.55;
/** Measures and search hits are underlaid in yellow, the one hue not used for kinds or types. */
export const HIGHLIGHT: Record<Theme, string> = { light: OKABE_ITO.yellow, dark: '#c9bd1f' };

export const THEME_COLOURS: Record<Theme, { background: string; text: string; selection: string }> = {
	light: { background: '#ffffff', text: '#1b1b1f', selection: '#000000' },
	dark: { background: '#16171b', text: '#eceff4', selection: '#ffffff' }
};

/**
 * Categories (an attribute's values, communities): the Okabe–Ito hues in a fixed order, the most frequent value
 * first, the same in both themes; values past the seventh, and nodes without a value, are grey.
 */
export const CATEGORY_HUES: readonly string[] = [
	OKABE_ITO.blue,
	OKABE_ITO.orange,
	OKABE_ITO.bluishGreen,
	OKABE_ITO.reddishPurple,
	OKABE_ITO.skyBlue,
	OKABE_ITO.vermillion,
	OKABE_ITO.yellow
];
export const CATEGORY_OTHER = OKABE_ITO.grey;

/** Shapes for an attribute's values, most frequent first; past the fifth, and without a value, a hexagon. */
export const CATEGORY_SHAPES: readonly NodeShape[] = ['ellipse', 'round-rectangle', 'diamond', 'triangle', 'star'];
export const CATEGORY_OTHER_SHAPE: NodeShape = 'hexagon';

/** Shapes drawn for their shape alone (node types while nodes are coloured by something else): one neutral fill. */
export const NEUTRAL_FILL: Record<Theme, string> = { light: '#6f6f6f', dark: '#b4b4b4' };

/**
 * Numbers on a colour ramp, low to high: viridis from 0.1 to 0.85 (perceptually even, colour-blind safe), leaving
 * out its near-black start and its yellow end, which is the highlight's hue.
 */
export const RANKING_RAMP: readonly string[] = ['#482475', '#414487', '#355f8d', '#2a788e', '#21918c', '#22a884', '#44bf70', '#7ad151', '#bddf26'];

export const STATUS_LABELS: Record<Status, string> = { active: 'Active', stalled: 'Stalled', proposed: 'Proposed' };
