// What the legend says: the encodings in force (node type, or the colour, shape and size an attribute, a metric or the
// communities give, each with its values or scale), the ties on show, the line-width rule, what is lit and dimmed, and
// the selection. legendEntries collects them from the view; legendGroups turns them into marks for one theme, the one
// list the page's legend and every image export draw, so the two cannot disagree.
import { formatMetric } from '$lib/analysis/format';
import type { Dataset, EdgeKind, Status } from '$lib/model';
import type { TieMode } from '$lib/state/url';
import { NODE_SIZE, type NodeAppearance } from './appearance';
import { NOT_RECORDED } from './attributes';
import type { GraphView } from './filter';
import {
	CATEGORY_HUES,
	CATEGORY_OTHER,
	CATEGORY_OTHER_SHAPE,
	EDGE_KIND_COLOURS,
	EDGE_KIND_LINES,
	HIGHLIGHT,
	NEUTRAL_FILL,
	NODE_TYPES,
	nodeStyleKey,
	nodeTypeStyle,
	PROPOSED_OPACITY,
	RANKING_RAMP,
	STALLED_COLOUR,
	THEME_COLOURS,
	type NodeShape,
	type Theme
} from './palette';

export interface LegendCategory {
	label: string;
	colour?: string;
	shape?: NodeShape;
}

export type ColourLegend =
	| { type: 'partition'; title: string; categories: Array<{ label: string; colour: string }> }
	| { type: 'ranking'; title: string; low: string; high: string; missing: number };

export type SizeLegend =
	| { rule: 'partners'; fewest: number; most: number }
	| { rule: 'ranking'; title: string; low: string; high: string; missing: number };

export interface LegendEntries {
	/** style keys (styled types first, then "other") */
	nodeTypes: string[];
	/** the unstyled types on show, drawn in the neutral "other" style, in words ("domestic-actor" → "domestic actor") */
	otherTypes: string[];
	/** what the node types are drawn by: colour and shape by default, either alone when the other follows another field */
	typesShow: { colour: boolean; shape: boolean };
	/** nodes coloured by something other than their type: its categories on show, or its scale */
	colour: ColourLegend | null;
	/** nodes shaped by an attribute: its categories on show */
	shape: { title: string; categories: Array<{ label: string; shape: NodeShape }> } | null;
	size: SizeLegend;
	edgeKinds: EdgeKind[];
	/** statuses with a look of their own: stalled, proposed */
	edgeStatuses: Status[];
	directed: boolean;
	/** how ties are drawn: one summary per pair and kind (width = count), or each tie (width = weight) */
	ties: TieMode;
	/** what is lit, in words ("the ties of the measure …"), and whether everything else is dimmed */
	highlight: { text: string; dim: boolean } | null;
	selected: boolean;
}

export interface LegendState {
	ties: TieMode;
	appearance: NodeAppearance;
	highlight: { text: string; dim: boolean } | null;
	selected: boolean;
}

/** A type id in words: "domestic-actor" → "domestic actor". */
export function typeInWords(type: string): string {
	return type.replace(/[-_]+/g, ' ').trim() || type;
}

/** Past the palette's hues the values share one grey: one legend line says how many, and whether unrecorded ones are among them. */
function foldOthers(categories: Array<{ key: string; label: string; colour: string }>): Array<{ label: string; colour: string }> {
	const own = categories.filter((category) => category.colour !== CATEGORY_OTHER).map(({ label, colour }) => ({ label, colour }));
	const others = categories.filter((category) => category.colour === CATEGORY_OTHER);
	if (others.length === 0) return own;
	const valued = others.filter((category) => category.key !== NOT_RECORDED).length;
	const words = [valued ? `${valued} other ${valued === 1 ? 'value' : 'values'}` : null, others.length > valued ? 'not recorded' : null].filter(Boolean).join(', ');
	return [...own, { label: words, colour: CATEGORY_OTHER }];
}

function colourLegend(appearance: NodeAppearance, shown: ReadonlySet<string>): ColourLegend | null {
	const colour = appearance.colour;
	if (colour.type === 'types') return null;
	if (colour.type === 'ranking') return { type: 'ranking', title: colour.title, low: formatMetric(colour.low), high: formatMetric(colour.high), missing: colour.missing };
	const onShow = new Set([...shown].map((id) => colour.keyOf.get(id)));
	return { type: 'partition', title: colour.title, categories: foldOthers(colour.categories.filter((category) => onShow.has(category.key))) };
}

