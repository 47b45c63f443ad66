// Pictures of the graph as files, for the Export panel and the bridge view's one-click export alike: the drawing in
// the export's own colours (light or dark, whatever the screen shows), without hover fading and without the selection
// ring unless asked, composed with title, legend and caption (image-export.ts), then saved as SVG, PDF, PNG or JPEG.
// On a large graph the tie layer's own drawing goes under Cytoscape's: as SVG paths written in the tie worker
// (layer-svg.ts), as PDF paths (layer-pdf.ts), or rasterised in the tie worker for PNG and JPEG.
import type { Core } from 'cytoscape';
import type { SvgExport } from 'cytoscape-svg';
import { loadSvgExport } from './cytoscape';
import { composeSvg, drawableScale, pdfPlacement, type ImageFormat, type ImageScope, type PdfPage } from './image-export';
import { legendGroups, type LegendEntries } from './legend';
import { loadedOrSaid } from './not-loaded';
import { THEME_COLOURS, type Theme } from './palette';
import { CLASSES, stylesheet } from './style';
import type { LayerPicture, Viewport } from './tie-layer';

/** A large graph's layer under Cytoscape (every tie, and the nodes Cytoscape leaves to it), for pictures. */
export interface LayerSource {
	/** what it draws, in the given colours; null while the network is still being drawn */
	picture(theme: Theme): LayerPicture | null;
	/** that drawing rasterised at a viewport, off the page's thread where the browser can */
	raster(picture: LayerPicture, viewport: Viewport): Promise<ImageBitmap>;
	/** that drawing at a viewport as SVG elements (layerSvg), written off the page's thread where the browser can */
	svg(picture: LayerPicture, viewport: Viewport): Promise<string>;
}

