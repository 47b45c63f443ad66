import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDataset, type Dataset } from '$lib/model';
import { NO_FILTER } from '$lib/view/filter';
import { attributeFilterWords, captionText, CANVAS_LIMITS, composeSvg, drawableScale, imageFileName, pdfPlacement, sourceLine, wrapText } from '$lib/view/image-export';
import type { LegendGroup } from '$lib/view/legend';
import { THEME_COLOURS } from '$lib/view/palette';
import { briefDataset } from './paths';

const brief = (() => {
	const result = parseDataset(readFileSync(briefDataset, 'utf8'));
	if (!result.ok) throw new Error('the brief dataset must validate');
	return result.dataset;
})();

describe('image file names and captions', () => {
	it('name the dataset, the date in force (else asOf), the scope and what the picture shows beyond the network', () => {
		expect(imageFileName(brief, '2014-06-30', 'view', 'png')).toBe('japan-korea-2014_2014-06-30_view.png');
		expect(imageFileName(brief, null, 'whole', 'jpeg')).toBe(`japan-korea-2014_${brief.meta.asOf}_whole.jpg`);
		expect(imageFileName(brief, null, 'whole', 'png', 'bridge')).toBe(`japan-korea-2014_${brief.meta.asOf}_whole_bridge.png`);
	});

	it("credit the brief as the report would: authors' surnames, year, publisher and series", () => {
		expect(sourceLine(brief)).toBe('Source: Ando, Chou and Fujita (2014), German Marshall Fund of the United States, Young Strategists Forum Policy Brief');
	});

	it('add the filters and date in force, and nothing when all is shown', () => {
		expect(captionText(brief, { filter: NO_FILTER })).toBe('Source: Ando, Chou and Fujita (2014), German Marshall Fund of the United States, Young Strategists Forum Policy Brief');
		expect(captionText(brief, { filter: { ...NO_FILTER, kinds: ['friction'], date: '2013-05', hideIsolated: true } })).toBe(
			'Source: Ando, Chou and Fujita (2014), German Marshall Fund of the United States, Young Strategists Forum Policy Brief. Shown: ties: friction; isolated nodes hidden; as of 2013-05'
		);
	});

	it('say when the dataset was edited in the explorer, so the picture is not taken for the source’s own', () => {
		const changes = [
			{ at: '2026-11-29T18:00:00.000Z', summary: 'Added node “X”' },
			{ at: '2026-11-30T09:15:00.000Z', summary: 'Deleted node “X”' }
		];
		expect(captionText({ ...brief, meta: { ...brief.meta, changes } }, { filter: { ...NO_FILTER, kinds: ['friction'] } })).toBe(
			'Source: Ando, Chou and Fujita (2014), German Marshall Fund of the United States, Young Strategists Forum Policy Brief. Edited: 2 changes, the last on 2026-11-30. Shown: ties: friction'
		);
		expect(captionText({ ...brief, meta: { ...brief.meta, changes: [] } }, { filter: NO_FILTER })).toBe(captionText(brief, { filter: NO_FILTER }));
	});

	it('name the bridge view, the focus, the highlight, attribute filters and the analysis layer the picture rests on', () => {
		const caption = captionText(brief, {
			filter: { ...NO_FILTER, attributes: [{ scope: 'edge', name: 'relation', values: ['alliance', 'unspecified'] }] },
			bridge: 'Japan – South Korea, broker United States, defense',
			focus: { label: 'United States', hops: 2 },
			highlight: 'United States and the ties through which it bridges',
			layer: 'Active cooperation ties as of June 2014'
		});
		expect(caption).toBe(
			'Source: Ando, Chou and Fujita (2014), German Marshall Fund of the United States, Young Strategists Forum Policy Brief. ' +
				'Bridge view: Japan – South Korea, broker United States, defense. Focus: United States and the nodes up to 2 steps away. ' +
				'Highlighted: United States and the ties through which it bridges. Shown: tie relation: alliance, not recorded. ' +
				'Analysis layer: Active cooperation ties as of June 2014'
		);
	});

	it('put attribute filters in words: values, ranges with one or both ends', () => {
		expect(attributeFilterWords({ scope: 'node', name: 'club', values: ['Officer'] })).toBe('club: Officer');
		expect(attributeFilterWords({ scope: 'node', name: 'club', values: [] })).toBe('club: none');
		expect(attributeFilterWords({ scope: 'edge', name: 'weight', range: { min: 2, max: 5 } })).toBe('tie weight: 2 to 5');
		expect(attributeFilterWords({ scope: 'node', name: 'population', range: { min: 1000, max: null } })).toBe('population: at least 1000');
		expect(attributeFilterWords({ scope: 'node', name: 'population', range: { min: null, max: 10 } })).toBe('population: at most 10');
		expect(attributeFilterWords({ scope: 'node', name: 'population', range: { min: null, max: null } })).toBeNull();
	});

	it('fall back to the publisher or title when a source names no authors', () => {
		const dataset = { ...brief, sources: [{ id: 's', title: 'A statement', publisher: 'A Ministry', year: 2012 }] } as Dataset;
		expect(sourceLine(dataset)).toBe('Source: A Ministry (2012)');
		expect(sourceLine({ ...brief, sources: [{ id: 's', title: 'Field notes' }] } as Dataset)).toBe('Source: Field notes');
	});

	it('credit the source named "brief" before the others', () => {
		const [first, ...rest] = brief.sources!;
		expect(sourceLine({ ...brief, sources: [...rest, first!] })).toBe(sourceLine(brief));
	});
});

