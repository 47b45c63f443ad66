// The picture of a large graph, drawn on a plain 2D canvas under Cytoscape's: every tie, and every node Cytoscape
// does not draw itself. Cytoscape holds the nodes (for pointer, keyboard and labels) but draws only those a label,
// the selection or a highlight picks out, and holds only the few ties a selection or highlight picks out;
// so building the drawing and every streamed layout picture cost O(n) element work, and the bulk costs one path per
// style. This module is the drawing's pure part: each tie's stroke (the stylesheet's colours, friction dashed, as in
// the legend), each node's fill and shape, the viewport transform, culling, and the drawing itself on any context
// with the canvas's path methods.
import type { EdgeKind, Status } from '$lib/model';
import { EDGE_KIND_COLOURS, EDGE_KIND_LINES, PROPOSED_OPACITY, STALLED_COLOUR, type NodeShape, type Theme } from './palette';
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
	// Ties of one kind, status and width share a stroke: worked out once, not for each of 50,000 ties.
	const groupOf = new Map<string, { stroke: TieStroke; ends: number[] }>();
	let count = 0;
	for (const tie of ties) {
		const a = indexOf.get(tie.source);
		const b = indexOf.get(tie.target);
		if (a === undefined || b === undefined) continue;
		const look = `${tie.kind} ${tie.status} ${tie.width}`;
		let group = groupOf.get(look);
		if (!group) {
			const stroke = tieStroke(tie, theme);
			const key = strokeKey(stroke);
			group = groups.get(key);
			if (!group) groups.set(key, (group = { stroke, ends: [] }));
			groupOf.set(look, group);
		}
		group.ends.push(a, b);
		count++;
	}
	// Solid cooperation first, friction over it: the rarer, dashed kind stays visible in a dense drawing.
	const ordered = [...groups.values()].sort((x, y) => x.stroke.dash.length - y.stroke.dash.length);
	return { strokes: ordered.map((group) => group.stroke), ends: ordered.map((group) => Uint32Array.from(group.ends)), count };
}

/** A node as the layer draws it: the stylesheet's fill, shape and size (model units). */
export interface LayerNode {
	colour: string;
	shape: NodeShape;
	size: number;
}

/** Nodes grouped by fill and shape, each group one path; sizes by node index. */
export interface NodeBatch {
	groups: { colour: string; shape: NodeShape; nodes: Uint32Array }[];
	sizes: Float64Array;
	/** the node border's colour: the background, as in the stylesheet */
	border: string;
}

/** Groups nodes (given by index) by fill and shape. */
export function batchNodes(nodes: readonly LayerNode[], border: string): NodeBatch {
	const groups = new Map<string, { colour: string; shape: NodeShape; nodes: number[] }>();
	const sizes = new Float64Array(nodes.length);
	nodes.forEach((node, i) => {
		const key = `${node.colour} ${node.shape}`;
		let group = groups.get(key);
		if (!group) groups.set(key, (group = { colour: node.colour, shape: node.shape, nodes: [] }));
		group.nodes.push(i);
		sizes[i] = node.size;
	});
	return { groups: [...groups.values()].map((group) => ({ ...group, nodes: Uint32Array.from(group.nodes) })), sizes, border };
}

/** Corners of the polygon shapes on a unit circle, clockwise from the top (y down, as on the canvas). */
const POLYGONS: Partial<Record<NodeShape, readonly (readonly [number, number])[]>> = {
	'round-rectangle': [
		[-1, -1],
		[1, -1],
		[1, 1],
		[-1, 1]
	],
	diamond: [
		[0, -1],
		[1, 0],
		[0, 1],
		[-1, 0]
	],
	triangle: [
		[0, -1],
		[1, 1],
		[-1, 1]
	],
	hexagon: [
		[-0.5, -1],
		[0.5, -1],
		[1, 0],
		[0.5, 1],
		[-0.5, 1],
		[-1, 0]
	],
	star: Array.from({ length: 10 }, (_, k) => {
		const radius = k % 2 === 0 ? 1 : 0.4;
		const angle = -Math.PI / 2 + (k * Math.PI) / 5;
		return [radius * Math.cos(angle), radius * Math.sin(angle)] as const;
	})
};

/** Adds a node's outline to the current path: centre (x, y), half its size `r`, in screen pixels. */
export function traceShape(context: PathContext, shape: NodeShape, x: number, y: number, r: number): void {
	const corners = POLYGONS[shape];
	if (!corners) {
		context.moveTo(x + r, y);
		context.arc(x, y, r, 0, 2 * Math.PI);
		return;
	}
	context.moveTo(x + corners[0]![0] * r, y + corners[0]![1] * r);
	for (const [cx, cy] of corners.slice(1)) context.lineTo(x + cx * r, y + cy * r);
	context.closePath();
}

