// Hostile input in the page (issue 11): the page works under its Content-Security-Policy (no violation while the
// graph draws, the analysis runs in Web Workers, images and data are exported and a file is imported), cannot be
// framed, shows javascript:/data: URLs from a file as text, and survives ids named like Object.prototype's members.
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';

const hostile = (name: string) => join(import.meta.dirname, '..', 'fixtures', 'hostile', name);
const BRIEF = '/?dataset=japan-korea-2014';

/** Every CSP violation and uncaught page error from here on, for asserting there were none. */
async function watch(page: Page): Promise<() => Promise<string[]>> {
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
	page.on('console', (message) => {
		if (message.type() === 'error' && /Content.Security.Policy|Refused to/i.test(message.text())) errors.push(`console: ${message.text()}`);
	});
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { cspViolations: string[] }).cspViolations = seen;
		document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
	});
	return async () => [...errors, ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations))];
}

async function open(page: Page, path: string) {
	await page.goto(path);
	await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 });
}

async function importFile(page: Page, name: string) {
	await page.getByRole('tab', { name: 'Import' }).click();
	await page.getByTestId('import-file').setInputFiles(hostile(name));
	await expect(page).toHaveURL(/dataset=local%3A/);
	await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false');
}

test('the page sends its security headers and works under its Content-Security-Policy', async ({ page }) => {
	const problems = await watch(page);
	const response = await page.goto(BRIEF);
	const headers = response!.headers();
	expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-/);
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['x-frame-options']).toBe('DENY');
	expect(headers['referrer-policy']).toBe('no-referrer');
	await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false');

	// Table, analysis (with its CSV download), every image format and a data export, then an import.
	await page.getByRole('tab', { name: 'Table' }).click();
	await expect(page.getByTestId('nodes-table')).toBeVisible();
	await page.getByRole('tab', { name: 'Graph' }).click();
	await page.getByRole('tab', { name: 'Analysis' }).click();
	await expect(page.getByTestId('metrics-table')).toBeVisible();
	const csv = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Download CSV' }).click();
	await csv;
	await page.getByRole('tab', { name: 'Export' }).click();
	for (const format of ['png', 'svg', 'pdf']) {
		await page.getByTestId('image-format').selectOption(format);
		const picture = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Download image' }).click();
		expect((await picture).suggestedFilename()).toMatch(new RegExp(`\\.${format}$`));
	}
	await page.getByTestId('data-format').selectOption('csv');
	await page.getByRole('button', { name: 'Download data' }).click();
	await expect(page.getByTestId('export-status')).toContainText('CSV (nodes.csv and edges.csv) leaves out:');
	await expect(page.getByTestId('export-status')).toContainText(' sources; ');
	await importFile(page, 'bom.json');
	expect(await problems()).toEqual([]);
});

test('the analysis Web Workers run under the policy on a large graph', async ({ page }) => {
	const problems = await watch(page);
	await open(page, '/?dataset=synthetic-ba-1200');
	await page.getByRole('tab', { name: 'Analysis' }).click();
	await expect(page.getByTestId('metrics-table')).toBeVisible({ timeout: 60_000 });
	expect(await problems()).toEqual([]);
});

test('the page refuses to be framed by another page', async ({ page }) => {
	const problems: string[] = [];
	page.on('console', (message) => problems.push(message.text()));
	await page.setContent(`<iframe src="${new URL(BRIEF, test.info().project.use.baseURL).href}"></iframe>`);
	const frame = page.frames()[1]!;
	await expect.poll(() => problems.some((text) => /frame-ancestors|Refused to (display|frame)/.test(text))).toBe(true);
	expect(await frame.evaluate(() => document.querySelector('[data-testid="graph"]')).catch(() => null)).toBeNull();
});

test('a dataset id that URLs would resolve away, or one not listed, gets a message and not an error page', async ({ page }) => {
	for (const id of ['.', '..', '%2E', '__proto__', 'toString']) {
		const response = await page.goto(`/?dataset=${id}`);
		expect(response!.status()).toBe(200);
		await expect(page.getByRole('main')).toContainText(`No dataset with id "${decodeURIComponent(id)}"`);
	}
});

