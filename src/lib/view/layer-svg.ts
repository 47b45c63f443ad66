// The tie layer of a large graph as SVG, for image export: the same drawing the screen shows (drawTies and drawNodes
// in tie-layer.ts), written by a context that turns each stroked or filled path into one <path> element. A
// 10,000-node, 50,000-tie picture is then a handful of elements, not 60,000 drawn one by one through Cytoscape.
import { escapeXml } from './legend-svg';
import { drawNodes, drawTies, type LayerContext, type LayerPicture, type Viewport } from './tie-layer';

/** Coordinates to two decimals: a hundredth of a pixel is below what any viewer shows, and keeps the file small. */
const coordinate = (value: number) => String(Math.round(value * 100) / 100);

interface Paint {
	colour: string;
	alpha: number;
}

/**
 * A 2D context that writes SVG. Paths are traced as on a canvas; `fill` and `stroke` paint the path traced since the
 * last `beginPath`, and a path both filled and stroked becomes one element (filled, then stroked over, as the canvas
 * does). The transform maps points and radii; the canvas's global alpha becomes the paint's own opacity.
 */
export class SvgContext implements LayerContext {
	lineWidth = 1;
	strokeStyle: string | CanvasGradient | CanvasPattern = '#000';
	fillStyle: string | CanvasGradient | CanvasPattern = '#000';
	globalAlpha = 1;
	lineCap: CanvasLineCap = 'butt';
	private dash: number[] = [];
	private matrix: [number, number, number, number, number, number] = [1, 0, 0, 1, 0, 0];
	private path: string[] = [];
	/** the current point, and the start of the current subpath (where closePath leaves the current point), as written */
	private last: string | null = null;
	private first: string | null = null;
	private fillPaint: Paint | null = null;
	private strokePaint: (Paint & { width: number; cap: CanvasLineCap; dash: number[] }) | null = null;
	private readonly elements: string[] = [];

	setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void {
		this.matrix = [a, b, c, d, e, f];
	}

	/** Nothing to clear: the document starts empty. */
	clearRect(): void {}

	setLineDash(segments: number[]): void {
		this.dash = [...segments];
	}

	beginPath(): void {
		this.flush();
		this.path = [];
		this.last = null;
	}

	private point(x: number, y: number): string {
		const [a, b, c, d, e, f] = this.matrix;
		this.last = `${coordinate(a * x + c * y + e)} ${coordinate(b * x + d * y + f)}`;
		return this.last;
	}

	moveTo(x: number, y: number): void {
		this.first = this.point(x, y);
		this.path.push(`M${this.first}`);
	}

	lineTo(x: number, y: number): void {
		this.path.push(`L${this.point(x, y)}`);
	}

	/**
	 * An arc clockwise from `start` to `end` (radians), joined to the current point by a line as on a canvas (none when
	 * it starts there); a whole turn or more is a circle, as two half arcs.
	 */
	arc(x: number, y: number, radius: number, start: number, end: number): void {
		const [a, b, c, d] = this.matrix;
		const r = coordinate(radius * Math.sqrt(Math.abs(a * d - b * c)));
		const at = (angle: number) => this.point(x + radius * Math.cos(angle), y + radius * Math.sin(angle));
		const sweep = end - start;
		const from = this.path.length ? this.last : null;
		const begin = at(start);
		if (from === null) this.first = begin;
		if (begin !== from) this.path.push(`${from === null ? 'M' : 'L'}${begin}`);
		if (sweep >= 2 * Math.PI) this.path.push(`A${r} ${r} 0 1 1 ${at(start + Math.PI)}`, `A${r} ${r} 0 1 1 ${at(start)}`);
		else this.path.push(`A${r} ${r} 0 ${sweep > Math.PI ? 1 : 0} 1 ${at(end)}`);
	}

	closePath(): void {
		this.path.push('Z');
		this.last = this.first;
	}

	fill(): void {
		this.fillPaint = { colour: String(this.fillStyle), alpha: this.globalAlpha };
	}

	stroke(): void {
		this.strokePaint = { colour: String(this.strokeStyle), alpha: this.globalAlpha, width: this.lineWidth, cap: this.lineCap, dash: this.dash };
	}

	/** The painted path so far as an element; an empty or unpainted path writes nothing. */
	private flush(): void {
		const { fillPaint: fill, strokePaint: stroke } = this;
		this.fillPaint = this.strokePaint = null;
		if (this.path.length === 0 || (!fill && !stroke)) return;
		const attributes = [fill ? `fill="${escapeXml(fill.colour)}"` : 'fill="none"'];
		if (fill && fill.alpha !== 1) attributes.push(`fill-opacity="${fill.alpha}"`);
		if (stroke) {
			attributes.push(`stroke="${escapeXml(stroke.colour)}"`, `stroke-width="${coordinate(stroke.width)}"`);
			if (stroke.alpha !== 1) attributes.push(`stroke-opacity="${stroke.alpha}"`);
			if (stroke.cap !== 'butt') attributes.push(`stroke-linecap="${stroke.cap}"`);
			if (stroke.dash.length) attributes.push(`stroke-dasharray="${stroke.dash.map(coordinate).join(' ')}"`);
		}
		this.elements.push(`<path ${attributes.join(' ')} d="${this.path.join('')}"/>`);
	}

	/** Everything painted, in order, as SVG elements. */
	markup(): string {
		this.flush();
		this.path = [];
		return this.elements.join('');
	}
}

/** The layer's drawing at a viewport as SVG elements (a group): the ties, then the nodes over them. */
export function layerSvg(picture: LayerPicture, viewport: Viewport): string {
	const context = new SvgContext();
	const options = { ...picture, viewport };
	drawTies(context, picture.batch.ties, options);
	drawNodes(context, picture.batch.nodes, options);
	return `<g data-layer="ties and nodes">${context.markup()}</g>`;
}
