// The bridge view as a policy analyst meets it: one click from the first screen, a table and a paragraph whose figures
// open their evidence, a shareable URL, the picture. The figures themselves are held to networkx in the unit tests
// (tests/unit/analysis-bridge.test.ts); here the page must show exactly them.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { bridgeReport, bridgeStory, defaultLayer, storyText } from '../../src/lib/analysis';
import { parseDataset, type Dataset } from '../../src/lib/model';

const parsed = parseDataset(readFileSync('graph-data/japan-korea-2014.json', 'utf8'));
if (!parsed.ok) throw new Error('the brief dataset must be valid');
const brief: Dataset = parsed.dataset;
const report = bridgeReport(brief, ['japan', 'south-korea'], 'united-states', defaultLayer(brief));
const story = bridgeStory(report, brief);

async function openBridge(page: Page) {
	await page.goto('/');
	await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false');
	await page.getByTestId('open-bridge').click();
	await expect(page.getByTestId('bridge-panel')).toBeVisible();
}

test('one click on "US bridge" shows where the United States stands between Japan and South Korea, in a table and in words', async ({ page }) => {
	await openBridge(page);
	await expect(page.getByTestId('open-bridge')).toHaveText('US bridge');
	await expect(page).toHaveURL(/lens=bridge/);
	await expect(page.getByRole('tab', { name: 'Bridge' })).toHaveAttribute('aria-selected', 'true');
	await expect(page.getByTestId('bridge-bar')).toContainText('Bridge view: Japan – South Korea, broker United States, every field. Active cooperation ties as of June 2014.');
	const rows = page.getByTestId('bridge-table').locator('tbody tr');
	await expect(rows).toHaveCount(report.current.slices.length);
	const defense = report.current.slices.find((slice) => slice.domain === 'defense')!;
	await expect(rows.filter({ hasText: 'defense' }).locator('td').first()).toHaveText(
		`${defense.distance} steps; via United States: ${defense.throughBroker} of ${defense.paths} routes (${Math.round((defense.share ?? 0) * 100)}%)`
	);
	const paragraphs = page.getByTestId('bridge-story').locator('p');
	await expect(paragraphs).toHaveCount(story.paragraphs.length);
	for (const [i, paragraph] of story.paragraphs.entries()) await expect(paragraphs.nth(i)).toHaveText(storyText(paragraph));
	// Honest where the United States is not the bridge:
	await expect(paragraphs.first()).toContainText("on this layer's shortest paths the United States does not stand between them");
});

test('the picture shows the pair, the broker and their shared forums, everything else dimmed, and follows the field', async ({ page }) => {
	await openBridge(page);
	const dimmed = () =>
		page.getByTestId('graph').evaluate((element) => {
			const cy = (element as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy;
			return { lit: cy.nodes('.highlighted').map((n) => n.id()).sort(), dimmed: cy.nodes('.dimmed').map((n) => n.id()).sort() };
		});
	const expected = (field: string | null) => {
		const slice = report.current.slices.find((s) => s.domain === field)!;
		return ['japan', 'south-korea', 'united-states', ...slice.forums.map((forum) => forum.id)].sort();
	};
	await expect.poll(async () => (await dimmed()).lit).toEqual(expected(null));
	const { dimmed: outside } = await dimmed();
	expect(outside).toEqual(brief.nodes.map((node) => node.id).filter((id) => !expected(null).includes(id)).sort());
	await page.getByTestId('bridge-field').selectOption('defense');
	await expect.poll(async () => (await dimmed()).lit).toEqual(expected('defense'));
	await page.getByTestId('bridge-leave').click();
	await expect.poll(async () => (await dimmed()).dimmed).toEqual([]);
});

test('every figure in the paragraph opens the evidence of the ties behind it', async ({ page }) => {
	await openBridge(page);
	const figure = story.paragraphs[0]!.find((part) => typeof part !== 'string' && part.text.includes('runs through') === false && /\(\d+%\)/.test(part.text));
	if (!figure || typeof figure === 'string') throw new Error('the brief’s paragraph gives a share of routes through the United States');
	await page.getByTestId('bridge-story').getByRole('button', { name: figure.text, exact: true }).first().click();
	const evidence = page.getByTestId('figure-evidence');
	await expect(evidence).toBeVisible();
	await expect(evidence.locator('li')).toHaveCount(figure.edges.length);
	const first = brief.edges.find((edge) => edge.id === figure.edges[0])!;
	await expect(evidence.locator('blockquote').first()).toContainText(first.evidence[0]!.quote.slice(0, 40));
	await evidence.getByRole('button', { name: first.label ?? first.id }).click();
	await expect(page.getByTestId('edge-panel')).toBeVisible();
	// The picture stays in the bridge view while the evidence is read.
	await expect(page.getByTestId('bridge-bar')).toBeVisible();
});

test('the bridge view is a link: reloading it, or opening it in a new page, gives the same view with the proposals and a field', async ({ page, context }) => {
	await openBridge(page);
	await page.getByTestId('bridge-with-proposals').check();
	await page.getByTestId('bridge-field').selectOption('defense');
	await expect(page).toHaveURL(/layer\.status=active%2Cproposed/);
	await expect(page).toHaveURL(/bridge\.field=defense/);
	await expect(page.getByTestId('bridge-bar')).toContainText("Bridge view: Japan – South Korea, broker United States, defense. Active cooperation ties as of June 2014, with the brief's proposals.");
	const shared = await context.newPage();
	await shared.goto(page.url());
	await expect(shared.getByTestId('bridge-panel')).toBeVisible();
	await expect(shared.getByTestId('bridge-field')).toHaveValue('defense');
	await expect(shared.getByTestId('bridge-with-proposals')).toBeChecked();
	await expect(shared.getByTestId('bridge-story')).toHaveText((await page.getByTestId('bridge-story').textContent()) ?? '');
	await shared.getByTestId('bridge-leave').click();
	await expect(shared).not.toHaveURL(/lens=bridge/);
	await expect(shared.getByTestId('bridge-bar')).toHaveCount(0);
});

test('one click saves the bridge view as a PNG in light colours, twice the size, named for the view, its caption naming the view and the layer', async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'dark' });
	await openBridge(page);
	await page.getByTestId('bridge-field').selectOption('defense');
	const pending = page.waitForEvent('download');
	await page.getByTestId('bridge-export').click();
	const file = await pending;
	expect(file.suggestedFilename()).toBe('japan-korea-2014_2014-06_whole_bridge.png');
	await expect(page.getByTestId('bridge-export-status')).toHaveText('Saved japan-korea-2014_2014-06_whole_bridge.png.');
	const path = test.info().outputPath(file.suggestedFilename());
	await file.saveAs(path);
	const bytes = [...readFileSync(path)];
	const image = await page.evaluate(async (data) => {
		const bitmap = await createImageBitmap(new Blob([new Uint8Array(data)], { type: 'image/png' }));
		const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
		const context = canvas.getContext('2d')!;
		context.drawImage(bitmap, 0, 0);
		const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
		let inked = 0;
		for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! + pixels[i + 1]! + pixels[i + 2]! < 600) inked++;
		return { width: bitmap.width, height: bitmap.height, corner: [...pixels.slice(0, 4)], inked };
	}, bytes);
	// light colours on a dark screen: a white, opaque background with a drawing on it
	expect(image.corner).toEqual([255, 255, 255, 255]);
	expect(image.inked).toBeGreaterThan(5000);
	const graph = (await page.getByTestId('graph').boundingBox())!;
	expect(image.width).toBeGreaterThanOrEqual(Math.floor(graph.width) * 2);
	// the caption it carries is the one the Export panel shows for this view
	await page.getByRole('tab', { name: 'Export' }).click();
	const caption = page.getByTestId('export-caption');
	await expect(caption).toContainText('Bridge view: Japan – South Korea, broker United States, defense.');
	await expect(caption).toContainText('Analysis layer: Active cooperation ties as of June 2014');
});

