// Report-ready images: the file name, the caption naming the source and the view in force, the largest drawable
// size, and the final SVG (title above the graph, legend and caption below, padded so no label is clipped).
import type { Dataset } from '$lib/model';
import type { FilterState } from './filter';
import type { LegendEntries } from './legend';
import { EDGE_KIND_COLOURS, EDGE_KIND_LINES, NODE_TYPES, OTHER_NODE_TYPE, PROPOSED_OPACITY, STALLED_COLOUR, type NodeShape, type Theme } from './palette';

export type ImageFormat = 'png' | 'jpeg' | 'svg' | 'pdf';
export type ImageScope = 'whole' | 'view';

/** `japan-korea-2014_2014-06_view.png`: dataset, the date in force (else the dataset's asOf), whole graph or view. */
export function imageFileName(dataset: Dataset, date: string | null, scope: ImageScope, format: ImageFormat): string {
	const when = date ?? dataset.meta.asOf ?? 'undated';
	return `${dataset.meta.id}_${when}_${scope}.${format === 'jpeg' ? 'jpg' : format}`;
}

function surname(name: string): string {
	return name.trim().split(/\s+/).at(-1) ?? name;
}

function joinNames(names: string[]): string {
	return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * "Source: Ando, Chou and Fujita (2014), German Marshall Fund of the United States, Young Strategists Forum Policy Brief"
 * from the dataset's main source (id "brief", else the first): surnames, year, publisher, series.
 */
export function sourceLine(dataset: Dataset): string | null {
	const source = dataset.sources?.find((candidate) => candidate.id === 'brief') ?? dataset.sources?.[0];
	if (!source) return null;
	const authors = source.authors?.length ? joinNames(source.authors.map(surname)) : null;
	const who = authors ?? source.publisher ?? source.title;
	const year = source.year ?? source.date?.slice(0, 4);
	const series = typeof source.series === 'string' ? source.series : null;
	return `Source: ${[`${who}${year ? ` (${year})` : ''}`, authors ? source.publisher : null, series].filter(Boolean).join(', ')}`;
}

/** The filters and date in force, in words; empty when the whole network is shown. */
export function filterLine(filter: FilterState): string {
	const parts: string[] = [];
	const list = (label: string, values: string[] | null) => values && parts.push(`${label}: ${values.length ? values.join(', ') : 'none'}`);
	list('ties', filter.kinds);
	list('fields', filter.domains);
	list('status', filter.statuses);
	list('node types', filter.nodeTypes);
	if (filter.hideIsolated) parts.push('isolated nodes hidden');
	if (filter.date) parts.push(`as of ${filter.date}`);
	return parts.join('; ');
}

/** "Edited: 2 changes, the last on 2026-11-30", so a picture of an edited dataset is not taken for its source's own; null when unedited. */
export function editLine(dataset: Dataset): string | null {
	const changes = dataset.meta.changes ?? [];
	const last = changes.at(-1);
	if (!last) return null;
	return `Edited: ${changes.length} ${changes.length === 1 ? 'change' : 'changes'}, the last on ${last.at.slice(0, 10)}`;
}

export function captionText(dataset: Dataset, filter: FilterState): string {
	return [sourceLine(dataset), editLine(dataset), filterLine(filter) && `Shown: ${filterLine(filter)}`].filter(Boolean).join('. ');
}

/** What one canvas can hold in every major browser: 16,384 px a side (Safari's limit), 268,435,456 px in all (Chromium's). */
export const CANVAS_LIMITS = { side: 16_384, area: 268_435_456 } as const;

/** The scale to draw at: the one asked for, or the largest that fits one canvas, with a message saying so. */
export function drawableScale(width: number, height: number, wanted: number): { scale: number; message: string | null } {
	const bySide = CANVAS_LIMITS.side / Math.max(width, height);
	const byArea = Math.sqrt(CANVAS_LIMITS.area / (width * height));
	const most = Math.min(bySide, byArea);
	if (wanted <= most) return { scale: wanted, message: null };
	const scale = Math.floor(most * 100) / 100;
	return { scale, message: `A ${wanted}× image (${Math.round(width * wanted)} × ${Math.round(height * wanted)} px) is more than one canvas can hold; drawn at ${scale}× instead.` };
}

export interface ComposeOptions {
	/** the graph as SVG markup (from cytoscape-svg), and its size in px */
	graph: { svg: string; width: number; height: number };
	title: string | null;
	caption: string | null;
	legend: LegendEntries | null;
	/** null for a transparent background */
	background: string | null;
	theme: Theme;
	textColour: string;
}

const MARGIN = 24;
const LINE = 18;

function escapeXml(text: string): string {
	return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Wraps text into lines of at most `chars` characters at spaces. */
export function wrapText(text: string, chars: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/)) {
		if (line && line.length + 1 + word.length > chars) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line) lines.push(line);
	return lines;
}

type LegendItem = { label: string; colour: string } & ({ shape: NodeShape } | { line: keyof typeof DASHES; opacity?: number } | { arrow: true });