export interface PictureRequest {
	cy: Core;
	/** the layer of a large graph; null on other graphs */
	layer: LayerSource | null;
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

/** Cytoscape's drawing as SVG markup, its size, and on a large graph the layer to go under it at the viewport given. */
interface Drawing {
	svg: string;
	width: number;
	height: number;
	layer: { source: LayerSource; picture: LayerPicture; viewport: Viewport } | null;
}

/**
 * The drawing in the export's colours; the screen's drawing is left as it was. On a large graph the layer's own
 * drawing goes under Cytoscape's, at the same place and scale, as on screen: Cytoscape writes only the nodes and ties
 * it draws itself (labels, the selection, a highlight), so the picture costs a few elements, not one per node and tie.
 */
function drawing(request: PictureRequest): Drawing {
	const { cy } = request;
	const full = request.scope === 'whole';
	const source = request.large ? request.layer : null;
	const layer = source?.picture(request.theme) ?? null;
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
	if (!source || !layer) return { svg: markup, width, height, layer: null };
	// cytoscape-svg draws at the screen's pixel ratio: the model's box (whole) or Cytoscape's viewport (view), times that.
	const ratio = width / (full ? Math.ceil(box.w) : cy.width()) || 1;
	const { x, y } = full ? { x: -box.x1, y: -box.y1 } : cy.pan();
	return { svg: markup, width, height, layer: { source, picture: layer, viewport: { zoom: (full ? 1 : cy.zoom()) * ratio, pan: { x: x * ratio, y: y * ratio }, width, height } } };
}

/** Cytoscape's SVG with the layer's drawing written in under it: one document. */
async function withLayer(drawn: Drawing): Promise<string> {
	if (!drawn.layer) return drawn.svg;
	const { source, picture, viewport } = drawn.layer;
	const under = await source.svg(picture, viewport);
	return drawn.svg.replace(/<svg[^>]*>/, (root) => `${root}${under}`);
}

/** A viewport drawn `factor` times as large. */
function scaled(viewport: Viewport, factor: number): Viewport {
	const { zoom, pan, width, height } = viewport;
	return { zoom: zoom * factor, pan: { x: pan.x * factor, y: pan.y * factor }, width: Math.round(width * factor), height: Math.round(height * factor) };
}

/**
 * The picture as a PNG or JPEG: the background, then what goes under the SVG (a large graph's layer, drawn apart, at
 * its place), then the SVG itself, at `factor` pixels per drawn pixel.
 */
async function rasterise(
	svg: string,
	size: { width: number; height: number; factor: number },
	type: 'image/png' | 'image/jpeg',
	background: string | null,
	under: { bitmap: Promise<ImageBitmap>; x: number; y: number } | null
): Promise<Blob> {
	const { width, height, factor } = size;
	const image = new Image();
	image.src = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
	const [bitmap] = await Promise.all([under?.bitmap, image.decode()]);
	const canvas = document.createElement('canvas');
	canvas.width = Math.round(width * factor);
	canvas.height = Math.round(height * factor);
	const context = canvas.getContext('2d')!;
	if (background) {
		context.fillStyle = background;
		context.fillRect(0, 0, canvas.width, canvas.height);
	}
	if (bitmap && under) {
		context.drawImage(bitmap, Math.round(under.x * factor), Math.round(under.y * factor));
		bitmap.close();
	}
	context.drawImage(image, 0, 0, canvas.width, canvas.height);
	URL.revokeObjectURL(image.src);
	return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the browser could not encode the image'))), type, 0.92));
}

/** Makes the picture and saves it; says what was saved (and, for a raster too large for one canvas, at what scale). */
export async function exportPicture(request: PictureRequest): Promise<string> {
	const { format, fileName } = request;
	const background = request.transparent && (format === 'png' || format === 'svg') ? null : THEME_COLOURS[request.theme].background;
	await loadedOrSaid(loadSvgExport(), 'part of the exporter');
	const drawn = drawing(request);
	// Each format draws a large graph's layer its own way: paths in the SVG (written in the tie worker), paths of the
	// PDF's own (svg2pdf took a second over 50,000 ties), and a bitmap from the tie worker under a PNG or JPEG
	// (rasterised as part of the SVG, it held the page for 18 s).
	const compose = (svg: string, withBackground: boolean) =>
		composeSvg({
			graph: { svg, width: drawn.width, height: drawn.height },
			title: request.title,
			caption: request.caption,
			legend: request.legend ? legendGroups(request.legend, request.theme, { selection: request.selection }) : null,
			background: withBackground ? background : null,
			theme: request.theme
		});
	if (format === 'svg') {
		const picture = compose(await withLayer(drawn), true);
		saveBlob(new Blob([picture.svg], { type: 'image/svg+xml' }), fileName);
		return `Saved ${fileName}.`;
	}
	if (format === 'pdf') {
		// A large graph's layer goes into the PDF as paths of its own, under the rest (background first, as the SVG's).
		const picture = compose(drawn.svg, !drawn.layer);
		const [{ jsPDF }, { svg2pdf }, { layerPdf }] = await loadedOrSaid(Promise.all([import('jspdf'), import('svg2pdf.js'), import('./layer-pdf')]), 'part of the exporter');
		const placed = pdfPlacement(picture.width, picture.height, request.page ?? 'fit');
		const pdf = new jsPDF({ orientation: placed.pageWidth >= placed.pageHeight ? 'landscape' : 'portrait', unit: 'pt', format: [placed.pageWidth, placed.pageHeight] });
		if (drawn.layer) {
			const scale = placed.width / picture.width;
			if (background) {
				pdf.setFillColor(background);
				pdf.rect(placed.x, placed.y, placed.width, placed.height, 'F');
			}
			layerPdf(pdf, drawn.layer.picture, drawn.layer.viewport, { scale, x: placed.x + picture.graphAt.x * scale, y: placed.y + picture.graphAt.y * scale });
		}
		const element = new DOMParser().parseFromString(picture.svg, 'image/svg+xml').documentElement;
		await svg2pdf(element, pdf, { x: placed.x, y: placed.y, width: placed.width, height: placed.height });
		saveBlob(pdf.output('blob'), fileName);
		return `Saved ${fileName}.`;
	}
	// The background is painted first, under the layer; the SVG over it is transparent.
	const picture = compose(drawn.svg, false);
	const { scale, message } = drawableScale(picture.width, picture.height, request.scale);
	const layer = drawn.layer;
	const under = layer ? { bitmap: layer.source.raster(layer.picture, scaled(layer.viewport, scale)), ...picture.graphAt } : null;
	saveBlob(await rasterise(picture.svg, { width: picture.width, height: picture.height, factor: scale }, format === 'png' ? 'image/png' : 'image/jpeg', background, under), fileName);
	return message ?? `Saved ${fileName}.`;
}
