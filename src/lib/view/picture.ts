// Pictures of the graph as files, for the Export panel and the bridge view's one-click export alike: the drawing in
// the export's own colours (light or dark, whatever the screen shows), without hover fading and without the selection
// ring unless asked, composed with title, legend and caption (image-export.ts), then saved as SVG, PDF, PNG or JPEG.
import type { Core, ElementDefinition } from 'cytoscape';
import type { SvgExport } from 'cytoscape-svg';
import { composeSvg, drawableScale, pdfPlacement, type ImageFormat, type ImageScope, type PdfPage } from './image-export';
import { legendGroups, type LegendEntries } from './legend';
import { THEME_COLOURS, type Theme } from './palette';
import { CLASSES, stylesheet } from './style';

export interface PictureRequest {
	cy: Core;
	/** the ties a large graph draws on its own layer outside Cytoscape: added for the picture, removed after */
	outsideTies: () => ElementDefinition[];
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

/** The drawing as SVG markup in the export's colours; the screen's drawing is left as it was. */
function drawing(request: PictureRequest): { svg: string; width: number; height: number } {
	const { cy } = request;
	// Hover fading must not end up in a report.
	cy.elements().removeClass(CLASSES.faded);
	const selected = request.selection ? cy.collection() : cy.elements(`.${CLASSES.selected}`);
	// Large graphs on screen leave most nodes to the layer under Cytoscape's canvas: the picture draws them all.
	const restyle = request.theme !== request.screenTheme || request.large;
	let markup: string;
	const outside = request.outsideTies();
	const added = outside.length > 0 ? cy.add(outside) : cy.collection();
	try {
		selected.removeClass(CLASSES.selected);
		if (restyle) cy.style(stylesheet(request.theme, { large: request.large, nodesOnLayer: false }));
		markup = (cy as Core & SvgExport).svg({ full: request.scope === 'whole', scale: 1 });
	} finally {
		if (restyle) cy.style(stylesheet(request.screenTheme, { large: request.large }));
		selected.addClass(CLASSES.selected);
		added.remove();
	}
	const root = /<svg[^>]*>/.exec(markup)?.[0] ?? '';
	const size = (name: string, fallback: number) => Math.ceil(Number(new RegExp(`\\b${name}="([\\d.]+)`).exec(root)?.[1] ?? fallback));
	return { svg: markup, width: size('width', cy.width()), height: size('height', cy.height()) };
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
