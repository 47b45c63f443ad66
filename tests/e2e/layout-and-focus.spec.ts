// Keyboard users keep their place and narrow windows keep the graph: skip links to the network and the side panel,
// focus on the details of what was chosen in search or the Table, side columns that become drawers below 1,100 px,
// and no serious accessibility violation in either theme at either width, the drawers and the editor open.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const BRIEF = '/?dataset=japan-korea-2014';

async function open(page: Page, path = BRIEF) {
	await page.goto(path);
	await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false');
}

async function seriousViolations(page: Page): Promise<string[]> {
	return (await new AxeBuilder({ page }).analyze()).violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('skip links, first in the tab order, take focus to the network and to the side panel’s tabs', async ({ page }) => {
	await open(page);
	await page.keyboard.press('Tab');
	const toNetwork = page.getByRole('link', { name: 'Skip to the network' });
	await expect(toNetwork).toBeFocused();
	await expect(toNetwork).toBeInViewport();
	await page.keyboard.press('Enter');
	await expect(page.locator('#main-panel')).toBeFocused();

	await open(page);
	await page.keyboard.press('Tab');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Skip to the side panel' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('tab', { name: 'Details' })).toBeFocused();
	await page.keyboard.press('ArrowRight');
	await expect(page.getByRole('tab', { name: 'Bridge' })).toBeFocused();
	await expect(page.getByRole('tab', { name: 'Bridge' })).toHaveAttribute('aria-selected', 'true');
});

test('a choice in search or in the Table moves focus to its details, one Tab from their first control', async ({ page }) => {
	await open(page);
	await page.keyboard.press('/');
	await page.keyboard.type('ROK');
	await page.keyboard.press('Enter');
	const node = page.getByTestId('node-panel');
	await expect(node).toBeFocused();
	await expect(node.getByRole('heading', { level: 2 })).toHaveText('South Korea');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Focus on its neighbourhood' })).toBeFocused();

	await page.getByRole('tab', { name: 'Table' }).click();
	const row = page.getByTestId('edges-table').locator('tbody tr').first().getByRole('button');
	const name = await row.innerText();
	await row.focus();
	await page.keyboard.press('Enter');
	const edge = page.getByTestId('edge-panel');
	await expect(edge).toBeFocused();
	await expect(edge.getByRole('heading', { level: 2 })).toHaveText(name);
});

test('at 800 × 900 the graph takes most of the window, and filters and side panel open as drawers', async ({ page }) => {
	await page.setViewportSize({ width: 800, height: 900 });
	await open(page);
	const graph = (await page.getByTestId('graph').boundingBox())!;
	expect(graph.width).toBe(800);
	expect((graph.width * graph.height) / (800 * 900)).toBeGreaterThan(0.7);
	const filters = page.getByRole('complementary', { name: 'Filters and time' });
	const side = page.getByRole('complementary', { name: /^Side panel/ });
	await expect(filters).toBeHidden();
	await expect(side).toBeHidden();

	const filtersToggle = page.getByRole('button', { name: 'Filters', exact: true });
	await filtersToggle.click();
	await expect(filtersToggle).toHaveAttribute('aria-expanded', 'true');
	await expect(filters).toBeVisible();
	await expect(filters).toBeFocused();
	const before = await page.getByTestId('counts').innerText();
	await filters.getByRole('checkbox', { name: 'friction' }).uncheck();
	await expect(page.getByTestId('counts')).not.toHaveText(before);
	await page.keyboard.press('Escape');
	await expect(filters).toBeHidden();
	await expect(filtersToggle).toBeFocused();

	// A choice in search opens the side panel on the node's details.
	await page.keyboard.press('/');
	await page.keyboard.type('Japan');
	await page.keyboard.press('Enter');
	await expect(side).toBeVisible();
	await expect(page.getByTestId('node-panel')).toBeFocused();
	await side.getByRole('button', { name: 'Close side panel' }).click();
	await expect(side).toBeHidden();
	await expect(page.getByRole('button', { name: 'Side panel', exact: true })).toBeFocused();
	expect((await page.getByTestId('graph').boundingBox())!.width).toBe(800);
});

test('from 1,100 px the three columns stand side by side with no drawer toggles', async ({ page }) => {
	await page.setViewportSize({ width: 1100, height: 900 });
	await open(page);
	await expect(page.getByRole('complementary', { name: 'Filters and time' })).toBeVisible();
	await expect(page.getByRole('complementary', { name: /^Side panel/ })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Filters', exact: true })).toBeHidden();
	await expect(page.getByRole('button', { name: 'Side panel', exact: true })).toBeHidden();
	await page.setViewportSize({ width: 1099, height: 900 });
	await expect(page.getByRole('complementary', { name: 'Filters and time' })).toBeHidden();
	await expect(page.getByRole('button', { name: 'Filters', exact: true })).toBeVisible();
});

for (const theme of ['light', 'dark'] as const) {
	for (const width of [1400, 800]) {
		test(`no serious accessibility violations in the ${theme} theme at ${width} px, drawers and editor open`, async ({ page }) => {
			// Five full axe runs: more than the default minute on a busy machine.
			test.slow();
			await page.setViewportSize({ width, height: 900 });
			await page.emulateMedia({ colorScheme: theme });
			await open(page);
			expect(await seriousViolations(page)).toEqual([]);
			if (width < 1100) {
				await page.getByRole('button', { name: 'Filters', exact: true }).click();
				expect(await seriousViolations(page)).toEqual([]);
				await page.getByRole('button', { name: 'Side panel', exact: true }).click();
			}
			await page.getByRole('tab', { name: 'Edit' }).click();
			await page.getByRole('button', { name: 'Add a tie' }).click();
			await page.getByTestId('tie-form').getByRole('button', { name: 'Add a new source…' }).click();
			await page.getByTestId('tie-form').getByRole('button', { name: 'Add tie' }).click();
			await expect(page.getByTestId('tie-form').locator('[aria-invalid="true"]').first()).toBeVisible();
			expect(await seriousViolations(page)).toEqual([]);
			await page.getByRole('button', { name: 'Sources' }).click();
			expect(await seriousViolations(page)).toEqual([]);
		});
	}
}