function shapeLegend(appearance: NodeAppearance, shown: ReadonlySet<string>): LegendEntries['shape'] {
	const shape = appearance.shape;
	if (shape.type === 'types') return null;
	const onShow = new Set([...shown].map((id) => shape.keyOf.get(id)));
	const categories = shape.categories.filter((category) => onShow.has(category.key));
	const own = categories.filter((category) => category.shape !== CATEGORY_OTHER_SHAPE).map(({ label, shape }) => ({ label, shape }));
	const others = categories.filter((category) => category.shape === CATEGORY_OTHER_SHAPE);
	if (others.length === 0) return { title: shape.title, categories: own };
	const label = others.length === 1 ? others[0]!.label : `${others.length} other values`;
	return { title: shape.title, categories: [...own, { label, shape: CATEGORY_OTHER_SHAPE }] };
}

function sizeLegend(appearance: NodeAppearance): SizeLegend {
	const size = appearance.size;
	if (size.type === 'partners') return { rule: 'partners', fewest: size.fewest, most: size.most };
	return { rule: 'ranking', title: size.title, low: formatMetric(size.low), high: formatMetric(size.high), missing: size.missing };
}

export function legendEntries(dataset: Dataset, view: GraphView, state: LegendState): LegendEntries {
	// One pass over the nodes and one over the ties, keeping only what the legend names (50,000 ties on a large network).
	const types = new Set<string>();
	const otherTypes = new Set<string>();
	for (const node of dataset.nodes) {
		if (!view.nodes.has(node.id)) continue;
		const type = nodeStyleKey(node.type);
		types.add(type);
		if (type === 'other') otherTypes.add(typeInWords(node.type ?? 'no type'));
	}
	const kinds = new Set<string>();
	const statuses = new Set<string>();
	let directed = false;
	for (const edge of dataset.edges) {
		if (!view.edges.has(edge.id)) continue;
		kinds.add(edge.kind);
		statuses.add(edge.status);
		directed ||= edge.directed === true;
	}
	const { appearance } = state;
	return {
		nodeTypes: [...Object.keys(NODE_TYPES), 'other'].filter((type) => types.has(type)),
		otherTypes: [...otherTypes].sort(),
		typesShow: { colour: appearance.colour.type === 'types', shape: appearance.shape.type === 'types' },
		colour: colourLegend(appearance, view.nodes),
		shape: shapeLegend(appearance, view.nodes),
		size: sizeLegend(appearance),
		edgeKinds: (['cooperation', 'friction'] as const).filter((kind) => kinds.has(kind)),
		edgeStatuses: (['stalled', 'proposed'] as const).filter((status) => statuses.has(status)),
		directed,
		ties: state.ties,
		highlight: state.highlight,
		selected: state.selected
	};
}

/** A legend mark, as the page and the image export both draw it. */
export type LegendMark =
	| { kind: 'shape'; shape: NodeShape; colour: string }
	| { kind: 'line'; colour: string; dash: 'solid' | 'dashed' | 'dotted'; opacity?: number }
	| { kind: 'arrow'; colour: string }
	/** a colour scale from its low value to its high value */
	| { kind: 'ramp'; stops: readonly string[]; low: string; high: string }
	/** the smallest and the largest node, with their values */
	| { kind: 'sizes'; small: number; large: number; low: string; high: string; colour: string }
	/** the highlight's halo around a node */
	| { kind: 'halo'; halo: string; colour: string }
	/** a dimmed node */
	| { kind: 'dimmed'; colour: string }
	/** the selection ring */
	| { kind: 'ring'; ring: string; colour: string };

export interface LegendItem {
	label: string;
	/** null: words only (a rule, such as the line width) */
	mark: LegendMark | null;
	/** a test id for the page's legend */
	id?: string;
}

export interface LegendGroup {
	/** the encoding the items spell out ("Colour: club"); null for the node types drawn by both colour and shape */
	title: string | null;
	items: LegendItem[];
	/** a test id for the page's legend */
	id?: string;
}

/** The legend's marks in the page's sizes: the largest node drawn this large (the graph's own depends on the zoom). */
export const LEGEND_LARGEST = 28;

export interface GroupOptions {
	/** the text colour of the surface the legend is drawn on (arrows use it) */
	textColour?: string;
	/** whether the selection ring is in the picture (the image export leaves it out unless asked) */
	selection?: boolean;
}

function tieItems(entries: LegendEntries, theme: Theme, textColour: string): LegendItem[] {
	const neutral = EDGE_KIND_COLOURS.cooperation[theme];
	return [
		...entries.edgeKinds.map((kind): LegendItem => ({ label: kind === 'cooperation' ? 'Cooperation' : 'Friction', mark: { kind: 'line', colour: EDGE_KIND_COLOURS[kind][theme], dash: EDGE_KIND_LINES[kind] } })),
		...entries.edgeStatuses.map(
			(status): LegendItem =>
				status === 'stalled'
					? { label: 'Stalled (grey, dashed if friction)', mark: { kind: 'line', colour: STALLED_COLOUR[theme], dash: 'solid' } }
					: { label: 'Proposed', mark: { kind: 'line', colour: neutral, dash: 'dotted', opacity: PROPOSED_OPACITY } }
		),
		...(entries.directed ? [{ label: 'Directed', mark: { kind: 'arrow', colour: textColour } } as const] : []),
		{
			label: entries.ties === 'all' ? 'One line per tie; width: weight (the strength the curator gave it)' : 'One line per pair and kind; width: number of ties, style: its strongest status',
			mark: null,
			id: 'legend-width'
		}
	];
}

