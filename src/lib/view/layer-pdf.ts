// The tie layer of a large graph drawn straight into a PDF, for vector export: the same drawing the screen shows
// (drawTies and drawNodes in tie-layer.ts) through a context that turns each painted path into jsPDF's path operators.
// Read as SVG by svg2pdf, the 50,000 ties of a 10,000-node network held the page for a second.
import { GState, type jsPDF } from 'jspdf';
import { onCircle, PathRecorder, type FillPaint, type PathSegment, type StrokePaint } from './path-recorder';
import { drawLayer, type LayerPicture, type Viewport } from './tie-layer';

/** Where the layer's pixels go on the page, in the PDF's units measured from the top left as jsPDF does: (px · scale + x, py · scale + y). */
export interface PageMapping {
	scale: number;
	x: number;
	y: number;
}

/**
 * A context that draws into a jsPDF document: each painted path written with its colour, width, dash and opacity (an
 * ExtGState) first, as PDF allows no change of them inside a path. Arcs become cubic Béziers, a quarter turn or less each.
 */
export class PdfContext extends PathRecorder {
	constructor(
		private readonly pdf: jsPDF,
		private readonly page: PageMapping
	) {
		super();
	}

	/** A point of the layer's space on the page, to a hundredth of a unit (a point is 1/72 inch). */
	private map([x, y]: [number, number]): [number, number] {
		const { scale } = this.page;
		return [Math.round((x * scale + this.page.x) * 100) / 100, Math.round((y * scale + this.page.y) * 100) / 100];
	}

	protected paint(path: readonly PathSegment[], fill: FillPaint | null, stroke: StrokePaint | null): void {
		const { pdf } = this;
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
		for (const segment of path) {
			if (segment.kind === 'move') pdf.moveTo(...this.map([segment.x, segment.y]));
			else if (segment.kind === 'line') pdf.lineTo(...this.map([segment.x, segment.y]));
			else if (segment.kind === 'close') pdf.close();
			else this.curves(segment);
		}
		if (fill && stroke) pdf.fillStroke();
		else if (fill) pdf.fill();
		else pdf.stroke();
	}

	/** An arc as cubic Béziers of a quarter turn or less, each with its control points 4/3 · tan(θ/4) · r along the tangents. */
	private curves({ x, y, radius, start, end }: Extract<PathSegment, { kind: 'arc' }>): void {
		const sweep = Math.min(end - start, 2 * Math.PI);
		const pieces = Math.max(1, Math.ceil(sweep / (Math.PI / 2) - 1e-9));
		const step = sweep / pieces;
		const reach = radius * (4 / 3) * Math.tan(step / 4);
		for (let k = 0; k < pieces; k++) {
			const [a0, a1] = [start + k * step, start + (k + 1) * step];
			const [c1, c2, to] = [
				this.map([x + radius * Math.cos(a0) - reach * Math.sin(a0), y + radius * Math.sin(a0) + reach * Math.cos(a0)]),
				this.map([x + radius * Math.cos(a1) + reach * Math.sin(a1), y + radius * Math.sin(a1) - reach * Math.cos(a1)]),
				this.map(onCircle(x, y, radius, a1))
			];
			this.pdf.curveTo(...c1, ...c2, ...to);
		}
	}
}

/**
 * Draws the layer's picture at a viewport into the PDF, clipped to the viewport's box on the page (as the picture's
 * own graph area clips it): the ties, then the nodes over them, in a graphics state of its own.
 */
export function layerPdf(pdf: jsPDF, picture: LayerPicture, viewport: Viewport, page: PageMapping): void {
	const context = new PdfContext(pdf, page);
	pdf.saveGraphicsState();
	pdf.rect(page.x, page.y, viewport.width * page.scale, viewport.height * page.scale, null);
	pdf.clip();
	pdf.discardPath();
	drawLayer(context, picture.batch, { ...picture, viewport });
	context.flush();
	pdf.restoreGraphicsState();
}
