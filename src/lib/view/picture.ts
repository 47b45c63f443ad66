// Pictures of the graph as files, for the Export panel and the bridge view's one-click export alike: the drawing in
// the export's own colours (light or dark, whatever the screen shows), without hover fading and without the selection
// ring unless asked, composed with title, legend and caption (image-export.ts), then saved as SVG, PDF, PNG or JPEG.
import type { Core } from 'cytoscape';
import type { SvgExport } from 'cytoscape-svg';
import { composeSvg, drawableScale, pdfPlacement, type ImageFormat, type ImageScope, type PdfPage } from './image-export';
import { layerSvg, type LayerPicture } from './layer-svg';
import { legendGroups, type LegendEntries } from './legend';
import { THEME_COLOURS, type Theme } from './palette';
import { CLASSES, stylesheet } from './style';

export interface PictureRequest {
	cy: Core;
	/** what a large graph's layer under Cytoscape draws (every tie, and the nodes Cytoscape leaves to it), in the given colours; null on other graphs */
	layer: (theme: Theme) => LayerPicture | null;
	format: ImageFormat;
	/** PNG and JPEG: how many pixels per drawn pixel */
	scale: number;
	/** PNG and SVG: leave the background out */
	transparent: boolean;
	scope: ImageScope;
	/** the export's colours */
	theme: Theme;
	/** the screen's colours, put back once the drawing is taken */
	screenTheme: Theme;
	/** whether the drawing uses the fast style of large graphs */
	large: boolean;
	/** keep the selection ring (and a selected tie's label) in the picture */
	selection: boolean;
	title: string | null;
	caption: string | null;
	legend: LegendEntries | null;
	fileName: string;
	/** PDF: the picture's own size, or a paper or slide size it is fitted into (default: its own size) */
	page?: PdfPage;
}

/** Saves a file through a download link. */
export function saveBlob(blob: Blob, name: string): void {
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = name;
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The drawing as SVG markup in the export's colours; the screen's drawing is left as it was. On a large graph, the
 * layer's own drawing goes under Cytoscape's, at the same place and scale, as on screen: Cytoscape writes only the
 * nodes and ties it draws itself (labels, the selection, a highlight), so the picture costs a few elements, not one
 * per node and tie.
 */
function drawing(request: PictureRequest): { svg: string; width: number; height: number } {
	const { cy } = request;
	const full = request.scope === 'whole';
	const layer = request.large ? request.layer(request.theme) : null;
	if (request.large && !layer) throw new Error('the network is still being drawn; try again once it is on screen');
	// Hover fading must not end up in a report. Only the faded lose the class: a class taken from every element makes
	// Cytoscape work out every element's style again (0.4 s at 10,000 nodes), even from those that never had it.
	cy.elements(`.${CLASSES.faded}`).removeClass(CLASSES.faded);
	const selected = request.selection ? cy.collection() : cy.elements(`.${CLASSES.selected}`);
	// On a large graph, Cytoscape holds a selected tie only to draw it over the layer: without the selection, the layer's own is the picture's.
	const lifted = layer ? selected.edges().not(`.${CLASSES.highlighted}`) : cy.collection();
	const restyle = request.theme !== request.screenTheme;
	let markup: string;
	let box: { x1: number; y1: number; w: number };
	try {
		lifted.remove();
		selected.removeClass(CLASSES.selected);
		if (restyle) cy.style(stylesheet(request.theme, { large: request.large }));
		markup = (cy as Core & SvgExport).svg({ full, scale: 1 });
		box = cy.elements().boundingBox();
	} finally {
		if (restyle) cy.style(stylesheet(request.screenTheme, { large: request.large }));
		lifted.restore();
		selected.addClass(CLASSES.selected);
	}
	const root = /<svg[^>]*>/.exec(markup)?.[0] ?? '';
	const size = (name: string, fallback: number) => Math.ceil(Number(new RegExp(`\\b${name}="([\\d.]+)`).exec(root)?.[1] ?? fallback));
	const [width, height] = [size('width', cy.width()), size('height', cy.height())];
	if (layer) {
		// cytoscape-svg draws at the screen's pixel ratio: the model's box (whole) or Cytoscape's viewport (view), times that.
		const ratio = width / (full ? Math.ceil(box.w) : cy.width()) || 1;
		const { x, y } = full ? { x: -box.x1, y: -box.y1 } : cy.pan();
		const under = layerSvg(layer, { zoom: (full ? 1 : cy.zoom()) * ratio, pan: { x: x * ratio, y: y * ratio }, width, height });
		markup = markup.replace(root, () => `${root}${under}`);
	}
	return { svg: markup, width, height };
}

async function rasterise(svg: string, width: number, height: number, factor: number, type: 'image/png' | 'image/jpeg', background: string | null): Promise<Blob> {
	const image = new Image();
	image.src = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
	await image.decode();
	const canvas = document.createElement('canvas');
	canvas.width = Math.round(width * factor);
	canvas.height = Math.round(height * factor);
	const context = canvas.getContext('2d')!;
	if (background) {
		context.fillStyle = background;
		context.fillRect(0, 0, canvas.width, canvas.height);
	}
	context.drawImage(image, 0, 0, canvas.width, canvas.height);
	URL.revokeObjectURL(image.src);
	return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the browser could not encode the image'))), type, 0.92));
}

/** Makes the picture and saves it; says what was saved (and, for a raster too large for one canvas, at what scale). */
export async function exportPicture(request: PictureRequest): Promise<string> {
	const { format, fileName } = request;
	const background = request.transparent && (format === 'png' || format === 'svg') ? null : THEME_COLOURS[request.theme].background;
	const picture = composeSvg({
		graph: drawing(request),
		title: request.title,
		caption: request.caption,
		legend: request.legend ? legendGroups(request.legend, request.theme, { selection: request.selection }) : null,
		background,
		theme: request.theme
	});
	if (format === 'svg') {
		saveBlob(new Blob([picture.svg], { type: 'image/svg+xml' }), fileName);
		return `Saved ${fileName}.`;
	}
	if (format === 'pdf') {
		const [{ jsPDF }, { svg2pdf }] = await Promise.all([import('jspdf'), import('svg2pdf.js')]);
		const placed = pdfPlacement(picture.width, picture.height, request.page ?? 'fit');
		const pdf = new jsPDF({ orientation: placed.pageWidth >= placed.pageHeight ? 'landscape' : 'portrait', unit: 'pt', format: [placed.pageWidth, placed.pageHeight] });
		const element = new DOMParser().parseFromString(picture.svg, 'image/svg+xml').documentElement;
		await svg2pdf(element, pdf, { x: placed.x, y: placed.y, width: placed.width, height: placed.height });
		saveBlob(pdf.output('blob'), fileName);
		return `Saved ${fileName}.`;
	}
	const { scale, message } = drawableScale(picture.width, picture.height, request.scale);
	saveBlob(await rasterise(picture.svg, picture.width, picture.height, scale, format === 'png' ? 'image/png' : 'image/jpeg', background), fileName);
	return message ?? `Saved ${fileName}.`;
}
