import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDataset, type Dataset } from '$lib/model';
import { NO_FILTER } from '$lib/view/filter';
import { captionText, CANVAS_LIMITS, composeSvg, drawableScale, imageFileName, sourceLine, wrapText } from '$lib/view/image-export';
import { briefDataset } from './paths';

const brief = (() => {
	const result = parseDataset(readFileSync(briefDataset, 'utf8'));
	if (!result.ok) throw new Error('the brief dataset must validate');
	return result.dataset;
})();

describe('image file names and captions', () => {
	it('name the dataset, the date in force (else asOf) and the scope', () => {
		expect(imageFileName(brief, '2014-06-30', 'view', 'png')).toBe('japan-korea-2014_2014-06-30_view.png');
		expect(imageFileName(brief, null, 'whole', 'jpeg')).toBe(`japan-korea-2014_${brief.meta.asOf}_whole.jpg`);
	});

	it("credit the brief as the report would: authors' surnames, year, publisher and series", () => {
		expect(sourceLine(brief)).toBe('Source: Ando, Chou and Fujita (2014), German Marshall Fund of the United States, Young Strategists Forum Policy Brief');
	});

	it('add the filters and date in force, and nothing when all is shown', () => {
		expect(captionText(brief, NO_FILTER)).toBe('Source: Ando, Chou and Fujita (2014), German Marshall Fund of the United States, Young Strategists Forum Policy Brief');
		expect(captionText(brief, { ...NO_FILTER, kinds: ['friction'], date: '2013-05', hideIsolated: true })).toBe(
			'Source: Ando, Chou and Fujita (2014), German Marshall Fund of the United States, Young Strategists Forum Policy Brief. Shown: ties: friction; isolated nodes hidden; as of 2013-05'
		);
	});

	it('say when the dataset was edited in the explorer, so the picture is not taken for the source’s own', () => {
		const changes = [
			{ at: '2026-11-29T18:00:00.000Z', summary: 'Added node “X”' },
			{ at: '2026-11-30T09:15:00.000Z', summary: 'Deleted node “X”' }
		];
		expect(captionText({ ...brief, meta: { ...brief.meta, changes } }, { ...NO_FILTER, kinds: ['friction'] })).toBe(
			'Source: Ando, Chou and Fujita (2014), German Marshall Fund of the United States, Young Strategists Forum Policy Brief. Edited: 2 changes, the last on 2026-11-30. Shown: ties: friction'
		);
		expect(captionText({ ...brief, meta: { ...brief.meta, changes: [] } }, NO_FILTER)).toBe(captionText(brief, NO_FILTER));
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
		const { svg, width, height } = composeSvg({ graph, title: 'Japan & Korea', caption: 'Source: X', legend: null, background: '#ffffff', theme: 'light', textColour: '#000' });
		expect(width).toBe(648);
		expect(height).toBeGreaterThan(400 + 48);
		expect(svg).toContain('Japan &#38; Korea');
		expect(svg).toContain('<svg x="24" y="');
		expect(svg).toContain('<text>Japan</text>');
		expect(svg).not.toContain('<?xml');
		expect(svg.indexOf('Japan &#38; Korea')).toBeLessThan(svg.indexOf('<text>Japan</text>'));
		expect(svg.indexOf('Source: X')).toBeGreaterThan(svg.indexOf('<text>Japan</text>'));
	});

	it('draws the legend entries on show and leaves the background out when transparent', () => {
		const legend = { nodeTypes: ['state'], otherTypes: [], edgeKinds: ['friction' as const], edgeStatuses: [], directed: false };
		const { svg } = composeSvg({ graph, title: null, caption: null, legend, background: null, theme: 'light', textColour: '#000' });
		expect(svg).toContain('>State</text>');
		expect(svg).toContain('>Friction</text>');
		expect(svg).not.toContain('<rect');
	});

	it('draws each legend mark as the graph does: node shapes, dash patterns, proposed faded, an arrow when directed', () => {
		const legend = { nodeTypes: ['institution', 'event', 'other'], otherTypes: ['domestic-actor'], edgeKinds: ['friction' as const], edgeStatuses: ['proposed' as const], directed: true };
		const { svg } = composeSvg({ graph, title: null, caption: null, legend, background: null, theme: 'light', textColour: '#111' });
		expect(svg).toMatch(/<rect [^>]*rx="3" fill="#009E73"\/>/);
		expect(svg).toMatch(/<polygon [^>]*points="7,1 13.5,13 0.5,13" fill="#CC79A7"\/>/);
		expect(svg).toMatch(/<polygon [^>]*points="3.5,1 10.5,1 13.5,7 10.5,13 3.5,13 0.5,7" fill="#8a8a8a"\/>/);
		expect(svg).toContain('>domestic-actor</text>');
		expect(svg).toMatch(/stroke="#D55E00" stroke-width="3" stroke-linecap="round" stroke-dasharray="7 4"\/>/);
		expect(svg).toMatch(/stroke="#0072B2" stroke-width="3" stroke-linecap="round" stroke-dasharray="1.5 4" opacity="0.55"\/>/);
		expect(svg).toContain('>Directed</text>');
	});

	it('wraps long text at spaces', () => {
		expect(wrapText('aaa bbb ccc ddd', 8)).toEqual(['aaa bbb', 'ccc ddd']);
	});
});
