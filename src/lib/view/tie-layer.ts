// The ties of a large graph, drawn on a plain 2D canvas under Cytoscape's: Cytoscape holds the nodes (and the few
// ties a selection or highlight picks out), so building the drawing and every streamed layout picture cost O(n)
// element work, and the bulk of ties costs one path per style. This module is the drawing's pure part: which style
// each tie gets (the stylesheet's colours, friction dashed, as in the legend), the viewport transform, culling,
// and the strokes themselves on any context with the canvas's line methods.
import type { EdgeKind, Status } from '$lib/model';
import { EDGE_KIND_COLOURS, EDGE_KIND_LINES, PROPOSED_OPACITY, STALLED_COLOUR, type Theme } from './palette';
import type { Point } from './placement';

/** A drawn tie: a dataset tie, or one summary curve of a pair (its strongest status, its width). */
export interface LayerTie {
	source: string;
	target: string;
	kind: EdgeKind;
	status: Status;
	/** in model units, as the stylesheet's `width` */
	width: number;
}

/** How a group of ties is stroked. */
export interface TieStroke {
	colour: string;
	/** dash and gap in model units (empty: solid) */
	dash: readonly number[];
	alpha: number;
	/** in model units */
	width: number;
}

/** The ties to draw, grouped by stroke: each group one path. Ends are node indices. */
export interface TieBatch {
	strokes: TieStroke[];
	/** per stroke, node index pairs (2 per tie) */
	ends: Uint32Array[];
	/** how many ties the batch holds */
	count: number;
}

/** Many thin ties over one another read as a mass: each is drawn see-through, so density shows as depth of colour. */
export const TIE_ALPHA = 0.4;
/** Ties never get thinner than this on screen, in pixels, however far out the view is zoomed. */
export const THINNEST_TIE = 0.6;
/** Dashes keep at least this length on screen, so friction stays dashed when zoomed out. */
const SHORTEST_DASH = 4;
/** What a highlight that dims leaves of the other ties (the stylesheet's dimmed opacity). */
export const DIMMED_ALPHA = 0.12;

/** The stroke the stylesheet gives a tie: kind colour and line, stalled grey, proposed dotted and faint. */
export function tieStroke(tie: Pick<LayerTie, 'kind' | 'status' | 'width'>, theme: Theme): TieStroke {
	const proposed = tie.status === 'proposed';
	return {
		colour: tie.status === 'stalled' ? STALLED_COLOUR[theme] : EDGE_KIND_COLOURS[tie.kind][theme],
		dash: proposed ? [2, 5] : EDGE_KIND_LINES[tie.kind] === 'dashed' ? [9, 6] : [],
		alpha: TIE_ALPHA * (proposed ? PROPOSED_OPACITY : 1),
		width: tie.width
	};
}

const strokeKey = (stroke: TieStroke) => `${stroke.colour} ${stroke.dash.join(',')} ${stroke.alpha} ${stroke.width}`;

/** Groups ties by stroke, with their ends as node indices; ties with an end not in `indexOf` are left out. */
export function batchTies(ties: Iterable<LayerTie>, indexOf: ReadonlyMap<string, number>, theme: Theme): TieBatch {
	const groups = new Map<string, { stroke: TieStroke; ends: number[] }>();
	let count = 0;
	for (const tie of ties) {
		const a = indexOf.get(tie.source);
		const b = indexOf.get(tie.target);
		if (a === undefined || b === undefined) continue;
		const stroke = tieStroke(tie, theme);
		const key = strokeKey(stroke);
		let group = groups.get(key);
		if (!group) groups.set(key, (group = { stroke, ends: [] }));
		group.ends.push(a, b);
		count++;
	}
	// Solid cooperation first, friction over it: the rarer, dashed kind stays visible in a dense drawing.
	const ordered = [...groups.values()].sort((x, y) => x.stroke.dash.length - y.stroke.dash.length);
	return { strokes: ordered.map((group) => group.stroke), ends: ordered.map((group) => Uint32Array.from(group.ends)), count };
}

/** Cytoscape's viewport: a model point p is drawn at p * zoom + pan. */
export interface Viewport {
	zoom: number;
	pan: Point;
	/** the drawing's size in pixels */
	width: number;
	height: number;
}

/** The part of the model the viewport shows, widened by `margin` pixels on every side. */
export function modelBox(viewport: Viewport, margin = 0): { x1: number; y1: number; x2: number; y2: number } {
	const { zoom, pan, width, height } = viewport;
	return { x1: (-margin - pan.x) / zoom, y1: (-margin - pan.y) / zoom, x2: (width + margin - pan.x) / zoom, y2: (height + margin - pan.y) / zoom };
}

/**
 * The canvas transform that carries a picture drawn at viewport `from` to viewport `to` (while the user pans and
 * zooms, the last full drawing is moved instead of redrawn): [a, b, c, d, e, f] for setTransform.
 */
export function carryTransform(from: Pick<Viewport, 'zoom' | 'pan'>, to: Pick<Viewport, 'zoom' | 'pan'>): [number, number, number, number, number, number] {
	const scale = to.zoom / from.zoom;
	return [scale, 0, 0, scale, to.pan.x - from.pan.x * scale, to.pan.y - from.pan.y * scale];
}

/** The line methods of a 2D canvas context this module draws with. */
export interface LineContext {
	lineWidth: number;
	strokeStyle: string | CanvasGradient | CanvasPattern;
	globalAlpha: number;
	lineCap: CanvasLineCap;
	setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void;
	clearRect(x: number, y: number, w: number, h: number): void;
	setLineDash(segments: number[]): void;
	beginPath(): void;
	moveTo(x: number, y: number): void;
	lineTo(x: number, y: number): void;
	stroke(): void;
}

