import { describe, expect, it } from 'vitest';
import { EDGE_KIND_COLOURS, PROPOSED_OPACITY, STALLED_COLOUR } from '$lib/view/palette';
import {
	batchNodes,
	batchTies,
	carryTransform,
	DIMMED_ALPHA,
	drawNodes,
	drawTies,
	HIT_RADIUS,
	modelBox,
	nodeAt,
	paintMessage,
	paintPicture,
	PictureAsks,
	SHAPES_PER_PATH,
	SMALLEST_NODE,
	THINNEST_TIE,
	TIE_ALPHA,
	TiePainter,
	tieStroke,
	traceShape,
	type LayerBatch,
	type LayerContext,
	type LayerTie,
	type PaintCanvas,
	type Viewport
} from '$lib/view/tie-layer';

/**
 * A 2D context that records what is drawn: each stroked path's segments (screen coordinates) with its stroke
 * state, and each filled path's shapes (their first point, and arcs as centre and radius) with its fill.
 */
class RecordingContext implements LayerContext {
	lineWidth = 1;
	strokeStyle: string | CanvasGradient | CanvasPattern = '#000';
	fillStyle: string | CanvasGradient | CanvasPattern = '#000';
	fills: { colour: string; alpha: number; shapes: number[][] }[] = [];
	private shapes: number[][] = [];
	globalAlpha = 1;
	lineCap: CanvasLineCap = 'butt';
	dash: number[] = [];
	transform = [1, 0, 0, 1, 0, 0];
	cleared = 0;
	images: { transform: number[]; image: unknown }[] = [];
	strokes: { colour: string; width: number; alpha: number; dash: number[]; segments: number[][] }[] = [];
	private path: number[][] = [];
	private from: [number, number] = [0, 0];
	setTransform(a: number, b: number, c: number, d: number, e: number, f: number) {
		this.transform = [a, b, c, d, e, f];
	}
	clearRect() {
		this.cleared++;
	}
	setLineDash(segments: number[]) {
		this.dash = segments;
	}
	beginPath() {
		this.path = [];
		this.shapes = [];
	}
	moveTo(x: number, y: number) {
		this.from = [x, y];
		this.shapes.push([x, y]);
	}
	arc(x: number, y: number, radius: number) {
		this.shapes.at(-1)!.push(x, y, radius);
	}
	closePath() {}
	fill() {
		this.fills.push({ colour: String(this.fillStyle), alpha: this.globalAlpha, shapes: this.shapes });
	}
	lineTo(x: number, y: number) {
		this.path.push([...this.from, x, y]);
	}
	stroke() {
		this.strokes.push({ colour: String(this.strokeStyle), width: this.lineWidth, alpha: this.globalAlpha, dash: this.dash, segments: this.path });
	}
	drawImage(image: unknown) {
		this.images.push({ transform: this.transform, image });
	}
}

class FakeCanvas implements PaintCanvas {
	readonly context = new RecordingContext();
	constructor(
		public width: number,
		public height: number
	) {}
	getContext() {
		return this.context;
	}
}

const tie = (source: string, target: string, extra: Partial<LayerTie> = {}): LayerTie => ({ source, target, kind: 'cooperation', status: 'active', width: 2.5, ...extra });
const indexOf = new Map([
	['a', 0],
	['b', 1],
	['c', 2],
	['__proto__', 3]
]);
const viewport: Viewport = { zoom: 1, pan: { x: 0, y: 0 }, width: 200, height: 100 };
const layer = (ties: LayerTie[]): LayerBatch => ({ ties: batchTies(ties, indexOf, 'light'), nodes: batchNodes([], '#fff') });

describe('tieStroke', () => {
	it('gives the legend colours: cooperation solid, friction dashed, stalled grey, proposed dotted and fainter', () => {
		expect(tieStroke(tie('a', 'b'), 'light')).toEqual({ colour: EDGE_KIND_COLOURS.cooperation.light, dash: [], alpha: TIE_ALPHA, width: 2.5 });
		expect(tieStroke(tie('a', 'b', { kind: 'friction' }), 'dark')).toMatchObject({ colour: EDGE_KIND_COLOURS.friction.dark, dash: [9, 6] });
		expect(tieStroke(tie('a', 'b', { status: 'stalled' }), 'light').colour).toBe(STALLED_COLOUR.light);
		expect(tieStroke(tie('a', 'b', { status: 'proposed' }), 'light')).toMatchObject({ dash: [2, 5], alpha: TIE_ALPHA * PROPOSED_OPACITY });
	});
});

