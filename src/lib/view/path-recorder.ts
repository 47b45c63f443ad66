// A 2D context that keeps what is drawn instead of rasterising it, for the vector pictures of the tie layer (SVG in
// layer-svg.ts, PDF in layer-pdf.ts): each path traced since `beginPath` is handed over with its paint when the next
// path begins, so a writer sets colour, width and dash before the path (as PDF requires) and paints a path filled and
// stroked once, with both (filled, then stroked over, as the canvas does).
import type { LayerContext } from './tie-layer';

/**
 * A piece of a path, in the recorder's output space. An arc starts where the path stands (the recorder adds the line
 * or move to its start, as a canvas does) and runs clockwise from angle `start` to `end` (radians) around (x, y).
 */
export type PathSegment =
	| { kind: 'move'; x: number; y: number }
	| { kind: 'line'; x: number; y: number }
	| { kind: 'arc'; x: number; y: number; radius: number; start: number; end: number }
	| { kind: 'close' };

export interface FillPaint {
	colour: string;
	alpha: number;
}

export interface StrokePaint extends FillPaint {
	width: number;
	cap: CanvasLineCap;
	dash: readonly number[];
}

/** The point at an angle on a circle. */
export const onCircle = (x: number, y: number, radius: number, angle: number): [number, number] => [x + radius * Math.cos(angle), y + radius * Math.sin(angle)];

/**
 * Records paths as the canvas would draw them. Its transform is meant for moves and uniform scales (what the layer
 * sets): points go through it, radii are scaled by it, angles stay. The canvas's global alpha becomes the paint's.
 */
export abstract class PathRecorder implements LayerContext {
	lineWidth = 1;
	strokeStyle: string | CanvasGradient | CanvasPattern = '#000';
	fillStyle: string | CanvasGradient | CanvasPattern = '#000';
	globalAlpha = 1;
	lineCap: CanvasLineCap = 'butt';
	private dash: number[] = [];
	private matrix: [number, number, number, number, number, number] = [1, 0, 0, 1, 0, 0];
	private path: PathSegment[] = [];
	/** the current point, and the start of the current subpath (where closePath leaves the current point) */
	private last: [number, number] | null = null;
	private first: [number, number] | null = null;
	private fillPaint: FillPaint | null = null;
	private strokePaint: StrokePaint | null = null;

	/** Writes one painted path. */
	protected abstract paint(path: readonly PathSegment[], fill: FillPaint | null, stroke: StrokePaint | null): void;

	setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void {
		this.matrix = [a, b, c, d, e, f];
	}

	/** Nothing to clear: the picture starts empty. */
	clearRect(): void {}

	setLineDash(segments: number[]): void {
		this.dash = [...segments];
	}

	beginPath(): void {
		this.flush();
	}

	private point(x: number, y: number): [number, number] {
		const [a, b, c, d, e, f] = this.matrix;
		return [a * x + c * y + e, b * x + d * y + f];
	}

	moveTo(x: number, y: number): void {
		this.first = this.last = this.point(x, y);
		this.path.push({ kind: 'move', x: this.first[0], y: this.first[1] });
	}

	lineTo(x: number, y: number): void {
		this.last = this.point(x, y);
		this.path.push({ kind: 'line', x: this.last[0], y: this.last[1] });
	}

	/** An arc clockwise from `start` to `end`, joined to the current point by a line as on a canvas (none when it starts there). */
	arc(x: number, y: number, radius: number, start: number, end: number): void {
		const [a, b, c, d] = this.matrix;
		const [cx, cy] = this.point(x, y);
		const r = radius * Math.sqrt(Math.abs(a * d - b * c));
		const begin = onCircle(cx, cy, r, start);
		const from = this.path.length ? this.last : null;
		if (!from) this.first = begin;
		const [bx, by] = begin;
		if (!from) this.path.push({ kind: 'move', x: bx, y: by });
		else if (Math.hypot(from[0] - bx, from[1] - by) > 1e-9) this.path.push({ kind: 'line', x: bx, y: by });
		this.path.push({ kind: 'arc', x: cx, y: cy, radius: r, start, end });
		this.last = onCircle(cx, cy, r, end);
	}

	closePath(): void {
		this.path.push({ kind: 'close' });
		this.last = this.first;
	}

	fill(): void {
		this.fillPaint = { colour: String(this.fillStyle), alpha: this.globalAlpha };
	}

	stroke(): void {
		this.strokePaint = { colour: String(this.strokeStyle), alpha: this.globalAlpha, width: this.lineWidth, cap: this.lineCap, dash: this.dash };
	}

	/** Hands over the painted path so far, if any, and starts afresh; a path neither filled nor stroked is dropped. */
	flush(): void {
		const [path, fill, stroke] = [this.path, this.fillPaint, this.strokePaint];
		this.path = [];
		this.fillPaint = this.strokePaint = null;
		this.last = this.first = null;
		if (path.length > 0 && (fill || stroke)) this.paint(path, fill, stroke);
	}
}
