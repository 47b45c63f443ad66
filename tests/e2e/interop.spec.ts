// Export as a user meets it: each image format downloads as a valid, non-blank picture of the expected size,
// and each data format downloads and reads back.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';

async function openExport(page: Page, path = '/?dataset=japan-korea-2014') {
	await page.goto(path);
	await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false');
	await page.getByRole('tab', { name: 'Export' }).click();
}

async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
	const pending = page.waitForEvent('download');
	await page.getByRole('button', { name: button }).click();
	// A failed export says why in the status line: fail with that, not with a time-out.
	const failed = page
		.getByTestId('export-status')
		.filter({ hasText: 'could not' })
		.waitFor()
		.then(async () => Promise.reject(new Error(await page.getByTestId('export-status').innerText())));
	const file = await Promise.race([pending, failed]);
	return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
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

test('PNG at 2x: named after the dataset and date, twice the SVG size, with a drawing on it', async ({ page }) => {
	await openExport(page);
	await page.getByTestId('image-format').selectOption('svg');
	const svg = await download(page, 'Download image');
	const [, width, height] = /<svg[^>]*width="(\d+)" height="(\d+)"/.exec(svg.bytes.toString('utf8'))!;

	await page.getByTestId('image-format').selectOption('png');
	await page.getByLabel('Scale').selectOption('2');
	const png = await download(page, 'Download image');
	expect(png.name).toMatch(/^japan-korea-2014_2014-06_whole\.png$/);
	const image = await decode(page, png.bytes, 'image/png');
	expect(image.width).toBe(2 * Number(width));
	expect(image.height).toBe(2 * Number(height));
	expect(image.differing / (image.width * image.height)).toBeGreaterThan(0.02);
});

test('a transparent PNG has a clear background; JPEG decodes with a solid one', async ({ page }) => {
	await openExport(page);
	await page.getByLabel('Transparent background').check();
	const png = await decode(page, (await download(page, 'Download image')).bytes, 'image/png');
	expect(png.corner[3]).toBe(0);
	expect(png.differing).toBeGreaterThan(1000);

	await page.getByTestId('image-format').selectOption('jpeg');
	const jpeg = await download(page, 'Download image');
	expect(jpeg.name.endsWith('.jpg')).toBe(true);
	const decoded = await decode(page, jpeg.bytes, 'image/jpeg');
	expect(decoded.corner[3]).toBe(255);
	expect(decoded.differing).toBeGreaterThan(1000);
});

test('SVG is vector with real text: title, node labels and the caption naming the source', async ({ page }) => {
	await openExport(page);
	await page.getByTestId('image-format').selectOption('svg');
	const svg = (await download(page, 'Download image')).bytes.toString('utf8');
	expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
	expect(svg).toContain('Japan');
	expect(svg).toContain('Source: Ando, Chou and Fujita (2014), German Marshall Fund of the United States');
	expect(svg).toMatch(/<text[^>]*>[^<]*South Korea/);
});

test('PDF is a one-page vector document of the picture size', async ({ page }) => {
	await openExport(page);
	await page.getByTestId('image-format').selectOption('pdf');
	const pdf = await download(page, 'Download image');
	expect(pdf.name.endsWith('.pdf')).toBe(true);
	const text = pdf.bytes.toString('latin1');
	expect(text.startsWith('%PDF-')).toBe(true);
	expect(text.match(/\/Type \/Page\b/g)).toHaveLength(1);
	expect(pdf.bytes.length).toBeGreaterThan(5000);
});

test('the caption and file name carry the date in force', async ({ page }) => {
	await openExport(page, '/?dataset=japan-korea-2014&date=2013-05');
	await expect(page.getByText(/Shown: .*as of 2013-05/)).toBeVisible();
	const png = await download(page, 'Download image');
	expect(png.name).toBe('japan-korea-2014_2013-05_whole.png');
});

test('data downloads: GraphML of the whole dataset and CSV of the filtered view', async ({ page, request }) => {
	const dataset: { nodes: unknown[]; edges: { kind: string }[] } = await (await request.get('/api/datasets/japan-korea-2014')).json();
	await openExport(page);
	await page.locator('select').filter({ hasText: 'GraphML' }).selectOption('graphml');
	const graphml = (await download(page, 'Download data')).bytes.toString('utf8');
	expect(graphml.match(/<node /g)).toHaveLength(dataset.nodes.length);
	expect(graphml.match(/<edge /g)).toHaveLength(dataset.edges.length);

	await page.goto('/?dataset=japan-korea-2014&kind=friction');
	await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false');
	await page.getByRole('tab', { name: 'Export' }).click();
	await page.locator('select').filter({ hasText: 'GraphML' }).selectOption('csv');
	await page.getByLabel('Content').selectOption('view');
	const files: string[] = [];
	page.on('download', (file) => files.push(file.suggestedFilename()));
	const edges = await download(page, 'Download data');
	await expect.poll(() => files.length).toBeGreaterThanOrEqual(1);
	const csv = edges.bytes.toString('utf8').trim().split('\n');
	const friction = dataset.edges.filter((edge) => edge.kind === 'friction').length;
	expect(csv[0]).toMatch(/^(id|source)/);
	expect([friction + 1, dataset.nodes.length + 1]).toContain(csv.length);
});
