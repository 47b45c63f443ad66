// The tie layer of a large graph drawn straight into a PDF, for vector export: the same drawing the screen shows
// (drawTies and drawNodes in tie-layer.ts) through a context that turns each painted path into jsPDF's path operators.
// Read as SVG by svg2pdf, the 50,000 ties of a 10,000-node network held the page for a second.
import { GState, type jsPDF } from 'jspdf';
import { drawNodes, drawTies, type LayerContext, type LayerPicture, type Viewport } from './tie-layer';

/** Where the layer's pixels go on the page: x' = x · scale + x, y' = y · scale + y, in the PDF's units. */
export interface PageMapping {
	scale: number;
	x: number;
	y: number;
}

type Segment = ['m' | 'l', number, number] | ['c', number, number, number, number, number, number] | ['h'];

/**
 * A 2D context that draws into a jsPDF document. The path traced since `beginPath` is kept, and written out with its
 * paint when the next path begins (PDF allows no change of colour, width or dash inside a path); a path both filled
 * and stroked is painted once with both. Arcs become cubic Béziers, a quarter turn or less each. The canvas's global
 * alpha becomes the paint's opacity (an ExtGState).
 */
export class PdfContext implements LayerContext {
	lineWidth = 1;
	strokeStyle: string | CanvasGradient | CanvasPattern = '#000';
	fillStyle: string | CanvasGradient | CanvasPattern = '#000';
	globalAlpha = 1;
	lineCap: CanvasLineCap = 'butt';
	private dash: number[] = [];
	private matrix: [number, number, number, number, number, number] = [1, 0, 0, 1, 0, 0];
	private path: Segment[] = [];
	private last: [number, number] | null = null;
	private first: [number, number] | null = null;
	private fillPaint: { colour: string; alpha: number } | null = null;
	private strokePaint: { colour: string; alpha: number; width: number; cap: CanvasLineCap; dash: number[] } | null = null;

	constructor(
		private readonly pdf: jsPDF,
		private readonly page: PageMapping
	) {}

	setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void {
		this.matrix = [a, b, c, d, e, f];
	}

	/** Nothing to clear: the page under the layer is the picture's background. */
	clearRect(): void {}

	setLineDash(segments: number[]): void {
		this.dash = [...segments];
	}

	beginPath(): void {
		this.flush();
		this.path = [];
		this.last = this.first = null;
	}

	/** A point of the context's space on the page, to a hundredth of a unit (a point is 1/72 inch). */
	private map(x: number, y: number): [number, number] {
		const [a, b, c, d, e, f] = this.matrix;
		const { scale } = this.page;
		const round = (value: number) => Math.round(value * 100) / 100;
		return [round((a * x + c * y + e) * scale + this.page.x), round((b * x + d * y + f) * scale + this.page.y)];
	}

	moveTo(x: number, y: number): void {
		this.first = this.last = this.map(x, y);
		this.path.push(['m', ...this.first]);
	}

	lineTo(x: number, y: number): void {
		this.last = this.map(x, y);
		this.path.push(['l', ...this.last]);
	}

	/** An arc clockwise from `start` to `end` (radians), joined to the current point by a line as on a canvas. */
	arc(x: number, y: number, radius: number, start: number, end: number): void {
		const sweep = Math.min(end - start, 2 * Math.PI);
		const at = (angle: number) => this.map(x + radius * Math.cos(angle), y + radius * Math.sin(angle));
		const begin = at(start);
		const from = this.path.length ? this.last : null;
		if (!from) this.first = begin;
		if (!from || from[0] !== begin[0] || from[1] !== begin[1]) this.path.push([from ? 'l' : 'm', ...begin]);
		const pieces = Math.max(1, Math.ceil(sweep / (Math.PI / 2) - 1e-9));
		const step = sweep / pieces;
		const reach = radius * (4 / 3) * Math.tan(step / 4);
		for (let k = 0; k < pieces; k++) {
			const [a0, a1] = [start + k * step, start + (k + 1) * step];
			const c1 = this.map(x + radius * Math.cos(a0) - reach * Math.sin(a0), y + radius * Math.sin(a0) + reach * Math.cos(a0));
			const c2 = this.map(x + radius * Math.cos(a1) + reach * Math.sin(a1), y + radius * Math.sin(a1) - reach * Math.cos(a1));
			this.last = at(a1);
			this.path.push(['c', ...c1, ...c2, ...this.last]);
		}
	}

	closePath(): void {
		this.path.push(['h']);
		this.last = this.first;
	}

	fill(): void {
		this.fillPaint = { colour: String(this.fillStyle), alpha: this.globalAlpha };
	}

	stroke(): void {
		this.strokePaint = { colour: String(this.strokeStyle), alpha: this.globalAlpha, width: this.lineWidth, cap: this.lineCap, dash: this.dash };
	}

	/** The painted path so far, written with its paint; an empty or unpainted path writes nothing. */
	flush(): void {
		const { pdf, fillPaint: fill, strokePaint: stroke } = this;
		this.fillPaint = this.strokePaint = null;
		if (this.path.length === 0 || (!fill && !stroke)) return;
		pdf.setGState(new GState({ opacity: fill?.alpha ?? 1, 'stroke-opacity': stroke?.alpha ?? 1 }));
		if (fill) pdf.setFillColor(fill.colour);
		if (stroke) {
			pdf.setDrawColor(stroke.colour);
			pdf.setLineWidth(stroke.width * this.page.scale);
			pdf.setLineCap(stroke.cap);
			pdf.setLineDashPattern(
				stroke.dash.map((length) => length * this.page.scale),
				0
			);
		}
		for (const segment of this.path) {
			if (segment[0] === 'm') pdf.moveTo(segment[1], segment[2]);
			else if (segment[0] === 'l') pdf.lineTo(segment[1], segment[2]);
			else if (segment[0] === 'c') pdf.curveTo(segment[1], segment[2], segment[3], segment[4], segment[5], segment[6]);
			else pdf.close();
		}
		if (fill && stroke) pdf.fillStroke();
		else if (fill) pdf.fill();
		else pdf.stroke();
	}
}

/**
 * Draws the layer's picture at a viewport into the PDF, clipped to the viewport's box on the page (as the picture's
 * own graph area clips it): the ties, then the nodes over them, in a graphics state of its own.
 */
export function layerPdf(pdf: jsPDF, picture: LayerPicture, viewport: Viewport, page: PageMapping): void {
	const context = new PdfContext(pdf, page);
	const options = { ...picture, viewport };
	pdf.saveGraphicsState();
	pdf.rect(page.x, page.y, viewport.width * page.scale, viewport.height * page.scale, null);
	pdf.clip();
	pdf.discardPath();
	drawTies(context, picture.batch.ties, options);
	drawNodes(context, picture.batch.nodes, options);
	context.flush();
	pdf.restoreGraphicsState();
}
