import { describe, expect, it } from 'vitest';
import { layerSvg, SvgContext } from '$lib/view/layer-svg';
import { EDGE_KIND_COLOURS } from '$lib/view/palette';
import { batchNodes, batchTies, DIMMED_ALPHA, TIE_ALPHA, type LayerTie } from '$lib/view/tie-layer';

/** The <path> elements of some markup: their attributes, and `d` cut into commands with their numbers. */
function paths(markup: string) {
	return [...markup.matchAll(/<path ([^>]*)\/>/g)].map(([, body]) => {
		const attributes = Object.fromEntries([...body!.matchAll(/([\w-]+)="([^"]*)"/g)].map(([, name, value]) => [name!, value!]));
		const commands = [...(attributes.d ?? '').matchAll(/([MLAZ])([^MLAZ]*)/g)].map(([, command, numbers]) => [command!, ...numbers!.trim().split(/\s+/).filter(Boolean).map(Number)]);
		return { attributes, commands };
	});
}

describe('SvgContext: a canvas path as an SVG element', () => {
	it('writes a stroked path with its colour, width, opacity and dashes', () => {
		const context = new SvgContext();
		context.strokeStyle = '#123456';
		context.lineWidth = 2;
		context.globalAlpha = 0.4;
		context.setLineDash([9, 6]);
		context.beginPath();
		context.moveTo(0, 0);
		context.lineTo(10, 5);
		context.moveTo(1.234567, 2);
		context.lineTo(3, 4.005);
		context.stroke();
		expect(context.markup()).toBe('<path fill="none" stroke="#123456" stroke-width="2" stroke-opacity="0.4" stroke-dasharray="9 6" d="M0 0L10 5M1.23 2L3 4.01"/>');
	});

	it('writes a path filled and then stroked as one element, and one that is neither not at all', () => {
		const context = new SvgContext();
		context.beginPath();
		context.moveTo(0, 0);
		context.lineTo(1, 0);
		context.beginPath();
		context.fillStyle = '#abcdef';
		context.strokeStyle = '#ffffff';
		context.lineWidth = 1.5;
		context.globalAlpha = 0.12;
		context.moveTo(0, 0);
		context.lineTo(4, 0);
		context.lineTo(4, 4);
		context.closePath();
		context.fill();
		context.stroke();
		context.beginPath();
		expect(context.markup()).toBe('<path fill="#abcdef" fill-opacity="0.12" stroke="#ffffff" stroke-width="1.5" stroke-opacity="0.12" d="M0 0L4 0L4 4Z"/>');
	});

	it('draws a whole circle as two half arcs from angle 0, and a quarter as one arc joined by a line', () => {
		const context = new SvgContext();
		context.beginPath();
		context.moveTo(15, 10);
		context.arc(10, 10, 5, 0, 2 * Math.PI);
		context.arc(0, 0, 1, 0, Math.PI / 2);
		context.fill();
		const [circle] = paths(context.markup());
		expect(circle!.commands).toEqual([
			['M', 15, 10],
			['A', 5, 5, 0, 1, 1, 5, 10],
			['A', 5, 5, 0, 1, 1, 15, 10],
			['L', 1, 0],
			['A', 1, 1, 0, 0, 1, 0, 1]
		]);
	});

	it('joins an arc after a closed shape from where the shape began, as a canvas does', () => {
		const context = new SvgContext();
		context.beginPath();
		context.moveTo(0, 0);
		context.lineTo(5, 0);
		context.lineTo(5, 5);
		context.closePath();
		context.arc(5, 10, 5, -Math.PI / 2, 0);
		context.stroke();
		expect(paths(context.markup())[0]!.commands.slice(3)).toEqual([['Z'], ['L', 5, 5], ['A', 5, 5, 0, 0, 1, 10, 10]]);
	});

	it('maps points and radii through the transform', () => {
		const context = new SvgContext();
		context.setTransform(2, 0, 0, 2, 5, -5);
		context.beginPath();
		context.arc(1, 1, 3, 0, 2 * Math.PI);
		context.lineTo(0, 0);
		context.fill();
		expect(paths(context.markup())[0]!.commands).toEqual([
			['M', 13, -3],
			['A', 6, 6, 0, 1, 1, 1, -3],
			['A', 6, 6, 0, 1, 1, 13, -3],
			['L', 5, -5]
		]);
	});

	it('escapes a colour that would break the markup', () => {
		const context = new SvgContext();
		context.fillStyle = 'red" onload="x';
		context.beginPath();
		context.moveTo(0, 0);
		context.fill();
		expect(context.markup()).toBe('<path fill="red&#34; onload=&#34;x" d="M0 0"/>');
	});
});

describe('layerSvg: the large-graph layer as a picture', () => {
	const index = new Map([
		['a', 0],
		['b', 1],
		['c', 2],
		['d', 3]
	]);
	const ties: LayerTie[] = [
		{ source: 'a', target: 'b', kind: 'cooperation', status: 'active', width: 2 },
		{ source: 'b', target: 'c', kind: 'friction', status: 'active', width: 1 },
		{ source: 'c', target: 'd', kind: 'cooperation', status: 'active', width: 2 }
	];
	const nodes = batchNodes(
		[
			{ colour: '#111111', shape: 'ellipse', size: 20 },
			{ colour: '#111111', shape: 'ellipse', size: 10 },
			{ colour: '#222222', shape: 'diamond', size: 20 },
			{ colour: '#111111', shape: 'ellipse', size: 20 }
		],
		'#ffffff'
	);
	// a (0, 0), b (100, 0), c (0, 100), d (50, 50), which is hidden: its tie and its shape are left out.
	const positions = Float64Array.from([0, 0, 100, 0, 0, 100, 50, 50]);
	const shown = Uint8Array.from([1, 1, 1, 0]);
	const viewport = { zoom: 2, pan: { x: 10, y: 20 }, width: 400, height: 400 };

	it('strokes each kind of tie once, cooperation under friction, at the viewport, with the screen’s widths and dashes', () => {
		const picture = { batch: { ties: batchTies(ties, index, 'light'), nodes }, positions, shown, dimmed: false };
		const [cooperation, friction] = paths(layerSvg(picture, viewport));
		// a–b: (0, 0) and (100, 0) at zoom 2 and pan (10, 20).
		expect(cooperation!.attributes).toMatchObject({ fill: 'none', stroke: EDGE_KIND_COLOURS.cooperation.light, 'stroke-width': '4', 'stroke-opacity': String(TIE_ALPHA) });
		expect(cooperation!.commands).toEqual([
			['M', 10, 20],
			['L', 210, 20]
		]);
		// b–c: dashed 9 6 in model units, so 18 12 at zoom 2.
		expect(friction!.attributes).toMatchObject({ stroke: EDGE_KIND_COLOURS.friction.light, 'stroke-width': '2', 'stroke-dasharray': '18 12' });
		expect(friction!.commands).toEqual([
			['M', 210, 20],
			['L', 10, 220]
		]);
	});

	it('fills the nodes on show by colour and shape, bordered in the background colour, over the ties', () => {
		const picture = { batch: { ties: batchTies(ties, index, 'light'), nodes }, positions, shown, dimmed: false };
		const [, , circles, diamonds, ...rest] = paths(layerSvg(picture, viewport));
		expect(rest).toEqual([]);
		expect(circles!.attributes).toMatchObject({ fill: '#111111', stroke: '#ffffff', 'stroke-width': '3' });
		// a: radius 10 × 2 at (10, 20); b: radius 5 × 2 at (210, 20); d is hidden.
		expect(circles!.commands.filter(([command]) => command === 'M')).toEqual([
			['M', 30, 20],
			['M', 220, 20]
		]);
		expect(circles!.commands.filter(([command]) => command === 'A').map((arc) => arc[1])).toEqual([20, 20, 10, 10]);
		// c: a diamond of half-size 20 around (10, 220).
		expect(diamonds!.attributes.fill).toBe('#222222');
		expect(diamonds!.commands).toEqual([['M', 10, 200], ['L', 30, 220], ['L', 10, 240], ['L', -10, 220], ['Z']]);
	});

	it('fades everything under a dimming highlight, as the screen does', () => {
		const picture = { batch: { ties: batchTies(ties, index, 'dark'), nodes }, positions, shown, dimmed: true };
		const drawn = paths(layerSvg(picture, viewport));
		expect(drawn.map((path) => path.attributes['stroke-opacity'])).toEqual([String(DIMMED_ALPHA), String(DIMMED_ALPHA), String(DIMMED_ALPHA), String(DIMMED_ALPHA)]);
		expect(drawn.slice(2).map((path) => path.attributes['fill-opacity'])).toEqual([String(DIMMED_ALPHA), String(DIMMED_ALPHA)]);
		expect(drawn[0]!.attributes.stroke).toBe(EDGE_KIND_COLOURS.cooperation.dark);
	});

	it('leaves out the ties of a view that do not reach into it', () => {
		const picture = { batch: { ties: batchTies(ties, index, 'light'), nodes }, positions, shown, dimmed: false };
		// Only the top strip of the model, y below 10: a–b crosses it; b–c (x and y over 0–100) does too; nothing else.
		const strip = { zoom: 1, pan: { x: 0, y: 0 }, width: 400, height: 5 };
		const drawn = paths(layerSvg(picture, strip));
		expect(drawn[0]!.commands).toEqual([
			['M', 0, 0],
			['L', 100, 0]
		]);
		expect(drawn.flatMap((path) => path.commands.filter(([command]) => command === 'M'))).toHaveLength(4);
	});

	it('is one group of a few elements however many ties: 5,000 ties of one kind are one path', () => {
		const many = Array.from({ length: 5000 }, (_, i) => ({ source: 'a', target: i % 2 ? 'b' : 'c', kind: 'cooperation' as const, status: 'active' as const, width: 2 }));
		const markup = layerSvg({ batch: { ties: batchTies(many, index, 'light'), nodes }, positions, shown, dimmed: false }, viewport);
		expect(markup.startsWith('<g data-layer="ties and nodes">') && markup.endsWith('</g>')).toBe(true);
		const drawn = paths(markup);
		expect(drawn).toHaveLength(3);
		expect(drawn[0]!.commands.filter(([command]) => command === 'M')).toHaveLength(5000);
	});
});