function nodeTypeGroup(entries: LegendEntries, theme: Theme): LegendGroup | null {
	const { colour, shape } = entries.typesShow;
	if ((!colour && !shape) || entries.nodeTypes.length === 0) return null;
	const items = entries.nodeTypes.map((type): LegendItem => {
		const style = nodeTypeStyle(type);
		return {
			label: type === 'other' ? entries.otherTypes.join(', ') || 'other' : style.label,
			mark: { kind: 'shape', shape: shape ? style.shape : 'ellipse', colour: colour ? style.colour[theme] : NEUTRAL_FILL[theme] }
		};
	});
	return { title: colour && shape ? null : colour ? 'Colour: node type' : 'Shape: node type', items };
}

function colourGroup(legend: ColourLegend): LegendGroup {
	if (legend.type === 'partition')
		return { title: `Colour: ${legend.title}`, items: legend.categories.map((category) => ({ label: category.label, mark: { kind: 'shape', shape: 'ellipse', colour: category.colour } })) };
	const items: LegendItem[] = [{ label: '', mark: { kind: 'ramp', stops: RANKING_RAMP, low: legend.low, high: legend.high } }];
	if (legend.missing) items.push({ label: 'not recorded', mark: { kind: 'shape', shape: 'ellipse', colour: CATEGORY_OTHER } });
	return { title: `Colour: ${legend.title}`, items };
}

function sizeGroup(size: SizeLegend, neutral: string): LegendGroup {
	const scale = LEGEND_LARGEST / NODE_SIZE.max;
	const marks = { small: Math.round(NODE_SIZE.min * scale), large: LEGEND_LARGEST, colour: neutral };
	if (size.rule === 'partners')
		return {
			title: 'Size: partners among the shown ties',
			items: [{ label: 'area grows with the count', mark: { kind: 'sizes', ...marks, low: String(size.fewest), high: String(size.most) } }],
			id: 'legend-size'
		};
	const missing = size.missing ? `; ${size.missing} without a value drawn smallest` : '';
	return {
		title: `Size: ${size.title}`,
		items: [{ label: `area grows with the value${missing}`, mark: { kind: 'sizes', ...marks, low: size.low, high: size.high } }],
		id: 'legend-size'
	};
}

/** The legend for one theme, group by group: node types, colour, shape, size, ties, then what is lit, dimmed and selected. */
export function legendGroups(entries: LegendEntries, theme: Theme, options: GroupOptions = {}): LegendGroup[] {
	const { textColour = THEME_COLOURS[theme].text, selection = entries.selected } = options;
	const neutral = NEUTRAL_FILL[theme];
	const groups: LegendGroup[] = [];
	const types = nodeTypeGroup(entries, theme);
	// Colour first, then shape: the node types come where they are the colour, or the shape, or both.
	if (types && entries.typesShow.colour) groups.push(types);
	if (entries.colour) groups.push(colourGroup(entries.colour));
	if (types && !entries.typesShow.colour) groups.push(types);
	if (entries.shape)
		groups.push({ title: `Shape: ${entries.shape.title}`, items: entries.shape.categories.map((category) => ({ label: category.label, mark: { kind: 'shape', shape: category.shape, colour: neutral } })) });
	groups.push(sizeGroup(entries.size, neutral));
	groups.push({ title: 'Ties', items: tieItems(entries, theme, textColour) });
	const marked: LegendItem[] = [];
	const node = entries.typesShow.colour ? nodeTypeStyle('state').colour[theme] : (CATEGORY_HUES[0] ?? neutral);
	if (entries.highlight) {
		marked.push({ label: `Highlighted: ${entries.highlight.text}`, mark: { kind: 'halo', halo: HIGHLIGHT[theme], colour: node }, id: 'legend-highlight' });
		if (entries.highlight.dim) marked.push({ label: 'Dimmed: everything else', mark: { kind: 'dimmed', colour: node } });
	}
	if (entries.selected && selection) marked.push({ label: 'Selected', mark: { kind: 'ring', ring: THEME_COLOURS[theme].selection, colour: node } });
	if (marked.length) groups.push({ title: null, items: marked });
	return groups;
}
