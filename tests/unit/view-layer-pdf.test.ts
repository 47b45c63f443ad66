import { jsPDF } from 'jspdf';
import { describe, expect, it } from 'vitest';
import { layerPdf, PdfContext } from '$lib/view/layer-pdf';
import { batchNodes, batchTies, TIE_ALPHA, type LayerTie } from '$lib/view/tie-layer';

/** A 200 × 200 pt page, its content stream written out uncompressed. */
const page = () => new jsPDF({ unit: 'pt', format: [200, 200], compress: false });

/** The page's content: its operators, one per line, as jsPDF writes them. */
function content(pdf: jsPDF): string[] {
	const out = pdf.output();
	return out
		.slice(out.indexOf('stream') + 'stream'.length, out.indexOf('endstream'))
		.trim()
		.split('\n');
}

/** The numbers of each line that ends with the operator, as numbers. */
const operands = (lines: string[], operator: string) => lines.filter((line) => line.endsWith(` ${operator}`)).map((line) => line.split(' ').slice(0, -1).map(Number));

describe('PdfContext: a canvas path as PDF operators', () => {
	it('writes a stroke with its colour, width, dash and opacity before the path, mapped onto the page', () => {
		const pdf = page();
		// Half size, 10 pt in and 20 pt down: the PDF's own y runs up from the bottom, so y' = 200 − (20 + y/2).
		const context = new PdfContext(pdf, { scale: 0.5, x: 10, y: 20 });
		context.strokeStyle = '#0072B2';
		context.lineWidth = 4;
		context.globalAlpha = 0.4;
		context.setLineDash([9, 6]);
		context.beginPath();
		context.moveTo(0, 0);
		context.lineTo(100, 40);
		context.stroke();
		context.flush();
		const lines = content(pdf);
		const from = lines.findIndex((line) => line.endsWith(' gs'));
		expect(lines.slice(from)).toEqual(['/GS1 gs', '0. 0.45 0.7 RG', '2. w', '0 J', '[4.5 3.] 0. d', '10. 180. m', '60. 160. l', 'S']);
		// The opacity is the ExtGState's: 0.4 for strokes.
		expect(pdf.output()).toMatch(/\/CA 0\.4\b/);
	});

	it('paints a path filled and stroked once, with both', () => {
		const pdf = page();
		const context = new PdfContext(pdf, { scale: 1, x: 0, y: 0 });
		context.fillStyle = '#ff0000';
		context.strokeStyle = '#ffffff';
		context.lineWidth = 1.5;
		context.beginPath();
		context.moveTo(0, 0);
		context.lineTo(10, 0);
		context.lineTo(10, 10);
		context.closePath();
		context.fill();
		context.stroke();
		context.beginPath();
		context.moveTo(50, 50);
		context.lineTo(60, 60);
		context.flush();
		const lines = content(pdf);
		expect(lines.filter((line) => ['B', 'S', 'f', 'n'].includes(line))).toEqual(['B']);
		expect(lines.slice(lines.indexOf('1. 0. 0. rg'))).toEqual(['1. 0. 0. rg', '1. G', '1.5 w', '0 J', '[] 0. d', '0. 200. m', '10. 200. l', '10. 190. l', 'h', 'B']);
	});

	it('draws a circle as four quarter Béziers through its compass points, starting at angle 0', () => {
		const pdf = page();
		const context = new PdfContext(pdf, { scale: 1, x: 100, y: 100 });
		context.beginPath();
		context.moveTo(20, 0);
		context.arc(0, 0, 20, 0, 2 * Math.PI);
		context.fill();
		context.flush();
		const lines = content(pdf);
		expect(operands(lines, 'm')).toEqual([[120, 100]]);
		const curves = operands(lines, 'c');
		// End points: bottom, left, top, right on the canvas (y down), so 80, 100, 120, 100 in the PDF's y.
		expect(curves.map((curve) => curve.slice(4))).toEqual([
			[100, 80],
			[80, 100],
			[100, 120],
			[120, 100]
		]);
		// The first curve leaves (120, 100) straight down the page, its control point 4/3 · tan(π/8) · r away.
		const reach = Math.round((4 / 3) * Math.tan(Math.PI / 8) * 20 * 100) / 100;
		expect(curves[0]!.slice(0, 2)).toEqual([120, 100 - reach]);
	});
});

describe('layerPdf: the large-graph layer in a PDF', () => {
	const index = new Map([
		['a', 0],
		['b', 1],
		['c', 2]
	]);
	const ties: LayerTie[] = [
		{ source: 'a', target: 'b', kind: 'cooperation', status: 'active', width: 2 },
		{ source: 'b', target: 'c', kind: 'friction', status: 'active', width: 2 }
	];
	const batch = {
		ties: batchTies(ties, index, 'light'),
		nodes: batchNodes(
			[0, 1, 2].map(() => ({ colour: '#111111', shape: 'ellipse' as const, size: 10 })),
			'#ffffff'
		)
	};
	const positions = Float64Array.from([0, 0, 100, 0, 100, 100]);

	it('clips to the graph’s box on the page, strokes each kind of tie as one path, then fills the nodes, inside a graphics state of its own', () => {
		const pdf = page();
		layerPdf(pdf, { batch, positions, shown: Uint8Array.from([1, 1, 0]), dimmed: false }, { zoom: 1, pan: { x: 10, y: 10 }, width: 200, height: 100 }, { scale: 0.5, x: 20, y: 30 });
		const lines = content(pdf);
		const body = lines.slice(lines.indexOf('q'));
		// The clip: the viewport's 200 × 100 px at half size, 20 pt in and 30 pt down.
		expect(body.slice(0, 4)).toEqual(['q', '20. 170. 100. -50. re', 'W', 'n']);
		expect(body.at(-1)).toBe('Q');
		// c is hidden: its tie to b and its disc are left out. The a–b tie, from (10, 10) to (110, 10) px.
		expect(operands(body, 'm').slice(0, 1)).toEqual([[25, 165]]);
		expect(operands(body, 'l')).toEqual([[75, 165]]);
		expect(body.filter((line) => ['B', 'S', 'f'].includes(line))).toEqual(['S', 'B']);
		expect(pdf.output()).toMatch(new RegExp(`/CA ${TIE_ALPHA}\\b`));
	});
});