/** The same marks as the on-screen legend: shapes for node types, lines for kinds and statuses, an arrow if directed. */
function legendItems(legend: LegendEntries, theme: Theme, textColour: string): LegendItem[] {
	const neutral = EDGE_KIND_COLOURS.cooperation[theme];
	return [
		...legend.nodeTypes.map((type) => {
			const style = NODE_TYPES[type] ?? OTHER_NODE_TYPE;
			return { label: type === 'other' ? legend.otherTypes.join(', ') || 'other' : style.label, colour: style.colour[theme], shape: style.shape };
		}),
		...legend.edgeKinds.map((kind) => ({ label: kind === 'cooperation' ? 'Cooperation' : 'Friction', colour: EDGE_KIND_COLOURS[kind][theme], line: EDGE_KIND_LINES[kind] })),
		...legend.edgeStatuses.map((status) =>
			status === 'stalled' ? { label: 'Stalled', colour: STALLED_COLOUR[theme], line: 'solid' as const } : { label: 'Proposed', colour: neutral, line: 'dotted' as const, opacity: PROPOSED_OPACITY }
		),
		...(legend.directed ? [{ label: 'Directed', colour: textColour, arrow: true as const }] : [])
	];
}

const DASHES = { solid: '', dashed: ' stroke-dasharray="7 4"', dotted: ' stroke-dasharray="1.5 4"' } as const;

/** A node shape as the graph draws it, in a 14 px box whose top left is (x, y). */
function shapeMark(shape: NodeShape, x: number, y: number, colour: string): string {
	const points = { diamond: '7,0.5 13.5,7 7,13.5 0.5,7', triangle: '7,1 13.5,13 0.5,13', hexagon: '3.5,1 10.5,1 13.5,7 10.5,13 3.5,13 0.5,7' };
	if (shape === 'ellipse') return `<circle cx="${x + 7}" cy="${y + 7}" r="6.2" fill="${colour}"/>`;
	if (shape === 'round-rectangle') return `<rect x="${x + 0.8}" y="${y + 0.8}" width="12.4" height="12.4" rx="3" fill="${colour}"/>`;
	return `<polygon transform="translate(${x} ${y})" points="${points[shape]}" fill="${colour}"/>`;
}

function legendMark(item: LegendItem, x: number, y: number): string {
	if ('shape' in item) return shapeMark(item.shape, x + 3, y - 12, item.colour);
	if ('arrow' in item) return `<line x1="${x}" y1="${y - 5}" x2="${x + 18}" y2="${y - 5}" stroke="${item.colour}" stroke-width="2"/><path d="M${x + 16} ${y - 10} L${x + 24} ${y - 5} L${x + 16} ${y} Z" fill="${item.colour}"/>`;
	const opacity = item.opacity === undefined ? '' : ` opacity="${item.opacity}"`;
	return `<line x1="${x}" y1="${y - 5}" x2="${x + 24}" y2="${y - 5}" stroke="${item.colour}" stroke-width="3" stroke-linecap="round"${DASHES[item.line]}${opacity}/>`;
}

/** The whole picture as one SVG document: title, the graph (margins keep labels clear of the edge), legend, caption. */
export function composeSvg(options: ComposeOptions): { svg: string; width: number; height: number } {
	const { graph, theme, textColour } = options;
	const width = Math.max(graph.width + 2 * MARGIN, 480);
	const chars = Math.floor((width - 2 * MARGIN) / 7);
	const parts: string[] = [];
	let y = MARGIN;
	if (options.title) {
		for (const line of wrapText(options.title, Math.floor(chars * 0.7))) {
			y += 22;
			parts.push(`<text x="${MARGIN}" y="${y}" font-family="sans-serif" font-size="20" font-weight="bold" fill="${textColour}">${escapeXml(line)}</text>`);
		}
		y += 12;
	}
	const graphX = (width - graph.width) / 2;
	const inner = graph.svg.replace(/^<\?xml[^>]*>\s*/, '').replace(/<!DOCTYPE[^>]*>\s*/i, '');
	parts.push(`<svg x="${graphX}" y="${y}" width="${graph.width}" height="${graph.height}" viewBox="0 0 ${graph.width} ${graph.height}">${inner.replace(/^<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '')}</svg>`);
	y += graph.height + 12;
	if (options.legend) {
		let x = MARGIN;
		y += LINE;
		for (const item of legendItems(options.legend, theme, textColour)) {
			const room = 40 + item.label.length * 6.6;
			if (x + room > width - MARGIN) {
				x = MARGIN;
				y += LINE;
			}
			parts.push(
				legendMark(item, x, y),
				`<text x="${x + 30}" y="${y}" font-family="sans-serif" font-size="13" fill="${textColour}">${escapeXml(item.label)}</text>`
			);
			x += room;
		}
	}
	if (options.caption) {
		y += 6;
		for (const line of wrapText(options.caption, chars)) {
			y += LINE;
			parts.push(`<text x="${MARGIN}" y="${y}" font-family="sans-serif" font-size="12" fill="${textColour}">${escapeXml(line)}</text>`);
		}
	}
	const height = Math.ceil(y + MARGIN);
	const background = options.background ? `<rect width="100%" height="100%" fill="${options.background}"/>` : '';
	return {
		width: Math.ceil(width),
		height,
		svg: `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${Math.ceil(width)}" height="${height}" viewBox="0 0 ${Math.ceil(width)} ${height}">${background}${parts.join('')}</svg>`
	};
}