describe('batchTies', () => {
	it('groups ties by stroke, friction over cooperation, and leaves out ties with an end it does not know', () => {
		const batch = batchTies([tie('a', 'b', { kind: 'friction' }), tie('a', 'c'), tie('b', '__proto__'), tie('a', 'nowhere')], indexOf, 'light');
		expect(batch.count).toBe(3);
		expect(batch.strokes.map((stroke) => stroke.dash.length > 0)).toEqual([false, true]);
		expect(batch.ends.map((ends) => [...ends])).toEqual([
			[0, 2, 1, 3],
			[0, 1]
		]);
	});
});

describe('viewport arithmetic', () => {
	it('finds the part of the model in view', () => {
		expect(modelBox({ zoom: 2, pan: { x: 100, y: 50 }, width: 200, height: 100 })).toEqual({ x1: -50, y1: -25, x2: 50, y2: 25 });
		expect(modelBox({ zoom: 2, pan: { x: 100, y: 50 }, width: 200, height: 100 }, 10)).toEqual({ x1: -55, y1: -30, x2: 55, y2: 30 });
	});

	it('carries a picture drawn at one viewport to where another viewport draws the same model points', () => {
		const from = { zoom: 0.5, pan: { x: 30, y: -20 } };
		const to = { zoom: 2, pan: { x: -70, y: 15 } };
		const [a, , , d, e, f] = carryTransform(from, to);
		for (const [x, y] of [
			[0, 0],
			[13, -7],
			[-250, 400]
		]) {
			const drawnFrom = [x! * from.zoom + from.pan.x, y! * from.zoom + from.pan.y];
			const drawnTo = [x! * to.zoom + to.pan.x, y! * to.zoom + to.pan.y];
			expect(a * drawnFrom[0]! + e).toBeCloseTo(drawnTo[0]!, 9);
			expect(d * drawnFrom[1]! + f).toBeCloseTo(drawnTo[1]!, 9);
		}
	});
});

describe('drawTies', () => {
	const positions = Float64Array.from([0, 0, 100, 50, 1000, 1000, 50, 0]);
	const shown = Uint8Array.from([1, 1, 1, 1]);

	it('strokes each tie on show once, in screen coordinates, one path per stroke', () => {
		const context = new RecordingContext();
		const batch = batchTies([tie('a', 'b'), tie('b', '__proto__', { kind: 'friction' })], indexOf, 'light');
		const drawn = drawTies(context, batch, { positions, shown, viewport: { ...viewport, zoom: 2, pan: { x: 10, y: 5 } }, dimmed: false });
		expect(drawn).toBe(2);
		expect(context.cleared).toBe(1);
		expect(context.strokes.map((stroke) => stroke.segments)).toEqual([[[10, 5, 210, 105]], [[210, 105, 110, 5]]]);
		expect(context.strokes[0]).toMatchObject({ colour: EDGE_KIND_COLOURS.cooperation.light, width: 5, alpha: TIE_ALPHA, dash: [] });
		// Friction keeps its dashes at the zoom's scale (9, 6 model units at zoom 2).
		expect(context.strokes[1]!.dash).toEqual([18, 12]);
	});

	it('leaves out ties wholly outside the view and ties with an end hidden', () => {
		const context = new RecordingContext();
		const batch = batchTies([tie('a', 'b'), tie('c', 'c'), tie('a', '__proto__')], indexOf, 'light');
		const drawn = drawTies(context, batch, { positions, shown: Uint8Array.from([1, 1, 1, 0]), viewport, dimmed: false });
		expect(drawn).toBe(1);
		expect(context.strokes[0]!.segments).toEqual([[0, 0, 100, 50]]);
	});

	it('keeps ties visible and dashes dashed when zoomed far out, and fades them under a dimming highlight', () => {
		const context = new RecordingContext();
		const batch = batchTies([tie('a', 'b', { kind: 'friction', width: 1 })], indexOf, 'light');
		drawTies(context, batch, { positions, shown, viewport: { ...viewport, zoom: 0.01 }, dimmed: true });
		const [stroke] = context.strokes;
		expect(stroke!.width).toBe(THINNEST_TIE);
		expect(Math.min(...stroke!.dash)).toBeGreaterThanOrEqual(4);
		expect(stroke!.alpha).toBe(DIMMED_ALPHA);
	});
});

