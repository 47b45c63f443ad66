// The network by keyboard, as someone who cannot use a mouse meets it: Tab reaches the graph, arrows walk from a node to
// its neighbours in the direction pressed, Shift with an arrow pans, plus and minus zoom, 0 fits, Enter opens the details.
import { expect, test, type Page } from '@playwright/test';
import { ZOOM_STEP } from '../../src/lib/view/graph-keys';

type Cy = import('cytoscape').Core;

async function open(page: Page, path = '/?dataset=japan-korea-2014') {
	await page.goto(path);
	await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false');
}

/** The node selected in the URL. */
function selected(page: Page): string | null {
	return new URL(page.url()).searchParams.get('node');
}

/** A node's screen position, its neighbours on show with theirs, and the view's zoom and pan. */
function around(page: Page, id: string) {
	return page.getByTestId('graph').evaluate((element, id) => {
		const cy = (element as unknown as { _cyreg: { cy: Cy } })._cyreg.cy;
		const node = cy.getElementById(id);
		return {
			at: node.renderedPosition(),
			neighbours: node
				.neighborhood()
				.nodes(':visible')
				.map((other) => ({ id: other.id(), ...other.renderedPosition() })),
			zoom: cy.zoom(),
			pan: cy.pan()
		};
	}, id);
}

function view(page: Page) {
	return page.getByTestId('graph').evaluate((element) => {
		const cy = (element as unknown as { _cyreg: { cy: Cy } })._cyreg.cy;
		const box = cy.nodes(':visible').renderedBoundingBox({});
		return { zoom: cy.zoom(), pan: cy.pan(), box, width: cy.width(), height: cy.height() };
	});
}

test('Tab reaches the graph, and an arrow selects the node nearest the middle, then walks to a neighbour that lies that way', async ({ page }) => {
	await open(page);
	const graph = page.getByTestId('graph');
	await expect(graph).toHaveAttribute('aria-label', /Arrow keys move to a neighbour/);
	await graph.focus();
	await expect(graph).toBeFocused();

	await page.keyboard.press('ArrowRight');
	await expect.poll(() => selected(page)).not.toBeNull();
	await expect(page.getByTestId('graph-announcement')).toContainText(/partners? on show\./);

	for (const [key, toward] of [
		['ArrowRight', (from: { x: number }, to: { x: number }) => to.x > from.x],
		['ArrowDown', (from: { y: number }, to: { y: number }) => to.y > from.y],
		['ArrowLeft', (from: { x: number }, to: { x: number }) => to.x < from.x],
		['ArrowUp', (from: { y: number }, to: { y: number }) => to.y < from.y]
	] as const) {
		const from = selected(page)!;
		const before = await around(page, from);
		const reachable = before.neighbours.filter((other) => toward(before.at, other));
		await page.keyboard.press(key);
		if (reachable.length === 0) {
			// nothing lies that way: the selection stays and the page says why
			await expect(page.getByTestId('graph-announcement')).toContainText('No neighbour of');
			expect(selected(page)).toBe(from);
		} else {
			await expect.poll(() => selected(page)).not.toBe(from);
			expect(reachable.map((other) => other.id)).toContain(selected(page));
		}
		await expect(graph).toBeFocused();
	}
});

test('Enter opens the details of the selected node and moves focus to them', async ({ page }) => {
	await open(page, '/?dataset=japan-korea-2014&node=japan');
	const graph = page.getByTestId('graph');
	await graph.focus();
	await page.keyboard.press('Enter');
	const panel = page.getByTestId('node-panel');
	await expect(panel).toBeFocused();
	await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Japan');
});

test('plus and minus zoom about the middle, Shift with an arrow pans, and 0 brings the whole graph back into view', async ({ page }) => {
	await open(page);
	const graph = page.getByTestId('graph');
	await graph.focus();
	const start = await view(page);

	await page.keyboard.press('+');
	await expect.poll(async () => (await view(page)).zoom).toBeCloseTo(start.zoom * ZOOM_STEP, 5);
	await page.keyboard.press('-');
	await page.keyboard.press('-');
	await expect.poll(async () => (await view(page)).zoom).toBeCloseTo(start.zoom / ZOOM_STEP, 5);

	const beforePan = await view(page);
	await page.keyboard.press('Shift+ArrowRight');
	// showing what lies to the right: the drawing moves left by an eighth of the view
	await expect.poll(async () => (await view(page)).pan.x).toBeCloseTo(beforePan.pan.x - beforePan.width / 8, 3);
	expect(selected(page)).toBeNull();

	for (let i = 0; i < 6; i++) await page.keyboard.press('+');
	const zoomedIn = await view(page);
	expect(zoomedIn.box.x1 < 0 || zoomedIn.box.x2 > zoomedIn.width || zoomedIn.box.y1 < 0 || zoomedIn.box.y2 > zoomedIn.height).toBe(true);
	await page.keyboard.press('0');
	await expect(page.getByTestId('graph-announcement')).toHaveText('The whole graph on show is in view.');
	await expect
		.poll(async () => {
			const fitted = await view(page);
			return fitted.box.x1 >= -1 && fitted.box.y1 >= -1 && fitted.box.x2 <= fitted.width + 1 && fitted.box.y2 <= fitted.height + 1;
		})
		.toBe(true);
});