describe('drawableScale', () => {
	it('keeps the scale asked for when one canvas holds it', () => {
		expect(drawableScale(1200, 800, 4)).toEqual({ scale: 4, message: null });
	});

	it('scales down past the canvas limits and says so', () => {
		// 20000 x 20000 at 1x is 4e8 px > 268,435,456: sqrt(268435456 / 4e8) = 0.819...
		const { scale, message } = drawableScale(20_000, 20_000, 1);
		expect(scale).toBe(0.81);
		expect(20_000 * scale * 20_000 * scale).toBeLessThanOrEqual(CANVAS_LIMITS.area);
		expect(message).toMatch(/drawn at 0\.81× instead/);
	});

	it('scales down a long, thin picture to the side limit though its area would fit', () => {
		// 12000 x 1000 at 2x is 24000 px wide > 16384; 16384 / 12000 = 1.365...
		const { scale, message } = drawableScale(12_000, 1_000, 2);
		expect(scale).toBe(1.36);
		expect(12_000 * scale).toBeLessThanOrEqual(CANVAS_LIMITS.side);
		expect(message).toBe('A 2× image (24000 × 2000 px) is more than one canvas can hold; drawn at 1.36× instead.');
	});
});

describe('composeSvg', () => {
	const graph = { svg: '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="600" height="400"><text>Japan</text></svg>', width: 600, height: 400 };

	it('puts the title above the graph and the caption below, inside margins', () => {
		const { svg, width, height } = composeSvg({ graph, title: 'Japan & Korea', caption: 'Source: X', legend: null, background: '#ffffff', theme: 'light' });
		expect(width).toBe(648);
		expect(height).toBeGreaterThan(400 + 48);
		expect(svg).toContain('Japan &#38; Korea');
		expect(svg).toContain('<svg x="24" y="');
		expect(svg).toContain('<text>Japan</text>');
		expect(svg).not.toContain('<?xml');
		expect(svg.indexOf('Japan &#38; Korea')).toBeLessThan(svg.indexOf('<text>Japan</text>'));
		expect(svg.indexOf('Source: X')).toBeGreaterThan(svg.indexOf('<text>Japan</text>'));
	});

	it('says where the graph went, for what a raster draws under it: in from the margin, below the title, centred when narrow', () => {
		const titled = composeSvg({ graph, title: 'Japan & Korea', caption: null, legend: null, background: null, theme: 'light' });
		// One title line: 24 margin + 22 line + 12 gap.
		expect(titled.graphAt).toEqual({ x: 24, y: 58 });
		expect(titled.svg).toContain('<svg x="24" y="58" width="600" height="400"');
		const narrow = composeSvg({ graph: { ...graph, width: 100 }, title: null, caption: null, legend: null, background: null, theme: 'light' });
		// The picture is at least 480 wide: the graph is centred in it.
		expect([narrow.width, narrow.graphAt]).toEqual([480, { x: 190, y: 24 }]);
	});

	it("writes text in the export theme's colour, whatever the screen shows: dark on light, light on dark", () => {
		const legend: LegendGroup[] = [{ title: 'Colour: club', items: [{ label: 'Officer', mark: { kind: 'shape', shape: 'ellipse', colour: '#E69F00' } }] }];
		const light = composeSvg({ graph, title: 'T', caption: 'C', legend, background: null, theme: 'light' }).svg;
		const texts = [...light.matchAll(/<text [^>]*fill="([^"]+)"/g)].map((match) => match[1]);
		expect(new Set(texts)).toEqual(new Set([THEME_COLOURS.light.text]));
		expect(light).not.toContain('<rect width="100%"');
		const dark = composeSvg({ graph, title: 'T', caption: 'C', legend, background: THEME_COLOURS.dark.background, theme: 'dark' }).svg;
		expect(dark).toContain(`fill="${THEME_COLOURS.dark.text}">T</text>`);
		expect(dark).toContain(`<rect width="100%" height="100%" fill="${THEME_COLOURS.dark.background}"/>`);
	});

	it('draws the legend groups below the graph, titles in bold, and grows to hold them', () => {
		const legend: LegendGroup[] = [
			{ title: null, items: [{ label: 'State', mark: { kind: 'shape', shape: 'ellipse', colour: '#0072B2' } }] },
			{ title: 'Ties', items: [{ label: 'Friction', mark: { kind: 'line', colour: '#D55E00', dash: 'dashed' } }, { label: 'One line per tie', mark: null }] }
		];
		const withLegend = composeSvg({ graph, title: null, caption: null, legend, background: null, theme: 'light' });
		const without = composeSvg({ graph, title: null, caption: null, legend: null, background: null, theme: 'light' });
		expect(withLegend.svg).toContain('>State</text>');
		expect(withLegend.svg).toContain('font-weight="bold" fill="#1b1b1f">Ties</text>');
		expect(withLegend.svg).toMatch(/stroke="#D55E00" stroke-width="3" stroke-linecap="round" stroke-dasharray="7 4"\/>/);
		expect(withLegend.height).toBeGreaterThan(without.height);
		expect(withLegend.svg.indexOf('>State</text>')).toBeGreaterThan(withLegend.svg.indexOf('<text>Japan</text>'));
	});

	it('wraps long text at spaces', () => {
		expect(wrapText('aaa bbb ccc ddd', 8)).toEqual(['aaa bbb', 'ccc ddd']);
	});
});