/** A canvas the painter draws on: the page's own, or an OffscreenCanvas in the tie worker. */
export interface PaintCanvas {
	width: number;
	height: number;
	getContext(kind: '2d'): (LineContext & { drawImage(image: CanvasImageSource, x: number, y: number): void }) | null;
}

/**
 * Draws the tie layer on a canvas, and while the view moves, carries the last full drawing along (drawn afresh once
 * the view rests). Runs in the tie worker on an OffscreenCanvas, so rasterising tens of thousands of lines never
 * holds the page; `makeCanvas` gives the spare canvas the last drawing is kept on.
 */
export class TiePainter {
	private batch: TieBatch | null = null;
	private snapshot: { canvas: PaintCanvas; viewport: Viewport } | null = null;

	constructor(
		private readonly canvas: PaintCanvas,
		private readonly makeCanvas: (width: number, height: number) => PaintCanvas
	) {}

	setBatch(batch: TieBatch | null): void {
		this.batch = batch;
		if (!batch) this.clear();
	}

	clear(): void {
		this.snapshot = null;
		this.canvas.getContext('2d')?.clearRect(0, 0, this.canvas.width, this.canvas.height);
	}

	draw(options: DrawOptions): void {
		const context = this.canvas.getContext('2d');
		if (!this.batch || !context) return;
		const { width, height } = options.viewport;
		if (width === 0 || height === 0) return;
		if (this.canvas.width !== width || this.canvas.height !== height) [this.canvas.width, this.canvas.height] = [width, height];
		drawTies(context, this.batch, options);
		let copy = this.snapshot?.canvas;
		if (!copy || copy.width !== width || copy.height !== height) copy = this.makeCanvas(width, height);
		const copyContext = copy.getContext('2d');
		copyContext?.clearRect(0, 0, width, height);
		copyContext?.drawImage(this.canvas as unknown as CanvasImageSource, 0, 0);
		this.snapshot = { canvas: copy, viewport: options.viewport };
	}

	carry(viewport: Pick<Viewport, 'zoom' | 'pan'>): void {
		const context = this.canvas.getContext('2d');
		if (!this.snapshot || !context) return;
		context.setTransform(1, 0, 0, 1, 0, 0);
		context.clearRect(0, 0, this.canvas.width, this.canvas.height);
		context.setTransform(...carryTransform(this.snapshot.viewport, viewport));
		context.drawImage(this.snapshot.canvas as unknown as CanvasImageSource, 0, 0);
		context.setTransform(1, 0, 0, 1, 0, 0);
	}
}

/** Messages from the page to the tie worker. */
export type TieLayerMessage =
	| { type: 'canvas'; canvas: OffscreenCanvas }
	| { type: 'batch'; batch: TieBatch | null }
	| { type: 'draw'; options: DrawOptions }
	| { type: 'carry'; viewport: Pick<Viewport, 'zoom' | 'pan'> };

/** Hands a message to the painter (in the tie worker, or in the page where there is no OffscreenCanvas). */
export function paintMessage(painter: TiePainter, message: Exclude<TieLayerMessage, { type: 'canvas' }>): void {
	if (message.type === 'batch') painter.setBatch(message.batch);
	else if (message.type === 'draw') painter.draw(message.options);
	else painter.carry(message.viewport);
}

export interface DrawOptions {
	/** x, y of each node by index */
	positions: Float64Array;
	/** 1 where the node is on show; ties with an end hidden are not drawn */
	shown: Uint8Array;
	viewport: Viewport;
	/** a highlight dims everything it leaves out */
	dimmed: boolean;
}

/**
 * Clears the context and strokes every tie on show that crosses the view, one path per stroke, in screen
 * coordinates (so line widths and dashes keep a readable size at any zoom). Returns how many ties were drawn.
 */
export function drawTies(context: LineContext, batch: TieBatch, options: DrawOptions): number {
	const { positions, shown, viewport, dimmed } = options;
	const { zoom, pan } = viewport;
	context.setTransform(1, 0, 0, 1, 0, 0);
	context.clearRect(0, 0, viewport.width, viewport.height);
	context.lineCap = 'butt';
	const box = modelBox(viewport, 2);
	let drawn = 0;
	batch.strokes.forEach((stroke, s) => {
		const ends = batch.ends[s]!;
		context.lineWidth = Math.max(THINNEST_TIE, stroke.width * zoom);
		context.strokeStyle = stroke.colour;
		context.globalAlpha = dimmed ? Math.min(stroke.alpha, DIMMED_ALPHA) : stroke.alpha;
		const dashScale = stroke.dash.length ? Math.max(zoom, SHORTEST_DASH / Math.min(...stroke.dash)) : 0;
		context.setLineDash(stroke.dash.map((length) => length * dashScale));
		context.beginPath();
		for (let e = 0; e < ends.length; e += 2) {
			const a = ends[e]!;
			const b = ends[e + 1]!;
			if (!shown[a] || !shown[b]) continue;
			const [ax, ay, bx, by] = [positions[2 * a]!, positions[2 * a + 1]!, positions[2 * b]!, positions[2 * b + 1]!];
			// Culled by the tie's bounding box: a tie wholly to one side of the view cannot cross it.
			if (Math.max(ax, bx) < box.x1 || Math.min(ax, bx) > box.x2 || Math.max(ay, by) < box.y1 || Math.min(ay, by) > box.y2) continue;
			context.moveTo(ax * zoom + pan.x, ay * zoom + pan.y);
			context.lineTo(bx * zoom + pan.x, by * zoom + pan.y);
			drawn++;
		}
		context.stroke();
	});
	context.globalAlpha = 1;
	context.setLineDash([]);
	return drawn;
}