test('source URLs from a file become links only when they are http(s) or mailto', async ({ page }) => {
	const problems = await watch(page);
	await open(page, BRIEF);
	await importFile(page, 'source-urls.json');
	await page.getByRole('tab', { name: 'Table' }).click();
	await page.getByTestId('edges-table').locator('tbody').getByRole('button').first().click();
	const panel = page.getByTestId('edge-panel');
	await expect(panel.getByTestId('evidence')).toHaveCount(12);
	const hrefs = await panel.locator('.cites a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
	expect(hrefs).toEqual(['https://example.org/ok', 'http://example.org/ok', 'mailto:desk@example.org']);
	await expect(panel).toContainText('(javascript:alert(document.domain))');
	await expect(panel).toContainText('(data:text/html,<script>alert(1)</script>)');
	expect(await problems()).toEqual([]);
});

test('ids named __proto__, constructor, toString, with "|", or shared by a node and a tie, break nothing', async ({ page }) => {
	const problems = await watch(page);
	await open(page, BRIEF);
	await importFile(page, 'prototype-ids.json');
	await expect(page.getByTestId('counts')).toHaveText('9 of 9 nodes, 10 of 10 edges');
	// Laid out by fCoSE (the default): it runs on index ids, so no id reaches its per-node plain objects.
	await expect(page.getByText(/The layout failed/)).toHaveCount(0);

	await page.getByRole('tab', { name: 'Table' }).click();
	const proto = page.getByTestId('nodes-table').getByRole('row', { name: /Node __proto__/ });
	await expect(proto.getByRole('cell')).toHaveText(['__proto__', '1', '1']);
	expect(await page.evaluate(() => Object.keys(Object.prototype).concat(Object.getOwnPropertyNames(Object.prototype).filter((name) => name === 'cooperation')))).toEqual([]);

	await page.getByRole('tab', { name: 'Graph' }).click();
	await page.getByRole('tab', { name: 'Analysis' }).click();
	for (const broker of ['toString', '__proto__', 'a|b', 'constructor']) {
		await page.getByTestId('broker-select').selectOption(broker);
		await expect(page.getByTestId('broker-headline')).toContainText(`Node ${broker}`.replace('Node a|b', 'A|B'));
	}
	expect(await problems()).toEqual([]);
});

test('a name of 5,000 characters without a space is cut on the canvas and kept to its panel and its table cell, whole in their titles', async ({ page }) => {
	await open(page, BRIEF);
	const long = `${'x'.repeat(4_999)}!`;
	await page.getByRole('tab', { name: 'Import' }).click();
	await page.getByTestId('import-file').setInputFiles({ name: 'long.csv', mimeType: 'text/csv', buffer: Buffer.from(`source,target\n${long},b\nb,c\nc,${long}\n`) });
	await expect(page).toHaveURL(/dataset=local%3Along/);
	await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false');
	// The canvas draws the first 99 characters and an ellipsis, broken (at zero-width spaces) 20 characters a line:
	// about 200 px wide with its background, where the name in one line would be some 44,000 px.
	const drawn = await page.getByTestId('graph').evaluate((element, id) => {
		const cy = (element as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy;
		const node = cy.getElementById(id);
		return { label: node.data('label') as string, width: node.boundingBox({ includeLabels: true }).w };
	}, long);
	expect(drawn.label.replaceAll('\u200b', '')).toBe(`${'x'.repeat(99)}…`);
	expect(drawn.width).toBeLessThan(250);

	// The Table: the name's cell two lines high at most, the table no wider than its view.
	await page.getByRole('tab', { name: 'Table' }).click();
	const cell = page.getByTestId('nodes-table').locator(`th[title="${long}"]`);
	await expect(cell).toHaveCount(1);
	const plain = await page.getByTestId('nodes-table').locator('th[title="b"]').boundingBox();
	expect((await cell.boundingBox())!.height).toBeLessThan(plain!.height * 2.5);
	const view = page.getByTestId('table-view');
	expect(await view.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);

	// Its details: the heading breaks within the panel.
	await cell.getByRole('button').click();
	await page.getByRole('tab', { name: 'Details' }).click();
	const heading = page.getByTestId('node-panel').getByRole('heading', { level: 2 });
	await expect(heading).toHaveText(long);
	const [box, panel] = [await heading.boundingBox(), await page.getByTestId('node-panel').boundingBox()];
	expect(box!.x + box!.width).toBeLessThanOrEqual(panel!.x + panel!.width + 1);
});
