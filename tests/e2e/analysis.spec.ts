// The analysis panel as a user meets it. Expected values come from GET /api/analysis/{id}, which runs the same
// pure functions the unit tests hold to networkx; here we check the page shows and uses them.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { brokerReport, compareScenarios, currentTies, defaultLayer, describePath, METRICS, shortestPath, withProposals } from '../../src/lib/analysis';
import { count } from '../../src/lib/analysis/format';
import { readCsv } from '../../src/lib/io/csv';
import { parseDataset } from '../../src/lib/model';

const DATASET = 'japan-korea-2014';

interface Analysis {
	description: string;
	nodes: Record<string, Record<string, number | null>>;
	broker: { headline: string; bridged: { top: unknown[] }; highlight: { nodes: string[]; edgeIds: string[] } };
	balance: { total: number; balanced: number; unbalanced: number; unbalancedTriangles: { nodes: string[] }[] };
}

async function openAnalysis(page: Page) {
	await page.goto(`/?dataset=${DATASET}`);
	await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false');
	await page.getByRole('tab', { name: 'Analysis' }).click();
	await expect(page.getByTestId('metrics-table')).toBeVisible();
}

/** Classes of a node, or of the curve drawing a tie (its pair's summary curve by default). */
async function classesOf(page: Page, id: string): Promise<string[]> {
	return page.getByTestId('graph').evaluate((element, elementId) => {
		const cy = (element as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy;
		const edge = cy.edges().filter((e) => ((e.data('ties') as string[] | undefined) ?? []).includes(elementId));
		return (edge.nonempty() ? edge.first() : cy.getElementById(elementId)).classes();
	}, id);
}

test('the metrics table lists every node, sorts by a column, and downloads as CSV', async ({ page, request }) => {
	const analysis: Analysis = await (await request.get(`/api/analysis/${DATASET}`)).json();
	await openAnalysis(page);
	const rows = page.getByTestId('metrics-table').locator('tbody tr');
	await expect(rows).toHaveCount(Object.keys(analysis.nodes).length);

	const byBetweenness = Object.entries(analysis.nodes).sort(([a, x], [b, y]) => (y.betweenness ?? 0) - (x.betweenness ?? 0) || a.localeCompare(b));
	await expect(rows.first()).toHaveAttribute('data-id', byBetweenness[0]![0]);
	const table = page.getByTestId('metrics-table');
	await expect(table.getByRole('columnheader', { name: 'Betweenness' })).toHaveAttribute('aria-sort', 'descending');
	await table.getByRole('button', { name: 'Betweenness', exact: true }).click();
	await expect(table.getByRole('columnheader', { name: 'Betweenness' })).toHaveAttribute('aria-sort', 'ascending');
	const ascending = Object.entries(analysis.nodes).sort(([a, x], [b, y]) => (x.betweenness ?? 0) - (y.betweenness ?? 0) || a.localeCompare(b));
	await expect(rows.first()).toHaveAttribute('data-id', ascending[0]![0]);

	// The CSV is made when the link is about to be used: a right-click (to save it elsewhere) or focus already finds it.
	const csvLink = page.getByRole('link', { name: 'Download CSV' });
	await expect(csvLink).not.toHaveAttribute('href', /^blob:/);
	await csvLink.click({ button: 'right' });
	await expect(csvLink).toHaveAttribute('href', /^blob:/);
	await page.keyboard.press('Escape');
	const download = page.waitForEvent('download');
	await csvLink.click();
	const file = await download;
	expect(file.suggestedFilename()).toBe(`${DATASET}_metrics.csv`);
	const lines = (await (await import('node:fs/promises')).readFile((await file.path())!, 'utf8')).trim().split('\n');
	expect(lines[0]).toMatch(/^id,.*betweenness/);
	expect(lines).toHaveLength(Object.keys(analysis.nodes).length + 1);
});

test('sizing nodes by a metric makes the most central node the largest', async ({ page, request }) => {
	const analysis: Analysis = await (await request.get(`/api/analysis/${DATASET}`)).json();
	const ranked = Object.entries(analysis.nodes).sort(([, x], [, y]) => (y.pagerank ?? 0) - (x.pagerank ?? 0));
	await openAnalysis(page);
	await page.getByLabel('Size nodes by').selectOption('metric:pagerank');
	const widthOf = (id: string) =>
		page.getByTestId('graph').evaluate((element, nodeId) => {
			const cy = (element as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy;
			return cy.getElementById(nodeId).width();
		}, id);
	await expect.poll(() => widthOf(ranked[0]![0])).toBe(60);
	expect(await widthOf(ranked.at(-1)![0])).toBe(18);
});

test('the broker report states its headline in words and highlights the broker and the ties through which it bridges', async ({ page, request }) => {
	const analysis: Analysis = await (await request.get(`/api/analysis/${DATASET}`)).json();
	await openAnalysis(page);
	await expect(page.getByTestId('broker-headline')).toHaveText(analysis.broker.headline);
	await expect(page.getByTestId('broker-ranks').locator('tbody tr')).toHaveCount(METRICS.length);
	await page.getByText("Brokerage roles (by the nodes' groups)").click();
	await expect(page.getByTestId('broker-roles').getByRole('rowheader')).toHaveText([/^coordinator: /, /^itinerant: /, /^gatekeeper: /, /^representative: /, /^liaison: /, 'total']);
	await expect(page.getByTestId('broker-headline')).toContainText('On active cooperation ties as of June 2014: United States lies on');
	await page.getByRole('button', { name: 'Highlight United States and the ties through which it bridges' }).click();
	await expect(page).toHaveURL(/hl=broker/);
	await expect.poll(() => classesOf(page, 'united-states')).toEqual(expect.arrayContaining(['highlighted', 'highlight-centre']));
	expect(await classesOf(page, analysis.broker.highlight.edgeIds[0]!)).toContain('highlighted');
	await page.getByRole('button', { name: 'Highlight United States and the ties through which it bridges' }).click();
	await expect.poll(() => classesOf(page, 'united-states')).not.toContain('highlighted');
});

test('another broker or another layer gives that report, and the highlight follows it', async ({ page, request }) => {
	const japan: Analysis = await (await request.get(`/api/analysis/${DATASET}?broker=japan`)).json();
	const allTies: Analysis = await (await request.get(`/api/analysis/${DATASET}?broker=japan&kind=all`)).json();
	await openAnalysis(page);
	await page.getByRole('button', { name: 'Highlight United States and the ties through which it bridges' }).click();
	await page.getByTestId('broker-select').selectOption('japan');
	await expect(page.getByTestId('broker-headline')).toHaveText(japan.broker.headline);
	await expect.poll(() => classesOf(page, 'japan')).toContain('highlight-centre');
	expect(await classesOf(page, 'united-states')).not.toContain('highlight-centre');
	await page.getByTestId('layer-kind').selectOption('all');
	await expect(page).toHaveURL(/layer\.kind=all/);
	await expect(page.getByTestId('layer-sentence')).toHaveText('Active ties of both kinds (cooperation and friction) as of June 2014.');
	// The method says the brief's directed ties (the United States' facilitation of talks, threats) join both ways, as analyze does.
	const projection = page.getByTestId('projection-sentence');
	await expect(projection).toHaveText(/^Parallel ties between two nodes count once;.* Direction is set aside: the \d+ directed ties join their ends both ways\.$/);
	expect(allTies.description.endsWith(` ${await projection.innerText()}`)).toBe(true);
	await expect(page.getByTestId('broker-headline')).toHaveText(allTies.broker.headline);
	await expect(page.getByTestId('bridged-pairs').locator('li')).toHaveCount(allTies.broker.bridged.top.length);
});

test('structural balance shows the counts and highlights an unbalanced triad', async ({ page, request }) => {
	const analysis: Analysis = await (await request.get(`/api/analysis/${DATASET}`)).json();
	const { balance } = analysis;
	await openAnalysis(page);
	await expect(page.getByTestId('balance-summary')).toContainText(
		`${count(balance.total, 'triangle')} of three nodes tied to each other on the layer (both kinds of tie): ${balance.balanced.toLocaleString('en')} balanced, ${balance.unbalanced.toLocaleString('en')} unbalanced`
	);
	await page.getByText(/^Unbalanced triads/).click();
	await expect(page.getByTestId('unbalanced-list').locator('li')).toHaveCount(balance.unbalancedTriangles.length);
	await page.getByTestId('unbalanced-list').locator('li').first().getByRole('button').first().click();
	for (const id of balance.unbalancedTriangles[0]!.nodes) expect(await classesOf(page, id)).toContain('highlighted');
});

test('a shortest path between two nodes lists its ties, and a tie opens its evidence', async ({ page }) => {
	await openAnalysis(page);
	await page.getByTestId('path-from').selectOption('mongolia');
	await page.getByTestId('path-to').selectOption('china');
	const result = page.getByTestId('path-result');
	await expect(result).toContainText('Mongolia → ');
	await expect(result).toContainText('→ China');
	// The same path from the analysis code, on the brief's default layer.
	const parsed = parseDataset(readFileSync('graph-data/japan-korea-2014.json', 'utf8'), { curated: true });
	if (!parsed.ok) throw new Error('the brief must load');
	const path = shortestPath(parsed.dataset, 'mongolia', 'china', defaultLayer(parsed.dataset));
	if (!path.found) throw new Error('Mongolia and China are connected on the default layer');
	const names = new Map(parsed.dataset.nodes.map((node) => [node.id, node.label]));
	await expect(result.locator('p')).toHaveText(`${path.nodes.map((id) => names.get(id)).join(' → ')}: ${describePath(path, false)} on the layer. Highlight`);
	await result.getByRole('button', { name: 'Highlight' }).click();
	expect(await classesOf(page, 'mongolia')).toContain('highlighted');
	await result.locator('li').first().getByRole('button').first().click();
	await expect(page.getByRole('tab', { name: 'Details' })).toHaveAttribute('aria-selected', 'true');
	await expect(page.locator('blockquote').first()).toBeVisible();
	// The path stays lit while the evidence is read.
	expect(await classesOf(page, 'mongolia')).toContain('highlighted');
});

test('the scenario comparison gives a headline and a row per node', async ({ page, request }) => {
	const analysis: Analysis = await (await request.get(`/api/analysis/${DATASET}`)).json();
	await openAnalysis(page);
	await expect(page.getByTestId('scenario-headline')).toContainText(/betweenness goes from [\d.]+ to [\d.]+; Japan and South Korea/);
	await expect(page.getByTestId('scenario-table').locator('tbody tr')).toHaveCount(Object.keys(analysis.nodes).length);
});

test('a custom scenario adds the chosen measures one by one, with its headline, sorted table and added ties', async ({ page }) => {
	const parsed = parseDataset(readFileSync('graph-data/japan-korea-2014.json', 'utf8'), { curated: true });
	if (!parsed.ok) throw new Error('the brief dataset must be valid');
	const dataset = parsed.dataset;
	const layer = defaultLayer(dataset);
	const expected = (measures: string[]) =>
		compareScenarios(dataset, currentTies(layer), withProposals(layer, measures), { broker: 'united-states', pair: ['japan', 'south-korea'], sortBy: 'closeness' });
	await openAnalysis(page);
	await page.getByLabel('the measures chosen below').check();
	await expect(page.getByTestId('scenario-headline')).toHaveText(expected([]).headline);
	await expect(page.getByRole('button', { name: 'Highlight the 0 ties it adds' })).toBeDisabled();

	const measures = page.getByTestId('scenario-measures');
	const gsomia = dataset.measures!.find((measure) => measure.id === 'conclude-gsomia')!;
	await measures.getByLabel(gsomia.title).check();
	await expect(page.getByTestId('scenario-headline')).toHaveText(expected(['conclude-gsomia']).headline);
	const resume = dataset.measures!.find((measure) => measure.id === 'resume-six-party-talks')!;
	await measures.getByLabel(resume.title).check();
	await page.getByTestId('scenario-metric').selectOption('closeness');
	const comparison = expected(['conclude-gsomia', 'resume-six-party-talks']);
	await expect(page.getByTestId('scenario-headline')).toHaveText(comparison.headline);
	const rows = page.getByTestId('scenario-table').locator('tbody tr');
	await expect(rows.first()).toHaveAttribute('data-id', comparison.rows[0]!.id);
	await expect(rows).toHaveCount(comparison.rows.length);

	const added = dataset.edges.filter(
		(edge) => edge.kind === 'cooperation' && edge.status === 'proposed' && ['conclude-gsomia', 'resume-six-party-talks'].includes(edge.measure ?? '')
	);
	await page.getByRole('button', { name: `Highlight the ${added.length} ties it adds` }).click();
	for (const edge of added) await expect.poll(() => classesOf(page, edge.id)).toContain('highlighted');
});

test('communities colour the nodes, what-if lists every change, and concentric rings follow the metric', async ({ page }) => {
	await openAnalysis(page);
	await page.getByTestId('colour-by').selectOption('community');
	await expect(page.getByTestId('community-summary')).toContainText(/\d+ communities, modularity\?? 0\.\d+/);
	const colourOf = (id: string) =>
		page.getByTestId('graph').evaluate((element, nodeId) => {
			const cy = (element as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy;
			return cy.getElementById(nodeId).data('colour') as string | undefined;
		}, id);
	await expect.poll(() => colourOf('japan')).toMatch(/^#[0-9A-F]{6}$/i);
	await page.getByTestId('colour-by').selectOption('');
	await expect.poll(() => colourOf('japan')).toBeUndefined();

	await page.getByTestId('whatif-node').selectOption('united-states');
	const rows = page.getByTestId('whatif-table').locator('tbody tr');
	await expect(rows.filter({ hasText: 'removed' })).toHaveCount(1);
	await expect(page.getByTestId('whatif-table').locator('tbody tr[data-id="united-states"]')).toContainText('removed');
	await expect(page.getByTestId('whatif-table').locator('thead th')).toHaveCount(4 + METRICS.length - 1);

	await page.getByLabel('Size nodes by').selectOption('metric:betweenness');
	await page.getByLabel('Layout').selectOption('concentric');
	await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false');
	const distance = (id: string) =>
		page.getByTestId('graph').evaluate((element, nodeId) => {
			const cy = (element as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy;
			const centre = cy.nodes(':visible').boundingBox();
			const at = cy.getElementById(nodeId).position();
			return Math.hypot(at.x - (centre.x1 + centre.x2) / 2, at.y - (centre.y1 + centre.y2) / 2);
		}, id);
	// Highest betweenness sits in the innermost ring, a node with none on the outside.
	await expect.poll(async () => (await distance('japan')) < (await distance('mongolia'))).toBe(true);
});

test('what-if takes out several nodes and ties, lights them up, and puts them back', async ({ page }) => {
	await openAnalysis(page);
	await page.getByTestId('whatif-node').selectOption('china');
	await page.getByTestId('whatif-node').selectOption('mongolia');
	await page.getByTestId('whatif-edge').selectOption('japan--south-korea--six-party-positions');
	const removed = page.getByTestId('whatif-removed').locator('li');
	await expect(removed).toHaveCount(3);
	await expect(page.getByTestId('whatif-table').locator('caption')).toContainText('Without China, Mongolia, Japan – South Korea');
	await expect(page.getByTestId('whatif-table').locator('tbody tr').filter({ hasText: 'removed' })).toHaveCount(2);
	await page.getByRole('button', { name: 'Highlight what is taken out' }).click();
	await expect.poll(() => classesOf(page, 'japan--south-korea--six-party-positions')).toContain('highlighted');
	await expect.poll(() => classesOf(page, 'mongolia')).toContain('highlighted');
	await page.getByRole('button', { name: 'put back Mongolia' }).click();
	await expect(removed).toHaveCount(2);
	await expect.poll(() => classesOf(page, 'mongolia')).not.toContain('highlighted');
	await page.getByTestId('whatif-metric').selectOption('degree');
	await expect(page.getByTestId('whatif-table').locator('thead th').nth(1)).toHaveText('Degree before');
});

test('the open analysis panel, every section filled in, has no serious accessibility violations', async ({ page }) => {
	await openAnalysis(page);
	await page.getByTestId('path-from').selectOption('mongolia');
	await page.getByTestId('path-to').selectOption('china');
	await page.getByTestId('whatif-node').selectOption('china');
	await page.getByLabel('the measures chosen below').check();
	for (const summary of await page.locator('[aria-label="Analysis"] summary').all()) await summary.click();
	await expect(page.getByTestId('whatif-table')).toBeVisible();
	const results = await new AxeBuilder({ page }).include('[aria-label="Analysis"]').analyze();
	expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('on a large graph the metrics, then every report, are computed in Web Workers with a progress bar', async ({ page, request }) => {
	test.setTimeout(240_000);
	const dataset: { nodes: unknown[]; edges: unknown[] } = await (await request.get('/api/datasets/synthetic-ba-1200')).json();
	await page.goto('/?dataset=synthetic-ba-1200');
	await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
	// The progress bar may come and go quickly: record that it appeared, and what it said.
	await page.evaluate(() => {
		const seen: string[] = [];
		(window as unknown as { progressSeen: string[] }).progressSeen = seen;
		new MutationObserver(() => {
			const bar = document.querySelector('[data-testid="analysis-progress"] progress');
			if (bar) seen.push(`${bar.getAttribute('value')}/${bar.getAttribute('max')}`);
		}).observe(document.body, { subtree: true, childList: true, attributes: true });
	});
	await page.getByRole('tab', { name: 'Analysis' }).click();
	// The table shows its first 200 rows, by betweenness, and more on request; its CSV has them all.
	const rows = page.getByTestId('metrics-table').locator('tbody tr');
	await expect(rows).toHaveCount(200, { timeout: 30_000 });
	const more = page.getByTestId('more-rows').first();
	await expect(more).toContainText(`The first 200 of ${dataset.nodes.length.toLocaleString('en')} nodes, by betweenness, highest first.`);
	await more.getByRole('button', { name: 'Show 200 more' }).click();
	await expect(rows).toHaveCount(400);
	await page.getByTestId('metrics-table').getByRole('button', { name: 'Node', exact: true }).click();
	await expect(more).toContainText(`The first 400 of ${dataset.nodes.length.toLocaleString('en')} nodes, by name, A to Z.`);
	const names = await rows.locator('th').allInnerTexts();
	expect(names).toEqual([...names].sort(new Intl.Collator().compare));
	const download = page.waitForEvent('download');
	await page.getByTestId('metrics-table').getByRole('link', { name: 'Download CSV' }).click();
	const csv = readFileSync((await (await download).path())!, 'utf8');
	expect(csv.trim().split('\n')).toHaveLength(dataset.nodes.length + 1);
	await expect(page.getByTestId('analysis-progress')).toHaveCount(0);
	const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
	expect(seen[0]).toBe(`0/${dataset.nodes.length}`);
	await expect(page.getByTestId('large-note')).toContainText(`With ${count(dataset.nodes.length, 'node')} and ${count(dataset.edges.length, 'tie')} the reports`);
	// Then the reports that cost nodes × ties, in the background, each as it is ready, the same as the API gives.
	const analysis: Analysis = await (await request.get('/api/analysis/synthetic-ba-1200')).json();
	await expect(page.getByTestId('broker-headline')).toHaveText(analysis.broker.headline, { timeout: 60_000 });
	await expect(page.getByTestId('balance-summary')).toContainText(`${count(analysis.balance.total, 'triangle')} of three nodes`, { timeout: 30_000 });
	await expect(page.getByTestId('report-progress')).toHaveCount(0, { timeout: 30_000 });
	await page.getByTestId('whatif-node').selectOption({ index: 1 });
	await expect(page.getByTestId('whatif-table').locator('tbody tr')).toHaveCount(200, { timeout: 60_000 });
	await expect(page.getByTestId('more-rows').last()).toContainText(`The first 200 of ${dataset.nodes.length.toLocaleString('en')} nodes, largest change of betweenness first.`);
});

/** Opens the analysis panel on a 1,200-node network with the workers' script held back; returns what lets it load. */
async function openLargeAnalysisHeld(page: Page): Promise<() => void> {
	let release: () => void = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route(/analysis\.worker/, async (route) => {
		await held;
		await route.continue();
	});
	await page.goto('/?dataset=synthetic-ba-1200');
	await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
	await page.getByRole('tab', { name: 'Analysis' }).click();
	return release;
}

test('on a large graph the background computation can be cancelled and run again', async ({ page, request }) => {
	const dataset: { nodes: unknown[] } = await (await request.get('/api/datasets/synthetic-ba-1200')).json();
	// Hold the workers' script back so the computation is still under way when Cancel is pressed.
	const release = await openLargeAnalysisHeld(page);
	const progress = page.getByTestId('analysis-progress');
	await expect(progress.getByRole('progressbar')).toHaveAttribute('max', String(dataset.nodes.length));
	await progress.getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByRole('alert')).toHaveText('Cancelled: the metrics of this layer were not computed.');
	await expect(progress).toHaveCount(0);
	await expect(page.getByTestId('metrics-table')).toHaveCount(0);
	// Closing the panel and opening it again does not start them behind the user's back.
	await page.getByRole('tab', { name: 'Details' }).click();
	await page.getByRole('tab', { name: 'Analysis' }).click();
	await expect(page.getByRole('alert')).toHaveText('Cancelled: the metrics of this layer were not computed.');
	await expect(progress).toHaveCount(0);

	release();
	await page.getByRole('button', { name: 'Compute again' }).click();
	await expect(page.getByTestId('metrics-table').locator('tbody tr')).toHaveCount(200, { timeout: 30_000 });
	await expect(page.getByRole('alert')).toHaveCount(0);
	await page.getByTestId('layer-kind').selectOption('all');
	await expect(progress).toBeVisible();
	await progress.getByRole('button', { name: 'Cancel' }).click();
	await page.getByTestId('layer-kind').selectOption('cooperation');
	await expect(page.getByTestId('metrics-table').locator('tbody tr')).toHaveCount(200, { timeout: 30_000 });
	await expect(page.getByTestId('more-rows').first()).toContainText(`of ${dataset.nodes.length.toLocaleString('en')} nodes`);
	await expect(page.getByRole('alert')).toHaveCount(0);
});

test('on a large graph the metrics and reports, once started, run on while the panel is closed and are not computed again', async ({ page }) => {
	test.setTimeout(180_000);
	// Count the analysis workers the page starts and ends, and every progress bar shown.
	await page.addInitScript(() => {
		const seen = { started: 0, ended: 0, metricsBar: 0, reportsBar: 0 };
		(window as unknown as { seen: typeof seen }).seen = seen;
		const Original = window.Worker;
		window.Worker = class extends Original {
			readonly analysis: boolean;
			constructor(url: string | URL, options?: WorkerOptions) {
				super(url, options);
				this.analysis = String(url).includes('analysis');
				if (this.analysis) seen.started++;
			}
			terminate() {
				if (this.analysis) seen.ended++;
				super.terminate();
			}
		};
		addEventListener('DOMContentLoaded', () =>
			new MutationObserver(() => {
				if (document.querySelector('[data-testid="analysis-progress"]')) seen.metricsBar++;
				if (document.querySelector('[data-testid="report-progress"]')) seen.reportsBar++;
			}).observe(document.body, { subtree: true, childList: true })
		);
	});
	const seen = () => page.evaluate(() => (window as unknown as { seen: { started: number; ended: number; metricsBar: number; reportsBar: number } }).seen);
	// Hold the workers' script back so the metrics are still under way when the panel closes.
	const release = await openLargeAnalysisHeld(page);
	await expect(page.getByTestId('analysis-progress')).toBeVisible();
	const metricsWorkers = (await seen()).started;
	expect(metricsWorkers).toBeGreaterThan(0);
	// Away to the details while they are under way: the workers are not stopped, and finish.
	await page.getByRole('tab', { name: 'Details' }).click();
	await page.waitForTimeout(300);
	expect((await seen()).ended).toBe(0);
	release();
	await expect.poll(async () => (await seen()).ended, { timeout: 60_000 }).toBe(metricsWorkers);
	// Back: the metrics are there at once, with no progress bar, and no worker started again for them.
	const metricsBar = (await seen()).metricsBar;
	await page.getByRole('tab', { name: 'Analysis' }).click();
	await expect(page.getByTestId('metrics-table').locator('tbody tr')).toHaveCount(200);
	// The reports follow in the background.
	await expect(page.getByTestId('broker-headline')).toBeVisible({ timeout: 60_000 });
	await expect(page.getByTestId('report-progress')).toHaveCount(0, { timeout: 60_000 });
	const after = await seen();
	expect(after.metricsBar).toBe(metricsBar);
	expect(after.started).toBeGreaterThan(metricsWorkers);
	// Back and forth once all is in: nothing is computed again.
	await page.getByRole('tab', { name: 'Details' }).click();
	await page.getByRole('tab', { name: 'Analysis' }).click();
	await expect(page.getByTestId('metrics-table').locator('tbody tr')).toHaveCount(200);
	await expect(page.getByTestId('broker-headline')).toBeVisible();
	await page.waitForTimeout(500);
	const last = await seen();
	expect(last.started).toBe(after.started);
	expect([last.metricsBar, last.reportsBar]).toEqual([after.metricsBar, after.reportsBar]);
});

test('on a chain of 1,100 nodes eigenvector is blank, with the reason, and every other measure and report still comes', async ({ page }) => {
	test.setTimeout(120_000);
	await page.goto(`/?dataset=${DATASET}`);
	await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false');
	await page.getByRole('tab', { name: 'Import' }).click();
	const ties = Array.from({ length: 1099 }, (_, i) => `p${i},p${i + 1}`).join('\n');
	const csv = `source,target\n${ties}\n`;
	await page.getByTestId('import-file').setInputFiles({ name: 'chain.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
	await expect(page).toHaveURL(/dataset=local%3Achain/, { timeout: 30_000 });
	await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 });
	await page.getByRole('tab', { name: 'Analysis' }).click();
	await expect(page.getByTestId('metrics-table').locator('tbody tr')).toHaveCount(200, { timeout: 60_000 });
	await expect(page.getByTestId('blank-metric')).toHaveText(/^Eigenvector is blank: its power iteration \(networkx’s method\) did not settle within 10,000 rounds; .*\.$/);
	// The middle of the chain carries the most shortest paths, and leads the table; its eigenvector cell is empty.
	const first = page.getByTestId('metrics-table').locator('tbody tr').first();
	await expect(first.locator('th')).toHaveText('p549');
	const eigenvector = METRICS.findIndex((metric) => metric.id === 'eigenvector');
	await expect(first.locator('td').nth(eigenvector)).toHaveText('—');
	// The default broker, the middle of the chain, is not the node of highest degree the searches start out carrying:
	// its report, from sums gathered in pieces, is the one computed on the page's thread from scratch.
	const read = readCsv([{ name: 'chain.csv', text: csv }]);
	if (!read.ok) throw new Error('the chain must read');
	await expect(page.getByTestId('broker-headline')).toHaveText(brokerReport(read.dataset, 'p549', defaultLayer(read.dataset)).headline, { timeout: 60_000 });
	await expect(page.getByTestId('balance-summary')).toBeVisible({ timeout: 30_000 });
	await expect(page.getByTestId('report-progress')).toHaveCount(0, { timeout: 30_000 });
	await expect(page.getByRole('alert')).toHaveCount(0);
	// Sized by eigenvector, the nodes keep their default size, and the page says why.
	await page.getByTestId('size-by').selectOption({ label: 'Eigenvector' });
	await expect(page.getByTestId('appearance').getByRole('status')).toContainText('Size: Eigenvector is blank on this layer (its power iteration');
});

test('a dense network of few nodes has its metrics and reports computed in Web Workers too, and its ranks say they are shared', async ({ page }) => {
	test.setTimeout(120_000);
	await page.goto(`/?dataset=${DATASET}`);
	await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false');
	// 110 nodes each tied to every other: 5,995 ties, 215,820 triangles; every node alike. And two ties from a node to
	// itself, which the method says it leaves out and which change nothing.
	const ids = Array.from({ length: 110 }, (_, i) => `m${i}`);
	const csv = `source,target\n${ids.flatMap((a, i) => ids.slice(i + 1).map((b) => `${a},${b}`)).join('\n')}\nm0,m0\nm1,m1\n`;
	await page.getByRole('tab', { name: 'Import' }).click();
	await page.getByTestId('import-file').setInputFiles({ name: 'dense.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
	await expect(page).toHaveURL(/dataset=local%3Adense/, { timeout: 30_000 });
	await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 });
	await page.evaluate(() => {
		const seen: string[] = [];
		(window as unknown as { progressSeen: string[] }).progressSeen = seen;
		new MutationObserver(() => {
			if (document.querySelector('[data-testid="analysis-progress"]')) seen.push('metrics');
			if (document.querySelector('[data-testid="report-progress"]')) seen.push('reports');
		}).observe(document.body, { subtree: true, childList: true });
	});
	await page.getByRole('tab', { name: 'Analysis' }).click();
	await expect(page.getByTestId('large-note')).toContainText('With 110 nodes and 5,997 ties the reports that take time');
	await expect(page.getByTestId('projection-sentence')).toHaveText(
		"Parallel ties between two nodes count once; a pair's strength is its strongest tie's weight; every pair is one step, whatever its strength. The 2 ties from a node to itself are left out."
	);
	await expect(page.getByTestId('metrics-table').locator('tbody tr')).toHaveCount(110, { timeout: 60_000 });
	await expect(page.getByTestId('broker-headline')).toHaveText(
		'On active cooperation ties at any date: m0 lies on no shortest route between any two other nodes. Its betweenness, 0, ranks joint 1st of 110, with all the others. Without it, 0 pairs would lose every route to each other and 0 pairs would be farther apart.',
		{ timeout: 60_000 }
	);
	await expect(page.getByTestId('broker-ranks').locator('tbody tr').first().locator('td').last()).toHaveText('joint 1st of 110, with all the others');
	await expect(page.getByTestId('balance-summary')).toContainText('215,820 triangles of three nodes tied to each other on the layer (both kinds of tie): 215,820 balanced, 0 unbalanced', { timeout: 30_000 });
	await expect(page.getByTestId('report-progress')).toHaveCount(0, { timeout: 30_000 });
	const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
	expect(new Set(seen)).toEqual(new Set(['metrics', 'reports']));
});

test('on a network of more than a thousand nodes, the node and tie pickers narrow as one types instead of listing them all', async ({ page }) => {
	test.setTimeout(180_000);
	await page.goto('/?dataset=synthetic-ba-1500');
	await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false', { timeout: 120_000 });
	await page.getByRole('tab', { name: 'Analysis' }).click();
	const from = page.getByTestId('path-from');
	// The prompt and the first fifty by name, not 1,500 options (nor 2,996 ties to take out).
	await expect(from.locator('option')).toHaveCount(51);
	await expect(page.getByTestId('whatif-edge').locator('option')).toHaveCount(51);
	await expect(page.getByTestId('path-from-matches')).toHaveText('1,500 matches among 1,500 nodes: the first 50 are offered; type more to narrow');
	await expect(page.getByTestId('sections-pending')).toHaveCount(0);
	// The 2,996 ties are never sorted whole, yet the fifty offered are the first fifty by name, as a sort of all would give.
	const dataset: { nodes: { id: string; label: string }[]; edges: { source: string; target: string; kind: string; label?: string; relation?: string }[] } = await (
		await page.request.get('/api/datasets/synthetic-ba-1500')
	).json();
	const name = new Map(dataset.nodes.map((node) => [node.id, node.label]));
	const labels = dataset.edges.map((edge) => `${name.get(edge.source)} – ${name.get(edge.target)}: ${edge.label ?? edge.relation ?? edge.kind}`);
	const firstFifty = await page.evaluate((labels) => labels.sort(new Intl.Collator().compare).slice(0, 50), labels);
	expect((await page.getByTestId('whatif-edge').locator('option').allTextContents()).slice(1)).toEqual(firstFifty);

	await page.getByLabel('Find a node for “From”').fill('node 149');
	// Node 149 and Node 1490–1499.
	await expect(page.getByTestId('path-from-matches')).toHaveText('11 matches among 1,500 nodes');
	await expect(from.locator('option')).toHaveCount(12);
	await from.selectOption('n1499');
	await page.getByLabel('Find a node for “To”').fill('Node 7');
	await page.getByTestId('path-to').selectOption('n7');
	await expect(page.getByTestId('path-result')).toContainText('Node 1499');
	// Narrowing the list again keeps the node chosen on offer and chosen.
	await page.getByLabel('Find a node for “From”').fill('node 2');
	await expect(from).toHaveValue('n1499');
	await expect(from.locator('option').nth(1)).toHaveText('Node 1499');
});
