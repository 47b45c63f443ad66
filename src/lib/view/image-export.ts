// Report-ready images: the file name, the caption naming the source and the view in force, the largest drawable
// size, and the final SVG (title above the graph, legend and caption below, padded so no label is clipped).
import type { Dataset } from '$lib/model';
import { categoryLabel } from './attributes';
import type { AttributeFilter, FilterState } from './filter';
import type { LegendGroup } from './legend';
import { escapeXml, legendSvg } from './legend-svg';
import { THEME_COLOURS, type Theme } from './palette';

export type ImageFormat = 'png' | 'jpeg' | 'svg' | 'pdf';
export type ImageScope = 'whole' | 'view';

/**
 * `japan-korea-2014_2014-06_view.png`: dataset, the date in force (else the dataset's asOf), whole graph or view, and
 * what the picture shows beyond the plain network (`_bridge`, `_highlighted`), so two versions never collide.
 */
export function imageFileName(dataset: Dataset, date: string | null, scope: ImageScope, format: ImageFormat, variant: string | null = null): string {
	const when = date ?? dataset.meta.asOf ?? 'undated';
	return `${dataset.meta.id}_${when}_${scope}${variant ? `_${variant}` : ''}.${format === 'jpeg' ? 'jpg' : format}`;
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

/** An attribute filter in words: "club: Officer", "tie weight: 2 to 5", "population: at least 1000". */
export function attributeFilterWords(filter: AttributeFilter): string | null {
	const name = filter.scope === 'edge' ? `tie ${filter.name}` : filter.name;
	if ('values' in filter) return `${name}: ${filter.values.length ? filter.values.map(categoryLabel).join(', ') : 'none'}`;
	const { min, max } = filter.range;
	if (min !== null && max !== null) return `${name}: ${min} to ${max}`;
	if (min !== null) return `${name}: at least ${min}`;
	return max !== null ? `${name}: at most ${max}` : null;
}

/** The filters and date in force, in words; empty when the whole network is shown. */
export function filterLine(filter: FilterState): string {
	const parts: string[] = [];
	const list = (label: string, values: string[] | null) => values && parts.push(`${label}: ${values.length ? values.join(', ') : 'none'}`);
	list('ties', filter.kinds);
	list('fields', filter.domains);
	list('status', filter.statuses);
	list('node types', filter.nodeTypes);
	for (const attribute of filter.attributes) {
		const words = attributeFilterWords(attribute);
		if (words) parts.push(words);
	}
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

/** What a picture shows beyond the plain network, for its caption. */
export interface PictureDescription {
	filter: FilterState;
	/** the bridge view in words: "Japan – South Korea, broker United States, defense" */
	bridge?: string | null;
	/** the ego network in focus: its centre's name and how many steps out */
	focus?: { label: string; hops: number } | null;
	/** what is lit, in words (the legend's words) */
	highlight?: string | null;
	/** the analysis layer in one sentence, when the picture depends on it (sizes, colours, a highlight, the bridge view) */
	layer?: string | null;
}

/** A sentence ends with one full stop, whatever its last words. */
const sentence = (text: string) => text.replace(/[.\s]+$/, '');

/**
 * The caption: the source, whether the dataset was edited, then what the picture shows: the bridge view, the focus,
 * the highlight, the filters and date, and the analysis layer they rest on.
 */
export function captionText(dataset: Dataset, description: PictureDescription): string {
	const { filter, bridge, focus, highlight, layer } = description;
	const shown = filterLine(filter);
	return [
		sourceLine(dataset),
		editLine(dataset),
		bridge && `Bridge view: ${bridge}`,
		focus && `Focus: ${focus.label} and the nodes up to ${focus.hops} ${focus.hops === 1 ? 'step' : 'steps'} away`,
		highlight && `Highlighted: ${highlight}`,
		shown && `Shown: ${shown}`,
		layer && `Analysis layer: ${layer}`
	]
		.filter((part): part is string => Boolean(part))
		.map(sentence)
		.join('. ');
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
	/** the legend's groups, drawn for the export's theme (legendGroups) */
	legend: readonly LegendGroup[] | null;
	/** null for a transparent background */
	background: string | null;
	/** the export's colours, whatever the screen's: text is dark on light, light on dark */
	theme: Theme;
}

const MARGIN = 24;
const LINE = 18;

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

/**
 * The whole picture as one SVG document: title, the graph (margins keep labels clear of the edge), legend, caption;
 * `graphAt` is where the graph's top left corner went.
 */
export function composeSvg(options: ComposeOptions): { svg: string; width: number; height: number; graphAt: { x: number; y: number } } {
	const { graph } = options;
	const textColour = THEME_COLOURS[options.theme].text;
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
	const graphAt = { x: (width - graph.width) / 2, y };
	const inner = graph.svg.replace(/^<\?xml[^>]*>\s*/, '').replace(/<!DOCTYPE[^>]*>\s*/i, '');
	parts.push(`<svg x="${graphAt.x}" y="${y}" width="${graph.width}" height="${graph.height}" viewBox="0 0 ${graph.width} ${graph.height}">${inner.replace(/^<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '')}</svg>`);
	y += graph.height + 12;
	if (options.legend) {
		const legend = legendSvg(options.legend, { x: MARGIN, top: y, width: width - 2 * MARGIN, textColour });
		parts.push(legend.markup);
		y += legend.height;
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
		graphAt,
		svg: `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${Math.ceil(width)}" height="${height}" viewBox="0 0 ${Math.ceil(width)} ${height}">${background}${parts.join('')}</svg>`
	};
}

/** A PDF's page: the picture's own size, or a paper or slide size the picture is fitted into. */
export type PdfPage = 'fit' | 'a4' | 'letter' | 'slide';

/** Page sizes in points, long side first: A4 (297 × 210 mm), US Letter (11 × 8.5 in), a 16:9 slide (13.33 × 7.5 in). */
export const PDF_PAGES: ReadonlyArray<{ id: PdfPage; label: string; size: readonly [number, number] | null }> = [
	{ id: 'fit', label: 'the picture’s size', size: null },
	{ id: 'a4', label: 'A4', size: [841.89, 595.28] },
	{ id: 'letter', label: 'US Letter', size: [792, 612] },
	{ id: 'slide', label: '16:9 slide', size: [960, 540] }
];

/** Space left around a picture fitted into a page, in points. */
export const PDF_MARGIN = 28;

/**
 * Where the picture goes on the page: the page is the picture's own size, or the chosen paper turned to the picture's
 * orientation (a slide stays landscape) with the picture scaled to fit within the margins, centred.
 */
export function pdfPlacement(width: number, height: number, page: PdfPage): { pageWidth: number; pageHeight: number; x: number; y: number; width: number; height: number } {
	const size = PDF_PAGES.find((entry) => entry.id === page)?.size;
	if (!size) return { pageWidth: width, pageHeight: height, x: 0, y: 0, width, height };
	const [long, short] = size;
	const portrait = page !== 'slide' && height > width;
	const pageWidth = portrait ? short : long;
	const pageHeight = portrait ? long : short;
	const factor = Math.min((pageWidth - 2 * PDF_MARGIN) / width, (pageHeight - 2 * PDF_MARGIN) / height);
	return { pageWidth, pageHeight, x: (pageWidth - width * factor) / 2, y: (pageHeight - height * factor) / 2, width: width * factor, height: height * factor };
}