describe('pdfPlacement', () => {
	it('makes the page the picture’s own size when asked to fit', () => {
		expect(pdfPlacement(957, 1119, 'fit')).toEqual({ pageWidth: 957, pageHeight: 1119, x: 0, y: 0, width: 957, height: 1119 });
	});

	it('fits a tall picture into portrait A4 within 28 pt margins, centred', () => {
		// A4 portrait 595.28 × 841.89; room 539.28 × 785.89; 1000 × 2000 scales by min(0.53928, 0.392945) = 0.392945
		const placed = pdfPlacement(1000, 2000, 'a4');
		expect(placed.pageWidth).toBe(595.28);
		expect(placed.pageHeight).toBe(841.89);
		expect(placed.width).toBeCloseTo(392.945, 3);
		expect(placed.height).toBeCloseTo(785.89, 3);
		expect(placed.x).toBeCloseTo((595.28 - 392.945) / 2, 3);
		expect(placed.y).toBeCloseTo(28, 6);
	});

	it('keeps a slide landscape and letter follows the picture', () => {
		// 16:9 slide 960 × 540; room 904 × 484; 800 × 600 scales by min(1.13, 0.80667) = 0.80667
		const slide = pdfPlacement(800, 600, 'slide');
		expect([slide.pageWidth, slide.pageHeight]).toEqual([960, 540]);
		expect(slide.width).toBeCloseTo(645.333, 3);
		expect(slide.height).toBeCloseTo(484, 6);
		expect(slide.x).toBeCloseTo((960 - 645.333) / 2, 3);
		expect([pdfPlacement(600, 800, 'slide').pageWidth, pdfPlacement(600, 800, 'letter').pageWidth]).toEqual([960, 612]);
	});
});