describe('TiePainter', () => {
	it('draws at the viewport size, keeps the drawing, and moves it with the view until the next full drawing', () => {
		const canvas = new FakeCanvas(0, 0);
		const spares: FakeCanvas[] = [];
		const painter = new TiePainter(canvas, (width, height) => {
			spares.push(new FakeCanvas(width, height));
			return spares.at(-1)!;
		});
		const options = { positions: Float64Array.from([0, 0, 10, 10, 0, 0, 0, 0]), shown: Uint8Array.from([1, 1, 1, 1]), viewport, dimmed: false };
		// Asked to draw before the ties come, or at no size, it draws nothing, and says so (no first picture is marked).
		expect(paintMessage(painter, { type: 'draw', options })).toBe(false);
		expect(canvas.context.strokes).toHaveLength(0);
		painter.setBatch(layer([tie('a', 'b')]));
		expect(painter.draw({ ...options, viewport: { ...viewport, width: 0 } })).toBe(false);
		expect(paintMessage(painter, { type: 'draw', options })).toBe(true);
		expect([canvas.width, canvas.height]).toEqual([200, 100]);
		expect(canvas.context.strokes).toHaveLength(1);
		expect(spares).toHaveLength(1);
		expect(spares[0]!.context.images).toEqual([{ transform: [1, 0, 0, 1, 0, 0], image: canvas }]);

		painter.carry({ zoom: 2, pan: { x: 5, y: 0 } });
		expect(canvas.context.images).toEqual([{ transform: [2, 0, 0, 2, 5, 0], image: spares[0] }]);
	});

	it('draws nothing on a canvas of no size, and nothing once its batch is taken away', () => {
		const canvas = new FakeCanvas(0, 0);
		const painter = new TiePainter(canvas, (width, height) => new FakeCanvas(width, height));
		painter.setBatch(layer([tie('a', 'b')]));
		const options = { positions: Float64Array.from([0, 0, 10, 10, 0, 0, 0, 0]), shown: Uint8Array.from([1, 1, 1, 1]), dimmed: false };
		painter.draw({ ...options, viewport: { ...viewport, width: 0 } });
		expect(canvas.context.strokes).toHaveLength(0);
		painter.setBatch(null);
		painter.draw({ ...options, viewport });
		painter.carry({ zoom: 1, pan: { x: 0, y: 0 } });
		expect(canvas.context.strokes).toHaveLength(0);
		expect(canvas.context.images).toHaveLength(0);
	});
});