/** A node however small on screen can be hit this many pixels from its centre. */
export const HIT_RADIUS = 4;

/**
 * The node on show drawn at model point `at`: the one whose centre is nearest among those whose disc (at least
 * HIT_RADIUS pixels in radius at this zoom) holds the point; null if none. O(n), no index: a tap needs one scan.
 */
export function nodeAt(positions: Float64Array, shown: Uint8Array, sizes: Float64Array, at: Point, zoom: number): number | null {
	let found: number | null = null;
	let nearest = Infinity;
	const least = HIT_RADIUS / zoom;
	for (let i = 0; i < shown.length; i++) {
		if (!shown[i]) continue;
		const [dx, dy] = [positions[2 * i]! - at.x, positions[2 * i + 1]! - at.y];
		const distance = dx * dx + dy * dy;
		const radius = Math.max(sizes[i]! / 2, least);
		if (distance <= radius * radius && distance < nearest) [found, nearest] = [i, distance];
	}
	return found;
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

/** The path methods of a 2D canvas context this module draws with. */
export interface PathContext {
	moveTo(x: number, y: number): void;
	lineTo(x: number, y: number): void;
	arc(x: number, y: number, radius: number, start: number, end: number): void;
	closePath(): void;
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

/** All a 2D context does for the layer: lines, shapes and fills. */
export interface LayerContext extends LineContext, PathContext {
	fillStyle: string | CanvasGradient | CanvasPattern;
	fill(): void;
}

/** What the layer draws: the ties, then the nodes over them. */
export interface LayerBatch {
	ties: TieBatch;
	nodes: NodeBatch;
}

/** Nodes never get smaller than this on screen (radius, pixels): a node zoomed far out stays a visible dot. */
export const SMALLEST_NODE = 1;

/** A canvas the painter draws on: the page's own, or an OffscreenCanvas in the layer worker. */
export interface PaintCanvas {
	width: number;
	height: number;
	getContext(kind: '2d'): (LayerContext & { drawImage(image: CanvasImageSource, x: number, y: number): void }) | null;
}

/**
 * Draws the tie layer on a canvas, and while the view moves, carries the last full drawing along (drawn afresh once
 * the view rests). Runs in the tie worker on an OffscreenCanvas, so rasterising tens of thousands of lines never
 * holds the page; `makeCanvas` gives the spare canvas the last drawing is kept on.
 */
export class TiePainter {
	private batch: LayerBatch | null = null;
	private snapshot: { canvas: PaintCanvas; viewport: Viewport } | null = null;

	constructor(
		private readonly canvas: PaintCanvas,
		private readonly makeCanvas: (width: number, height: number) => PaintCanvas
	) {}

	setBatch(batch: LayerBatch | null): void {
		this.batch = batch;
		if (!batch) this.clear();
	}

	clear(): void {
		this.snapshot = null;
		this.canvas.getContext('2d')?.clearRect(0, 0, this.canvas.width, this.canvas.height);
	}

	/** Draws the batch at these positions; whether it did (not before a batch comes, nor on a canvas of no size). */
	draw(options: DrawOptions): boolean {
		const context = this.canvas.getContext('2d');
		if (!this.batch || !context) return false;
		const { width, height } = options.viewport;
		if (width === 0 || height === 0) return false;
		if (this.canvas.width !== width || this.canvas.height !== height) [this.canvas.width, this.canvas.height] = [width, height];
		drawLayer(context, this.batch, options);
		let copy = this.snapshot?.canvas;
		if (!copy || copy.width !== width || copy.height !== height) copy = this.makeCanvas(width, height);
		const copyContext = copy.getContext('2d');
		copyContext?.clearRect(0, 0, width, height);
		copyContext?.drawImage(this.canvas as unknown as CanvasImageSource, 0, 0);
		this.snapshot = { canvas: copy, viewport: options.viewport };
		return true;
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

/** What a large graph's layer draws, for a picture: its batch (in the picture's colours) and what it draws it at. */
export interface LayerPicture extends Omit<DrawOptions, 'viewport'> {
	batch: LayerBatch;
}

/**
 * Draws a picture's layer on a canvas of the viewport's size: the ties, then the nodes over them. Used for raster
 * images in the tie worker, so a picture of 60 megapixels never holds the page while it is rasterised.
 */
export function paintPicture(canvas: PaintCanvas, picture: LayerPicture, viewport: Viewport): void {
	[canvas.width, canvas.height] = [viewport.width, viewport.height];
	const context = canvas.getContext('2d');
	if (!context) throw new Error(`the browser gave no canvas of ${viewport.width} × ${viewport.height} px for the picture`);
	drawLayer(context, picture.batch, { ...picture, viewport });
}

/** Messages from the page to the tie worker. */
export type TieLayerMessage =
	| { type: 'start'; width: number; height: number }
	| { type: 'batch'; batch: LayerBatch | null }
	| { type: 'draw'; options: DrawOptions }
	| { type: 'carry'; viewport: Pick<Viewport, 'zoom' | 'pan'> }
	| { type: 'picture'; id: number; picture: LayerPicture; viewport: Viewport; as: 'bitmap' | 'svg' };

/** What the tie worker tells the page: its drawing as it now is (and whether it drew the ties afresh), or a picture asked for (or why not). */
export type TieLayerReply = { frame: ImageBitmap; drew: boolean } | { picture: number; bitmap: ImageBitmap } | { picture: number; svg: string } | { picture: number; problem: string };

/** Pictures asked of the tie worker: each ask gets an id, and its answer (a bitmap, SVG, or why not) settles it once. */
export class PictureAsks {
	private readonly waiting = new Map<number, { resolve: (image: ImageBitmap | string) => void; reject: (error: Error) => void }>();
	private last = 0;

	/** A new ask, sent with its id, for a bitmap or for SVG markup. */
	ask<Image extends ImageBitmap | string>(send: (id: number) => void): Promise<Image> {
		return new Promise<Image>((resolve, reject) => {
			const id = ++this.last;
			this.waiting.set(id, { resolve: (image) => resolve(image as Image), reject });
			send(id);
		});
	}

	answer(reply: Extract<TieLayerReply, { picture: number }>): void {
		const asked = this.waiting.get(reply.picture);
		this.waiting.delete(reply.picture);
		if ('problem' in reply) asked?.reject(new Error(reply.problem));
		else asked?.resolve('bitmap' in reply ? reply.bitmap : reply.svg);
	}

	/** Settles every ask still waiting with a reason (the worker is gone). */
	dropAll(reason: string): void {
		for (const asked of this.waiting.values()) asked.reject(new Error(reason));
		this.waiting.clear();
	}
}

/** The messages a painter takes (the start and pictures are the worker's own business). */
export type PainterMessage = Exclude<TieLayerMessage, { type: 'start' | 'picture' }>;

/** Hands a message to the painter (in the tie worker, or in the page where there is no OffscreenCanvas); whether it drew the batch afresh. */
export function paintMessage(painter: TiePainter, message: PainterMessage): boolean {
	if (message.type === 'batch') painter.setBatch(message.batch);
	else if (message.type === 'draw') return painter.draw(message.options);
	else painter.carry(message.viewport);
	return false;
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

/** The layer's whole drawing, on screen or in a picture: the ties, then the nodes over them. */
export function drawLayer(context: LayerContext, batch: LayerBatch, options: DrawOptions): void {
	drawTies(context, batch.ties, options);
	drawNodes(context, batch.nodes, options);
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

/**
 * Shapes in one path at most: Chromium's canvas takes time quadratic in a path's closed shapes (40,000 diamonds in one
 * path took 6.8 s to fill, 0.1–0.25 s in paths of 100 to 1,000; a 30,000-node network's first picture waited 15 s).
 */
export const SHAPES_PER_PATH = 256;

/**
 * Fills every node on show that reaches into the view, a path per fill and shape (of SHAPES_PER_PATH nodes at most),
 * with the stylesheet's border (the background colour) once it is wide enough to see; faded like the rest under a
 * dimming highlight. Draws over what is there (call after drawTies). Returns how many nodes were drawn.
 */
export function drawNodes(context: LayerContext, batch: NodeBatch, options: DrawOptions): number {
	const { positions, shown, viewport, dimmed } = options;
	const { zoom, pan } = viewport;
	const box = modelBox(viewport);
	const border = 1.5 * zoom;
	context.globalAlpha = dimmed ? DIMMED_ALPHA : 1;
	context.setLineDash([]);
	context.strokeStyle = batch.border;
	context.lineWidth = border;
	const paint = () => {
		context.fill();
		if (border >= 0.5) context.stroke();
	};
	let drawn = 0;
	for (const group of batch.groups) {
		context.fillStyle = group.colour;
		context.beginPath();
		let inPath = 0;
		for (const i of group.nodes) {
			if (!shown[i]) continue;
			const [x, y, half] = [positions[2 * i]!, positions[2 * i + 1]!, batch.sizes[i]! / 2];
			if (x + half < box.x1 || x - half > box.x2 || y + half < box.y1 || y - half > box.y2) continue;
			traceShape(context, group.shape, x * zoom + pan.x, y * zoom + pan.y, Math.max(half * zoom, SMALLEST_NODE));
			drawn++;
			if (++inPath < SHAPES_PER_PATH) continue;
			paint();
			context.beginPath();
			inPath = 0;
		}
		paint();
	}
	context.globalAlpha = 1;
	return drawn;
}
