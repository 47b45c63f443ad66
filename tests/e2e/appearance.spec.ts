// A network made elsewhere, as a user meets it: networkx's karate club (GraphML written by networkx) coloured and
// filtered by its own `club` attribute, the legend following, the panels and the Table showing the attribute, and only
// the filters its data has. On the brief: community colours and sizes by a measure, with the legend saying so.
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { formatMetric } from '../../src/lib/analysis/format';

const KARATE = join(import.meta.dirname, '..', 'fixtures', 'attributes', 'karate.graphml');
const BRIEF = '/?dataset=japan-korea-2014';

async function open(page: Page, path = BRIEF) {
	await page.goto(path);
	await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false');
}

async function importKarate(page: Page) {
	await open(page);
	await page.getByRole('tab', { name: 'Import' }).click();
	await page.getByTestId('import-file').setInputFiles(KARATE);
	await expect(page).toHaveURL(/dataset=local%3Akarate/);
	await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false');
}

/** Each drawn node's fill, as Cytoscape paints it. */
function fills(page: Page): Promise<Record<string, string>> {
	return page.getByTestId('graph').evaluate((element) => {
		const cy = (element as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy;
		return Object.fromEntries(cy.nodes(':visible').map((node) => [node.id(), node.style('background-color') as string]));
	});
}

test("karate's club colours the nodes, filters them, and the legend follows; the panels and the Table show it", async ({ page }) => {
	await importKarate(page);
	await expect(page.getByTestId('counts')).toHaveText('34 of 34 nodes, 78 of 78 edges');
	// Only the filters karate's data has: no kind, field, status or node type to choose between.
	const filters = page.getByTestId('filters');
	for (const group of ['Kind', 'Domain', 'Status', 'Node type']) await expect(filters.getByRole('group', { name: group, exact: true })).toHaveCount(0);
	await expect(filters.getByRole('checkbox', { name: 'friction' })).toHaveCount(0);

	await page.getByTestId('colour-by').selectOption({ label: 'club (2 values)' });
	await expect(page).toHaveURL(/colour=attr%3Aclub/);
	const legend = page.getByTestId('legend');
	await expect(legend).toContainText('Colour: club');
	await expect(legend).toContainText('Mr. Hi');
	await expect(legend).toContainText('Officer');
	// Okabe–Ito blue for the first club, orange for the second: node 0 led Mr. Hi's club, node 33 the officers'
	await expect.poll(async () => [(await fills(page))['0'], (await fills(page))['33']]).toEqual(['rgb(0,114,178)', 'rgb(230,159,0)']);

	await page.getByTestId('add-attribute-filter').selectOption({ label: 'club (2 values)' });
	const club = page.getByTestId('attribute-filter').filter({ hasText: 'club' });
	await club.getByRole('checkbox', { name: /Mr\. Hi/ }).uncheck();
	await expect(page).toHaveURL(/where\.node\.club=Officer/);
	// networkx: the Officer faction has 17 members and 32 ties among them
	await expect(page.getByTestId('counts')).toHaveText('17 of 34 nodes, 32 of 78 edges');
	await expect(legend).toContainText('Officer');
	await expect(legend).not.toContainText('Mr. Hi');
	expect(Object.keys(await fills(page))).toHaveLength(17);

	// The link holds it all.
	await page.reload();
	await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false');
	await expect(page.getByTestId('counts')).toHaveText('17 of 34 nodes, 32 of 78 edges');
	await expect(legend).not.toContainText('Mr. Hi');
	await expect(page.getByTestId('colour-by')).toHaveValue('attr:club');

	await page.getByRole('tab', { name: 'Table' }).click();
	const nodes = page.getByTestId('nodes-table');
	await expect(nodes.locator('thead th').filter({ hasText: 'club' })).toHaveCount(1);
	await expect(nodes.locator('tbody tr')).toHaveCount(17);
	await nodes.locator('tbody tr').filter({ has: page.getByRole('button', { name: '33', exact: true }) }).getByRole('button').click();
	const panel = page.getByTestId('node-panel');
	await expect(panel.getByRole('heading', { level: 2 })).toHaveText('33');
	await expect(panel.getByTestId('node-attributes')).toContainText('clubOfficer');

	await filters.getByRole('button', { name: 'Show all' }).click();
	await expect(page.getByTestId('counts')).toHaveText('34 of 34 nodes, 78 of 78 edges');
	await expect(page).not.toHaveURL(/where\./);
});

test("a range on karate's tie weight keeps the ties within it, and shape follows the club", async ({ page }) => {
	await importKarate(page);
	await page.getByTestId('add-attribute-filter').selectOption({ label: 'weight (1 to 7)' });
	const weight = page.getByTestId('attribute-filter').filter({ hasText: 'weight' });
	await weight.getByLabel('from').fill('4');
	await weight.getByLabel('from').press('Tab');
	await expect(page).toHaveURL(/range\.edge\.weight=4\.\./);
	// networkx: 21 ties of weight 4 or more
	await expect(page.getByTestId('counts')).toHaveText('34 of 34 nodes, 21 of 78 edges');
	await weight.getByRole('button', { name: 'Remove the filter on weight (ties)' }).click();
	await expect(page.getByTestId('counts')).toHaveText('34 of 34 nodes, 78 of 78 edges');

	await page.getByTestId('shape-by').selectOption('attr:club');
	await expect(page.getByTestId('legend')).toContainText('Shape: club');
	const shapes = await page.getByTestId('graph').evaluate((element) => {
		const cy = (element as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy;
		return [cy.getElementById('0').style('shape'), cy.getElementById('33').style('shape')];
	});
	expect(shapes).toEqual(['ellipse', 'round-rectangle']);
});

test('community colours put the communities in the legend, not the node types; a size by betweenness gives its scale', async ({ page, request }) => {
	const analysis: { nodes: Record<string, { betweenness: number | null }> } = await (await request.get('/api/analysis/japan-korea-2014')).json();
	const betweenness = Object.values(analysis.nodes).map((node) => node.betweenness ?? 0);
	await open(page);
	await page.getByTestId('colour-by').selectOption('community');
	await expect(page).toHaveURL(/colour=community/);
	await expect(page.getByTestId('community-summary')).toContainText(/\d+ communities, modularity\?? 0\.\d+/);
	const legend = page.getByTestId('legend');
	await expect(legend).toContainText('Colour: community (Louvain)');
	await expect(legend).toContainText('community 1');
	// Node types keep their shapes only, drawn in one neutral fill.
	await expect(legend).toContainText('Shape: node type');
	const stateMark = legend.locator('li').filter({ hasText: /^State$/ }).locator('circle');
	await expect(stateMark).toHaveAttribute('fill', '#6f6f6f');

	await page.getByTestId('size-by').selectOption('metric:betweenness');
	await expect(page).toHaveURL(/size=metric%3Abetweenness/);
	const size = page.getByTestId('legend-size');
	await expect(size).toContainText('Size: Betweenness');
	await expect(size).toContainText(formatMetric(Math.min(...betweenness)));
	await expect(size).toContainText(formatMetric(Math.max(...betweenness)));
	await expect(size).toContainText('area grows with the value');
});