describe('pictures of the layer, for raster images', () => {
	it('draws a picture on a canvas of its own at the viewport given: ties, then nodes, at the picture’s scale', () => {
		const canvas = new FakeCanvas(1, 1);
		const batch = { ties: batchTies([tie('a', 'b')], indexOf, 'light'), nodes: batchNodes([0, 1, 2, 3].map(() => ({ colour: '#123456', shape: 'ellipse' as const, size: 10 })), '#fff') };
		const positions = Float64Array.from([0, 0, 10, 10, 0, 0, 0, 0]);
		paintPicture(canvas, { batch, positions, shown: Uint8Array.from([1, 1, 0, 0]), dimmed: false }, { zoom: 4, pan: { x: 8, y: 0 }, width: 800, height: 400 });
		expect([canvas.width, canvas.height]).toEqual([800, 400]);
		expect(canvas.context.strokes[0]!.segments).toEqual([[8, 0, 48, 40]]);
		expect(canvas.context.strokes[0]!.width).toBe(10);
		// Nodes a and b, radius 5 at zoom 4, where the tie ends.
		expect(canvas.context.fills[0]!.shapes).toEqual([
			[28, 0, 8, 0, 20],
			[68, 40, 48, 40, 20]
		]);
	});

	it('says so when the browser gives no canvas of that size', () => {
		const canvas = Object.assign(new FakeCanvas(1, 1), { getContext: () => null });
		const batch = { ties: batchTies([], indexOf, 'light'), nodes: batchNodes([], '#fff') };
		expect(() => paintPicture(canvas, { batch, positions: new Float64Array(8), shown: new Uint8Array(4), dimmed: false }, { ...viewport, width: 20000, height: 20000 })).toThrow(
			'the browser gave no canvas of 20000 × 20000 px for the picture'
		);
	});

	it('settles each ask once, by its id: a bitmap, SVG, a problem, or the worker gone', async () => {
		const asks = new PictureAsks();
		const sent: number[] = [];
		const first = asks.ask<ImageBitmap>((id) => sent.push(id));
		const second = asks.ask<ImageBitmap>((id) => sent.push(id));
		const third = asks.ask<ImageBitmap>((id) => sent.push(id));
		const fourth = asks.ask<string>((id) => sent.push(id));
		expect(sent).toEqual([1, 2, 3, 4]);
		asks.answer({ picture: 4, svg: '<path d="M0 0"/>' });
		await expect(fourth).resolves.toBe('<path d="M0 0"/>');
		const bitmap = { width: 2, height: 2 } as ImageBitmap;
		asks.answer({ picture: 2, bitmap });
		asks.answer({ picture: 1, problem: 'no canvas that large' });
		// An answer to no ask, or to one already settled, changes nothing.
		asks.answer({ picture: 2, problem: 'late' });
		asks.answer({ picture: 9, bitmap });
		await expect(second).resolves.toBe(bitmap);
		await expect(first).rejects.toThrow('no canvas that large');
		asks.dropAll('the graph was closed');
		await expect(third).rejects.toThrow('the graph was closed');
	});
});

describe('nodes on the layer', () => {
	it('groups nodes by fill and shape and keeps each size', () => {
		const batch = batchNodes(
			[
				{ colour: '#0072B2', shape: 'ellipse', size: 10 },
				{ colour: '#009E73', shape: 'round-rectangle', size: 20 },
				{ colour: '#0072B2', shape: 'ellipse', size: 30 }
			],
			'#ffffff'
		);
		expect(batch.groups.map((group) => [group.colour, group.shape, [...group.nodes]])).toEqual([
			['#0072B2', 'ellipse', [0, 2]],
			['#009E73', 'round-rectangle', [1]]
		]);
		expect([...batch.sizes]).toEqual([10, 20, 30]);
	});

	it('traces circles as arcs and the other shapes as closed polygons around the centre', () => {
		const context = new RecordingContext();
		context.beginPath();
		traceShape(context, 'ellipse', 10, 20, 5);
		expect(context['shapes']).toEqual([[15, 20, 10, 20, 5]]);
		context.beginPath();
		traceShape(context, 'diamond', 10, 20, 5);
		expect(context['shapes']).toEqual([[10, 15]]);
		expect(context['path']).toEqual([
			[10, 15, 15, 20],
			[10, 15, 10, 25],
			[10, 15, 5, 20]
		]);
	});

	it('fills the nodes on show in view at their zoomed size, never smaller than a dot, dimmed with the rest', () => {
		const batch = batchNodes(
			[
				{ colour: '#111111', shape: 'ellipse', size: 20 },
				{ colour: '#111111', shape: 'ellipse', size: 20 },
				{ colour: '#222222', shape: 'ellipse', size: 20 }
			],
			'#ffffff'
		);
		const positions = Float64Array.from([10, 10, 5000, 5000, 50, 20]);
		const context = new RecordingContext();
		const drawn = drawNodes(context, batch, { positions, shown: Uint8Array.from([1, 1, 0]), viewport: { ...viewport, zoom: 2 }, dimmed: false });
		expect(drawn).toBe(1);
		expect(context.fills).toEqual([
			{ colour: '#111111', alpha: 1, shapes: [[40, 20, 20, 20, 20]] },
			{ colour: '#222222', alpha: 1, shapes: [] }
		]);
		const far = new RecordingContext();
		drawNodes(far, batch, { positions, shown: Uint8Array.from([1, 0, 0]), viewport: { ...viewport, zoom: 0.01 }, dimmed: true });
		expect(far.fills[0]).toEqual({ colour: '#111111', alpha: DIMMED_ALPHA, shapes: [[0.1 + SMALLEST_NODE, 0.1, 0.1, 0.1, SMALLEST_NODE]] });
	});

	it('fills the nodes of a shape a few hundred to a path, each node once', () => {
		const count = 2 * SHAPES_PER_PATH + 88;
		const batch = batchNodes(Array.from({ length: count }, () => ({ colour: '#111111', shape: 'diamond' as const, size: 2 })), '#ffffff');
		const positions = Float64Array.from({ length: 2 * count }, (_, k) => (k % 2 ? 10 : k / 2));
		const context = new RecordingContext();
		const drawn = drawNodes(context, batch, { positions, shown: new Uint8Array(count).fill(1), viewport: { ...viewport, zoom: 0.1 }, dimmed: false });
		expect(drawn).toBe(count);
		expect(context.fills.map((fill) => fill.shapes.length)).toEqual([SHAPES_PER_PATH, SHAPES_PER_PATH, 88]);
		// every node once, in order: node i's first corner is i / 10 to the right of node 0's (zoom 0.1)
		const firsts = context.fills.flatMap((fill) => fill.shapes.map((shape) => shape[0]!));
		expect(firsts.every((x, i) => Math.abs(x - firsts[0]! - i / 10) < 1e-9)).toBe(true);
	});

	it('draws the nodes over the ties', () => {
		const canvas = new FakeCanvas(200, 100);
		const painter = new TiePainter(canvas, (width, height) => new FakeCanvas(width, height));
		painter.setBatch({ ties: batchTies([tie('a', 'b')], indexOf, 'light'), nodes: batchNodes([{ colour: '#333333', shape: 'ellipse', size: 10 }], '#ffffff') });
		const order: string[] = [];
		const context = canvas.context;
		const [stroke, fill] = [context.stroke.bind(context), context.fill.bind(context)];
		context.stroke = () => (order.push(`stroke ${String(context.strokeStyle)}`), stroke());
		context.fill = () => (order.push(`fill ${String(context.fillStyle)}`), fill());
		painter.draw({ positions: Float64Array.from([10, 10, 20, 20]), shown: Uint8Array.from([1, 1]), viewport, dimmed: false });
		expect(order).toEqual([`stroke ${EDGE_KIND_COLOURS.cooperation.light}`, 'fill #333333', 'stroke #ffffff']);
	});
});

