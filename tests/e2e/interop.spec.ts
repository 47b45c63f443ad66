// Export and import as a user meets them: each image format downloads as a valid, non-blank picture of the expected
// size; each data format downloads and reads back in; files come in through the file input and through a drop; a
// failed import leaves the graph as it was; imported datasets stay in the browser across reloads.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { loadedScripts } from './loaded-scripts';

const io = (name: string) => join(import.meta.dirname, '..', 'fixtures', 'io', name);
const BRIEF = '/?dataset=japan-korea-2014';

async function open(page: Page, path = BRIEF) {
	await page.goto(path);
	await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false');
}

async function openPanel(page: Page, panel: 'Export' | 'Import', path = BRIEF) {
	await open(page, path);
	await page.getByRole('tab', { name: panel }).click();
}

async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer; path: string; ms: number }> {
	const started = Date.now();
	const pending = page.waitForEvent('download');
	await page.getByRole('button', { name: button }).click();
	// A failed export says why in the status line: fail with that, not with a time-out.
	const failed = page
		.getByTestId('export-status')
		.filter({ hasText: 'could not' })
		.waitFor()
		.then(async () => Promise.reject(new Error(await page.getByTestId('export-status').innerText())));
	const file = await Promise.race([pending, failed]);
	const path = test.info().outputPath(file.suggestedFilename());
	await file.saveAs(path);
	return { name: file.suggestedFilename(), bytes: await readFile(path), path, ms: Date.now() - started };
}

/** Decodes an image in the page and counts pixels that differ from its corner (the background). */
async function decode(page: Page, bytes: Buffer, type: string) {
	return page.evaluate(
		async ({ data, type }) => {
			const bitmap = await createImageBitmap(new Blob([new Uint8Array(data)], { type }));
			const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
			const context = canvas.getContext('2d')!;
			context.drawImage(bitmap, 0, 0);
			const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
			let differing = 0;
			for (let i = 0; i < pixels.length; i += 4) {
				if (Math.abs(pixels[i]! - pixels[0]!) + Math.abs(pixels[i + 1]! - pixels[1]!) + Math.abs(pixels[i + 2]! - pixels[2]!) + Math.abs(pixels[i + 3]! - pixels[3]!) > 40) differing++;
			}
			return { width: bitmap.width, height: bitmap.height, differing, corner: [...pixels.slice(0, 4)] };
		},
		{ data: [...bytes], type }
	);
}

function svgSize(svg: string): { width: number; height: number } {
	const [, width, height] = /<svg[^>]*width="(\d+)" height="(\d+)"/.exec(svg)!;
	return { width: Number(width), height: Number(height) };
}

/** Drops files on the graph as a drag from the desktop would: a DataTransfer carrying Files. */
async function drop(page: Page, files: { name: string; text?: string; zeroBytes?: number }[]) {
	await page.getByTestId('graph').evaluate((target, files) => {
		const transfer = new DataTransfer();
		for (const file of files) transfer.items.add(new File([file.zeroBytes ? new Uint8Array(file.zeroBytes) : file.text!], file.name));
		for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
	}, files);
}

const fixtureText = async (name: string) => ({ name, text: await readFile(io(name), 'utf8') });