test("beside the figures, the brief's proposals with the role it gives the United States, for the field in the picture", async ({ page }) => {
	await openBridge(page);
	const proposals = page.getByTestId('bridge-proposals');
	const withRole = (brief.measures ?? []).filter((measure) => measure.usRole);
	await expect(proposals.locator('summary')).toContainText(`(${withRole.length})`);
	await proposals.locator('summary').click();
	await expect(proposals.locator('li')).toHaveCount(withRole.length);
	await page.getByTestId('bridge-field').selectOption('defense');
	const defense = withRole.filter((measure) => measure.domain === 'defense');
	await expect(proposals.locator('summary')).toContainText(`What the brief proposes in defense, and the role it gives the United States (${defense.length})`);
	await expect(proposals.locator('li')).toHaveCount(defense.length);
	for (const [i, measure] of defense.entries()) await expect(proposals.locator('li').nth(i)).toContainText(measure.usRole!);
});

test('another pair or broker gives that bridge, and a pair the broker belongs to is refused in words', async ({ page }) => {
	await openBridge(page);
	await page.getByTestId('bridge-b').selectOption('china');
	await expect(page).toHaveURL(/bridge\.b=china/);
	const other = bridgeStory(bridgeReport(brief, ['japan', 'china'], 'united-states', defaultLayer(brief)), brief);
	await expect(page.getByTestId('bridge-story').locator('p').first()).toHaveText(storyText(other.paragraphs[0]!));
	await page.getByTestId('bridge-broker').selectOption('china');
	await expect(page.getByTestId('bridge-panel')).toContainText('Choose two nodes and a broker, three different ones');
});

test('the glossary opens from a term by keyboard, at its entry, and gives focus back on Escape', async ({ page }) => {
	await openBridge(page);
	const what = page.getByRole('button', { name: 'What is “Share of shortest routes”?' });
	await what.focus();
	await page.keyboard.press('Enter');
	const dialog = page.getByRole('dialog', { name: 'Glossary' });
	await expect(dialog).toBeVisible();
	await expect(dialog.locator('#glossary-route-share')).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(what).toBeFocused();
});

for (const theme of ['light', 'dark'] as const) {
	test(`the bridge panel and the glossary have no serious accessibility violations in the ${theme} theme`, async ({ page }) => {
		await page.emulateMedia({ colorScheme: theme });
		await openBridge(page);
		const serious = async (selector: string) =>
			(await new AxeBuilder({ page }).include(selector).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
		expect(await serious('[data-testid="bridge-panel"]')).toEqual([]);
		await page.getByRole('button', { name: 'Glossary' }).click();
		expect(await serious('dialog')).toEqual([]);
	});
}

test('on a network of more than a thousand nodes the Bridge tab says the view is left out, without node lists to hold the page', async ({ page }) => {
	await page.goto('/?dataset=synthetic-ba-1200');
	await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
	await page.getByRole('tab', { name: 'Bridge' }).click();
	await expect(page.getByTestId('bridge-left-out')).toHaveText('With 1,200 nodes the bridge view is left out here; npm run analyze gives the broker report for any file.');
	await expect(page.getByTestId('bridge-panel').getByRole('combobox')).toHaveCount(0);
});