describe('nodeAt: the node drawn under a point', () => {
	// Three nodes in a row, 10 model units apart; sizes 8, 4 and 20 (radius 4, 2 and 10).
	const positions = Float64Array.from([0, 0, 10, 0, 20, 0]);
	const sizes = Float64Array.from([8, 4, 20]);
	const all = Uint8Array.from([1, 1, 1]);

	it('finds the node whose disc holds the point, the nearest centre when discs overlap', () => {
		expect(nodeAt(positions, all, sizes, { x: 1, y: 1 }, 1)).toBe(0);
		expect(nodeAt(positions, all, sizes, { x: 10, y: 1.5 }, 1)).toBe(1);
		// (11, 0) is in node 1's disc (1 from its centre) and node 2's (9 from its centre): node 1 is nearer.
		expect(nodeAt(positions, all, sizes, { x: 11, y: 0 }, 1)).toBe(1);
		expect(nodeAt(positions, all, sizes, { x: 5, y: 8 }, 1)).toBeNull();
	});

	it('skips nodes not on show', () => {
		expect(nodeAt(positions, Uint8Array.from([1, 0, 1]), sizes, { x: 11, y: 0 }, 1)).toBe(2);
	});

	it('zoomed far out, a node tiny on screen can still be hit within HIT_RADIUS pixels', () => {
		const one = [Float64Array.from([0, 0]), Uint8Array.from([1]), Float64Array.from([4])] as const;
		expect(nodeAt(...one, { x: 15, y: 0 }, 1)).toBeNull();
		// At zoom 0.05 a pixel is 20 model units: (15, 0) is under a pixel from the centre, (100, 0) 5 pixels.
		expect(nodeAt(...one, { x: 15, y: 0 }, 0.05)).toBe(0);
		expect(HIT_RADIUS / 0.05).toBe(80);
		expect(nodeAt(...one, { x: 100, y: 0 }, 0.05)).toBeNull();
	});
});