/** Where the graph draws each node, by label. */
const drawnPlaces = (page: Page) =>
	page.getByTestId('graph').evaluate((element) => {
		const cy = (element as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy;
		return Object.fromEntries(cy.nodes().map((node) => [node.data('label') as string, node.position()]));
	});

test.describe('images', () => {
	test('PNG at 2x: named after the dataset and date, twice the SVG size, with a drawing on it', async ({ page }) => {
		await openPanel(page, 'Export');
		await page.getByTestId('image-format').selectOption('svg');
		const { width, height } = svgSize((await download(page, 'Download image')).bytes.toString('utf8'));

		await page.getByTestId('image-format').selectOption('png');
		await page.getByLabel('Scale').selectOption('2');
		const png = await download(page, 'Download image');
		expect(png.name).toBe('japan-korea-2014_2014-06_whole.png');
		const image = await decode(page, png.bytes, 'image/png');
		expect([image.width, image.height]).toEqual([2 * width, 2 * height]);
		expect(image.differing / (image.width * image.height)).toBeGreaterThan(0.02);

		await page.getByLabel('Scale').selectOption('4');
		const large = await download(page, 'Download image');
		const decoded = await decode(page, large.bytes, 'image/png');
		expect([decoded.width, decoded.height]).toEqual([4 * width, 4 * height]);
		console.log(`PNG 2x ${image.width}x${image.height} in ${png.ms} ms; 4x ${decoded.width}x${decoded.height} (${large.bytes.length} bytes) in ${large.ms} ms`);
	});

	test('a transparent PNG has a clear background; JPEG decodes with a solid one', async ({ page }) => {
		await openPanel(page, 'Export');
		await page.getByLabel('Transparent background').check();
		const png = await decode(page, (await download(page, 'Download image')).bytes, 'image/png');
		expect(png.corner[3]).toBe(0);
		expect(png.differing).toBeGreaterThan(1000);

		await page.getByTestId('image-format').selectOption('jpeg');
		const jpeg = await download(page, 'Download image');
		expect(jpeg.name).toBe('japan-korea-2014_2014-06_whole.jpg');
		const decoded = await decode(page, jpeg.bytes, 'image/jpeg');
		expect(decoded.corner[3]).toBe(255);
		expect(decoded.differing).toBeGreaterThan(1000);
	});

	test('the current view is the graph panel as on screen, margins around it, named _view', async ({ page }) => {
		await openPanel(page, 'Export');
		await page.getByLabel('Extent').selectOption('view');
		await page.getByLabel('Scale').selectOption('1');
		const png = await download(page, 'Download image');
		expect(png.name).toBe('japan-korea-2014_2014-06_view.png');
		const graph = (await page.getByTestId('graph').boundingBox())!;
		const image = await decode(page, png.bytes, 'image/png');
		expect(Math.abs(image.width - (graph.width + 48))).toBeLessThanOrEqual(2);
		expect(image.height).toBeGreaterThan(graph.height);
		expect(image.differing).toBeGreaterThan(1000);
	});

	test('SVG is vector with real text: title, node labels and the caption naming the source', async ({ page }) => {
		await openPanel(page, 'Export');
		await page.getByTestId('image-format').selectOption('svg');
		const svg = await download(page, 'Download image');
		const text = svg.bytes.toString('utf8');
		const parsed = await page.evaluate((markup) => {
			const document = new DOMParser().parseFromString(markup, 'image/svg+xml');
			return { error: document.querySelector('parsererror') !== null, texts: [...document.querySelectorAll('text')].map((node) => node.textContent) };
		}, text);
		expect(parsed.error).toBe(false);
		expect(parsed.texts).toEqual(expect.arrayContaining(['Japan', 'South Korea', 'United States']));
		expect(text).toContain('Source: Ando, Chou and Fujita (2014), German Marshall Fund of the United States, Young Strategists Forum Policy Brief');
		console.log(`SVG ${svg.bytes.length} bytes in ${svg.ms} ms`);
	});

	test('PDF is a one-page vector document the size of the picture', async ({ page }) => {
		await openPanel(page, 'Export');
		await page.getByTestId('image-format').selectOption('svg');
		const { width, height } = svgSize((await download(page, 'Download image')).bytes.toString('utf8'));
		await page.getByTestId('image-format').selectOption('pdf');
		const pdf = await download(page, 'Download image');
		expect(pdf.name).toBe('japan-korea-2014_2014-06_whole.pdf');
		const text = pdf.bytes.toString('latin1');
		expect(text.startsWith('%PDF-')).toBe(true);
		expect(text.match(/\/Type \/Page\b/g)).toHaveLength(1);
		const [, , , right, top] = /\/MediaBox \[([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+)\]/.exec(text)!.map(Number);
		expect([Math.round(right!), Math.round(top!)]).toEqual([width, height]);
		console.log(`PDF ${pdf.bytes.length} bytes, ${width}x${height} pt, in ${pdf.ms} ms`);

		// on paper: an A4 page turned to the picture, a 16:9 slide always landscape
		const mediaBox = (bytes: Buffer) => /\/MediaBox \[([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+)\]/.exec(bytes.toString('latin1'))!.slice(3).map((side) => Math.round(Number(side)));
		await page.getByTestId('pdf-page').selectOption({ label: 'A4' });
		expect(mediaBox((await download(page, 'Download image')).bytes)).toEqual(height > width ? [595, 842] : [842, 595]);
		await page.getByTestId('pdf-page').selectOption({ label: '16:9 slide' });
		expect(mediaBox((await download(page, 'Download image')).bytes)).toEqual([960, 540]);
	});

	test('the caption and file name carry the date in force', async ({ page }) => {
		await openPanel(page, 'Export', `${BRIEF}&date=2013-05`);
		await expect(page.getByText(/Shown: .*as of 2013-05/)).toBeVisible();
		const png = await download(page, 'Download image');
		expect(png.name).toBe('japan-korea-2014_2013-05_whole.png');
	});
});

test.describe('legends, captions and colours that say what the picture shows', () => {
	/** The texts of an SVG document, parsed in the page. */
	async function texts(page: Page, markup: string): Promise<string[]> {
		return page.evaluate((svg) => [...new DOMParser().parseFromString(svg, 'image/svg+xml').querySelectorAll('text')].map((node) => node.textContent ?? ''), markup);
	}

	test('community colours and sizes by betweenness: the SVG and PNG legends give the communities and the size scale, not type colours', async ({ page }) => {
		await openPanel(page, 'Export', `${BRIEF}&colour=community&size=metric:betweenness`);
		await expect(page.getByTestId('export-caption')).toContainText('Analysis layer: Active cooperation ties as of June 2014');
		await page.getByTestId('image-format').selectOption('svg');
		const svg = (await download(page, 'Download image')).bytes.toString('utf8');
		const words = await texts(page, svg);
		expect(words).toEqual(expect.arrayContaining(['Colour: community (Louvain)', 'community 1', 'community 2', 'Shape: node type', 'State', 'Size: Betweenness']));
		// the types' marks are drawn in the neutral fill: no legend says blue is a state
		expect(svg).toMatch(/<circle cx="[\d.]+" cy="[\d.]+" r="6.2" fill="#6f6f6f"\/><text [^>]*>State<\/text>/);
		// the caption wraps over lines: read it as one text
		expect(words.join(' ').replace(/\s+/g, ' ')).toContain('Analysis layer: Active cooperation ties as of June 2014');

		await page.getByTestId('image-format').selectOption('png');
		await page.getByLabel('Scale').selectOption('1');
		const png = await decode(page, (await download(page, 'Download image')).bytes, 'image/png');
		expect([png.width, png.height]).toEqual([svgSize(svg).width, svgSize(svg).height]);
	});

	test('a transparent PNG exported while the screen is dark has dark text, legible on a white slide', async ({ page }) => {
		await page.emulateMedia({ colorScheme: 'dark' });
		await openPanel(page, 'Export');
		await expect(page.getByTestId('export-colours')).toHaveValue('light');
		await page.getByLabel('Transparent background').check();
		await page.getByTestId('image-format').selectOption('svg');
		const svg = (await download(page, 'Download image')).bytes.toString('utf8');
		const fills = new Set([...svg.matchAll(/<text [^>]*fill="(#[0-9a-f]{6})"/gi)].map((match) => match[1]));
		expect(fills).toEqual(new Set(['#1b1b1f']));

		await page.getByTestId('image-format').selectOption('png');
		await page.getByLabel('Scale').selectOption('1');
		const bytes = (await download(page, 'Download image')).bytes;
		// The caption's lines: the opaque pixels of the bottom band are text, and dark.
		const caption = await page.evaluate(async (data) => {
			const bitmap = await createImageBitmap(new Blob([new Uint8Array(data)], { type: 'image/png' }));
			const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
			const context = canvas.getContext('2d')!;
			context.drawImage(bitmap, 0, 0);
			const band = context.getImageData(0, bitmap.height - 60, bitmap.width, 60).data;
			let inked = 0;
			let light = 0;
			for (let i = 0; i < band.length; i += 4) {
				if (band[i + 3]! < 200) continue;
				inked++;
				if ((band[i]! + band[i + 1]! + band[i + 2]!) / 3 > 128) light++;
			}
			return { corner: band[3], inked, light };
		}, [...bytes]);
		expect(caption.corner).toBe(0);
		expect(caption.inked).toBeGreaterThan(200);
		expect(caption.light).toBe(0);

		await page.getByTestId('export-colours').selectOption('dark');
		await page.getByTestId('image-format').selectOption('svg');
		const dark = (await download(page, 'Download image')).bytes.toString('utf8');
		expect(dark).toContain('fill="#eceff4">Source: Ando');
	});

	test('the selection ring stays out of the picture unless asked for', async ({ page }) => {
		await openPanel(page, 'Export', `${BRIEF}&node=japan`);
		await page.getByTestId('image-format').selectOption('svg');
		// The selection ring: a 4 px border in the selection colour (black in light colours).
		const ring = /stroke="rgb\(0,0,0\)"[^>]*stroke-width="4"/;
		const plain = (await download(page, 'Download image')).bytes.toString('utf8');
		expect(plain).not.toMatch(ring);
		expect(await texts(page, plain)).not.toContain('Selected');
		await page.getByLabel('Include the selection').check();
		const selected = (await download(page, 'Download image')).bytes.toString('utf8');
		expect(selected).toMatch(ring);
		expect(await texts(page, selected)).toContain('Selected');
		// the page keeps its selection all along
		await expect.poll(() => page.getByTestId('graph').evaluate((element) => (element as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy.getElementById('japan').hasClass('chosen'))).toBe(true);
	});

	test('the caption names the focus, the highlight and the filters, and the file name says the picture is highlighted', async ({ page, request }) => {
		const dataset: { measures: { id: string; title: string }[] } = await (await request.get('/api/datasets/japan-korea-2014')).json();
		const measure = dataset.measures[0]!;
		await openPanel(page, 'Export', `${BRIEF}&focus=united-states&measure=${measure.id}&where.edge.relation=alliance&where.edge.relation=negotiation`);
		const caption = page.getByTestId('export-caption');
		await expect(caption).toContainText('Focus: United States and the nodes up to 1 step away');
		await expect(caption).toContainText(`Highlighted: the ties of the measure “${measure.title}”`);
		await expect(caption).toContainText('Shown: tie relation: alliance, negotiation');
		await expect(caption).not.toContainText('Analysis layer');
		await page.getByTestId('image-format').selectOption('svg');
		const svg = await download(page, 'Download image');
		expect(svg.name).toBe('japan-korea-2014_2014-06_whole_highlighted.svg');
		expect((await texts(page, svg.bytes.toString('utf8'))).join(' ').replace(/\s+/g, ' ')).toContain(`Highlighted: the ties of the measure “${measure.title}”`);
	});
});

test.describe('data out', () => {
	test('JSON, GraphML and GEXF of the whole dataset read back in with every node and edge', async ({ page, request }) => {
		const dataset: { nodes: unknown[]; edges: unknown[] } = await (await request.get('/api/datasets/japan-korea-2014')).json();
		const whole = `${dataset.nodes.length} of ${dataset.nodes.length} nodes, ${dataset.edges.length} of ${dataset.edges.length} edges`;
		for (const format of ['json', 'graphml', 'gexf']) {
			await openPanel(page, 'Export');
			await page.getByTestId('data-format').selectOption(format);
			const file = await download(page, 'Download data');
			expect(file.name).toBe(`japan-korea-2014.${format}`);
			await page.getByRole('tab', { name: 'Import' }).click();
			await page.getByTestId('import-file').setInputFiles(file.path);
			await expect(page).toHaveURL(/dataset=local%3Ajapan-korea-2014/);
			await expect(page.getByTestId('counts')).toHaveText(whole);
		}
	});

	test('CSV of the filtered view: nodes.csv and edges.csv with what is shown, which read back together', async ({ page, request }) => {
		const dataset: { edges: { kind: string; source: string; target: string }[] } = await (await request.get('/api/datasets/japan-korea-2014')).json();
		const friction = dataset.edges.filter((edge) => edge.kind === 'friction');
		await openPanel(page, 'Export', `${BRIEF}&kind=friction&isolated=hide`);
		const shown = await page.getByTestId('counts').innerText();
		await page.getByTestId('data-format').selectOption('csv');
		await page.getByLabel('Content').selectOption('view');
		const files: { name: string; path: string }[] = [];
		page.on('download', async (file) => {
			const path = test.info().outputPath(file.suggestedFilename());
			await file.saveAs(path);
			files.push({ name: file.suggestedFilename(), path });
		});
		await page.getByRole('button', { name: 'Download data' }).click();
		await expect.poll(() => files.map((file) => file.name).sort()).toEqual(['japan-korea-2014_view.edges.csv', 'japan-korea-2014_view.nodes.csv']);
		const edges = (await readFile(files.find((file) => file.name.endsWith('edges.csv'))!.path, 'utf8')).trim().split(/\r?\n/);
		expect(edges).toHaveLength(friction.length + 1);

		await page.getByRole('tab', { name: 'Import' }).click();
		await page.getByTestId('import-file').setInputFiles(files.map((file) => file.path));
		await expect(page).toHaveURL(/dataset=local%3A/);
		const nodes = /^(\d+) of/.exec(shown)![1];
		await expect(page.getByTestId('counts')).toHaveText(`${nodes} of ${nodes} nodes, ${friction.length} of ${friction.length} edges`);
	});
});

test.describe('data in', () => {
	const cases = [
		{ files: ['typed.graphml'], counts: '4 of 4 nodes, 3 of 3 edges', label: 'Tokyo 東京' },
		{ files: ['multigraph.gexf'], counts: '4 of 4 nodes, 6 of 6 edges', label: 'south-korea' },
		{ files: ['east-asia.json'], counts: '8 of 8 nodes, 13 of 13 edges', label: 'Japan' },
		{ files: ['spreadsheet-edges.csv', 'spreadsheet-nodes.csv'], counts: '4 of 4 nodes, 4 of 4 edges', label: 'Korea, South' },
		// Gephi's Data Laboratory export: its Type column gives each tie's direction
		{ files: ['gephi-edges.csv', 'gephi-nodes.csv'], counts: '3 of 3 nodes, 2 of 2 edges', label: 'Valjean' }
	];

	for (const { files, counts, label } of cases) {
		test(`${files.join(' + ')} through the file input opens as the graph`, async ({ page }) => {
			await openPanel(page, 'Import');
			await page.getByTestId('import-file').setInputFiles(files.map(io));
			await expect(page).toHaveURL(/dataset=local%3A/);
			await expect(page.getByTestId('counts')).toHaveText(counts);
			await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false');
			const labels = await page.getByTestId('graph').evaluate((element) => {
				const cy = (element as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy;
				return cy.nodes().map((node) => node.data('label') as string);
			});
			expect(labels).toContain(label);
		});

		test(`${files.join(' + ')} dropped on the page opens as the graph`, async ({ page }) => {
			await open(page);
			await drop(page, await Promise.all(files.map(fixtureText)));
			await expect(page).toHaveURL(/dataset=local%3A/);
			await expect(page.getByTestId('counts')).toHaveText(counts);
		});
	}

	test('a yEd diagram opens with its labels, drawn where yEd placed its nodes', async ({ page }) => {
		await openPanel(page, 'Import');
		await page.getByTestId('import-file').setInputFiles(io('yed-groups.graphml'));
		await expect(page).toHaveURL(/dataset=local%3Ayed-groups/);
		await expect(page.getByTestId('counts')).toHaveText('4 of 4 nodes, 3 of 3 edges');
		await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false');
		const drawn = await drawnPlaces(page);
		// yEd's places, centres of its shapes: Japan and South Korea side by side, the United States above them.
		expect(drawn).toEqual({
			'United States': { x: 240, y: 15 },
			'Northeast Asia': { x: 250, y: 160 },
			Japan: { x: 150, y: 165 },
			'South Korea': { x: 330, y: 165 }
		});
	});

	test('a GEXF from Gephi opens drawn as Gephi drew it, with no layout run', async ({ page }) => {
		await openPanel(page, 'Import');
		await page.getByTestId('import-file').setInputFiles(io('gephi-lesmis.gexf'));
		await expect(page).toHaveURL(/dataset=local%3Agephi-lesmis/);
		await expect(page.getByTestId('counts')).toHaveText('4 of 4 nodes, 4 of 4 edges');
		await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false');
		const drawn = await drawnPlaces(page);
		// Gephi's places with its y axis turned over: Javert, highest in Gephi, is highest on the page.
		expect(drawn).toEqual({
			Valjean: { x: -87.93029, y: -6.8120565 },
			Gavroche: { x: 387.89572, y: 110.462326 },
			Marius: { x: 206.44687, y: -13.805411 },
			Javert: { x: -81.46074, y: -204.20204 }
		});
	});

	test('places in a unit square, as networkx writes them, open spread out to the same picture, not as one blot', async ({ page }) => {
		await openPanel(page, 'Import');
		const places = [['a', 0, 0], ['b', 1, 0], ['c', 0, 1], ['d', 1, 1]].map(([id, x, y]) => `<node id="${id}" label="${id}"><viz:position x="${x}" y="${y}" z="0.0"/></node>`);
		const gexf = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3"><graph defaultedgetype="undirected">
<nodes>${places.join('')}</nodes><edges><edge source="a" target="b"/><edge source="c" target="d"/></edges></graph></gexf>`;
		await page.getByTestId('import-file').setInputFiles({ name: 'square.gexf', mimeType: 'application/xml', buffer: Buffer.from(gexf) });
		await expect(page).toHaveURL(/dataset=local%3Asquare/);
		await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false');
		const drawn = await drawnPlaces(page);
		// A unit square (0.5 apart on average, under a node's 28) spread to 112 apart on average: every place × 224.
		expect(drawn).toEqual({ a: { x: 0, y: 0 }, b: { x: 224, y: 0 }, c: { x: 0, y: -224 }, d: { x: 224, y: -224 } });
	});

	test('a dynamic GEXF from Gephi brings its ties’ dates: the time filter shows the network as of each month', async ({ page }) => {
		await openPanel(page, 'Import');
		const gexf = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.2" version="1.2"><graph mode="dynamic" defaultedgetype="undirected" timeformat="date">
<nodes><node id="jp" label="Japan"/><node id="kr" label="South Korea"/><node id="us" label="United States"/></nodes>
<edges><edge id="0" source="jp" target="us" start="1951-09-08" end="1960-01-19"/><edge id="1" source="jp" target="kr" start="1965-06-22" end="2014-12-31"/></edges>
</graph></gexf>`;
		await page.getByTestId('import-file').setInputFiles({ name: 'timeline.gexf', mimeType: 'application/xml', buffer: Buffer.from(gexf) });
		await expect(page).toHaveURL(/dataset=local%3Atimeline/);
		await expect(page.getByTestId('time-value')).toHaveText('1951-09 – 2014-12');
		await page.getByRole('checkbox', { name: 'Show the network as of a date' }).check();
		const slider = page.getByRole('slider', { name: 'As of' });
		await slider.fill('0');
		await expect(page.getByTestId('time-value')).toHaveText('1951-09');
		await expect(page.getByTestId('counts')).toHaveText('3 of 3 nodes, 1 of 2 edges');
		await slider.fill(String(12 * (1970 - 1951) - 8));
		await expect(page.getByTestId('time-value')).toHaveText('1970-01');
		await expect(page.getByTestId('counts')).toHaveText('3 of 3 nodes, 1 of 2 edges');
		await page.getByRole('tab', { name: 'Table' }).click();
		await page.getByTestId('table-find').fill('South Korea');
		await expect(page.getByTestId('edges-table').locator('tbody tr').first()).toContainText('1965-06-22');
	});

	test('a dropped file is read in a worker of its own, which ends with the import; a worker that cannot load says so', async ({ page }) => {
		await open(page);
		const workers: { url: string; closed: boolean }[] = [];
		page.on('worker', (worker) => {
			const seen = { url: worker.url(), closed: false };
			workers.push(seen);
			worker.on('close', () => (seen.closed = true));
		});
		await drop(page, [await fixtureText('typed.graphml')]);
		await expect(page.getByTestId('counts')).toHaveText('4 of 4 nodes, 3 of 3 edges');
		const readers = workers.filter((worker) => worker.url.includes('import.worker'));
		expect(readers).toHaveLength(1);
		await expect.poll(() => readers[0]!.closed).toBe(true);

		// Only the worker's code gone: the import says so in words, and the graph and its URL stay.
		const before = { url: page.url(), counts: await page.getByTestId('counts').innerText() };
		await page.route('**/import.worker*', (route) => route.abort());
		await drop(page, [await fixtureText('multigraph.gexf')]);
		await expect(page.getByTestId('import-problems')).toHaveText('multigraph.gexf: the importer could not be loaded (is the server still running?): reload the page to try again');
		expect(page.url()).toBe(before.url);
		await expect(page.getByTestId('counts')).toHaveText(before.counts);
	});

	test('the import and export code loads when used; with the server gone the panels and a drop say so, and the graph stays', async ({ page }) => {
		const loaded = loadedScripts(page);
		await open(page);
		// fast-xml-parser's and Papa Parse's code (told apart by an option's name and an error code in them): not part of the
		// page until an import or export needs it.
		const readers = () => loaded('attributeNamePrefix', 'UndetectableDelimiter');
		expect(await readers()).toBe(false);
		const before = { url: page.url(), counts: await page.getByTestId('counts').innerText() };

		await page.route('**/*.js', (route) => route.abort());
		await page.getByRole('tab', { name: 'Export' }).click();
		await expect(page.getByRole('alert')).toHaveText('The Export panel could not be loaded (is the server still running?): reload the page to try again.');
		await page.getByRole('tab', { name: 'Import' }).click();
		await expect(page.getByRole('alert')).toHaveText('The Import panel could not be loaded (is the server still running?): reload the page to try again.');
		await drop(page, [await fixtureText('east-asia.json')]);
		await expect(page.getByRole('alert')).toContainText('could not be loaded');
		expect(page.url()).toBe(before.url);
		await expect(page.getByTestId('counts')).toHaveText(before.counts);

		await page.unroute('**/*.js');
		await page.reload();
		await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false');
		await page.getByRole('tab', { name: 'Import' }).click();
		await expect(page.getByTestId('import-file')).toBeAttached();
		await drop(page, [await fixtureText('east-asia.json')]);
		await expect(page).toHaveURL(/dataset=local%3A/);
		expect(await readers()).toBe(true);
	});

	test('a failing import leaves the graph as it was and says where the problem is', async ({ page }) => {
		await open(page, `${BRIEF}&kind=friction`);
		const before = { url: page.url(), counts: await page.getByTestId('counts').innerText() };
		const problems = page.getByTestId('import-problems');

		await drop(page, [await fixtureText('spreadsheet-broken-edges.csv')]);
		await expect(problems).toHaveText('spreadsheet-broken-edges.csv: line 4, column weight: must be a number, not "heavy"');

		await page.getByTestId('import-file').setInputFiles({
			name: 'entities.graphml',
			mimeType: 'application/xml',
			buffer: Buffer.from('<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">]>\n<graphml><graph><node id="&lol;"/></graph></graphml>\n')
		});
		await expect(problems).toHaveText('entities.graphml: line 2: XML with a DOCTYPE is refused (DOCTYPE and entity declarations are not allowed)');

		const dangling = JSON.parse((await fixtureText('east-asia.json')).text);
		dangling.edges[2].target = 'nowhere';
		await drop(page, [{ name: 'east-asia.json', text: JSON.stringify(dangling, null, 2) }]);
		await expect(problems).toHaveText(/^east-asia\.json: line \d+, column \d+, edges\[2\]\.target: no node with id "nowhere" in nodes\s*$/);

		await drop(page, [{ name: 'huge.json', zeroBytes: 51 * 1024 * 1024 }]);
		await expect(problems).toHaveText('huge.json: the file is 51.0 MB; files over 50 MB are refused');

		await drop(page, [await fixtureText('typed.graphml'), await fixtureText('multigraph.gexf')]);
		await expect(problems).toContainText('typed.graphml: give one file, or a CSV edge list with its nodes CSV');

		expect(page.url()).toBe(before.url);
		await expect(page.getByTestId('counts')).toHaveText(before.counts);
		await expect(page.getByTestId('imported-list')).toHaveCount(0);
	});

	test('an imported dataset survives a reload, is listed in the dataset picker, and can be renamed and deleted', async ({ page }) => {
		// The import worker keeps the dataset in IndexedDB: the page itself adds nothing to it.
		await page.addInitScript(() => {
			const add = IDBObjectStore.prototype.add;
			const counted = window as unknown as { pageAdds: number };
			counted.pageAdds = 0;
			IDBObjectStore.prototype.add = function (...args: Parameters<typeof add>) {
				counted.pageAdds++;
				return add.apply(this, args);
			};
		});
		await openPanel(page, 'Import');
		await page.getByTestId('import-file').setInputFiles(io('typed.graphml'));
		await expect(page).toHaveURL(/dataset=local%3Atyped/);
		await expect(page.getByTestId('counts')).toHaveText('4 of 4 nodes, 3 of 3 edges');
		expect(await page.evaluate(() => (window as unknown as { pageAdds: number }).pageAdds)).toBe(0);

		await page.reload();
		await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false');
		await expect(page.getByTestId('counts')).toHaveText('4 of 4 nodes, 3 of 3 edges');
		const picker = page.getByLabel('Dataset', { exact: true });
		await expect(picker).toHaveValue('local:typed');
		await expect(picker.locator('optgroup[label="Imported in this browser"] option')).toHaveText(['Typed attributes (4 nodes, 3 edges)']);

		await page.getByRole('tab', { name: 'Import' }).click();
		// The entry's name field and buttons fit the side panel: nothing in it scrolls sideways or is cut.
		const panel = page.getByTestId('imported-list').locator('xpath=ancestor::div[contains(@class, "side-body")]');
		expect(await panel.evaluate((element) => element.scrollWidth - element.clientWidth)).toBe(0);
		await page.getByLabel('New name for Typed attributes').fill('Cities of Japan and Korea');
		await page.getByRole('button', { name: 'Rename' }).click();
		await expect(page.getByTestId('import-status')).toHaveText('Renamed to “Cities of Japan and Korea”.');
		await expect(page).toHaveTitle(/^Cities of Japan and Korea/);
		await page.reload();
		await expect(picker.locator('optgroup option')).toHaveText(['Cities of Japan and Korea (4 nodes, 3 edges)']);

		await picker.selectOption('japan-korea-2014');
		await expect(page).toHaveURL(/dataset=japan-korea-2014/);
		await picker.selectOption('local:typed');
		await expect(page.getByTestId('counts')).toHaveText('4 of 4 nodes, 3 of 3 edges');

		await page.getByRole('tab', { name: 'Import' }).click();
		await page.getByRole('button', { name: 'Delete' }).click();
		await expect(page).toHaveURL(/dataset=(?!local)/);
		await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false');
		await expect(picker.locator('optgroup')).toHaveCount(0);
		await page.goto('/?dataset=local:typed');
		await expect(page.getByText(/This browser holds no imported dataset “local:typed”/)).toBeVisible();
	});
});
