// The graph drawing as a user meets it: one summary tie per pair (and every tie on request), pictures that
// reproduce and stay put, positions that survive a reload, labels that never overlap, and a large import that
// shows a picture at once, answers clicks during its layout and can be cancelled.
import { readFile } from 'node:fs/promises';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { barabasiAlbert } from '../../bench/barabasi-albert';
import { EDGE_KIND_COLOURS } from '../../src/lib/view/palette';
import { loadedScripts } from './loaded-scripts';

const BRIEF = 'japan-korea-2014';
/** A small dataset that carries no positions (the brief does): the page lays it out on opening. */
const UNPLACED = 'regional-sample';

interface Edge {
	id: string;
	source: string;
	target: string;
	kind: string;
	status: string;
	label?: string;
	relation?: string;
	measure?: string | null;
	evidence: { quote: string }[];
}
interface Dataset {
	nodes: { id: string; label: string; type?: string }[];
	edges: Edge[];
	measures?: { id: string; title: string }[];
}

/** How many ties a dataset (the brief's unless named) holds. */
async function edgeCount(request: APIRequestContext, id = BRIEF): Promise<number> {
	const dataset: Dataset = await (await request.get(`/api/datasets/${id}`)).json();
	return dataset.edges.length;
}

async function open(page: Page, path = `/?dataset=${BRIEF}`) {
	await page.goto(path);
	await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
}


async function positions(page: Page): Promise<Record<string, { x: number; y: number }>> {
	return page.getByTestId('graph').evaluate((element) => {
		const cy = (element as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy;
		return Object.fromEntries(cy.nodes().map((node) => [node.id(), node.position()]));
	});
}

function largestMove(a: Record<string, { x: number; y: number }>, b: Record<string, { x: number; y: number }>): number {
	return Math.max(...Object.keys(a).map((id) => Math.hypot(a[id]!.x - b[id]!.x, a[id]!.y - b[id]!.y)));
}

/** The drawn curves: id, ends, kind, the dataset ties each stands for, its classes. */
async function curves(page: Page) {
	return page.getByTestId('graph').evaluate((element) => {
		const cy = (element as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy;
		return cy.edges(':visible').map((edge) => ({
			id: edge.id(),
			ends: [edge.source().id(), edge.target().id()].sort(),
			kind: edge.data('kind') as string,
			status: edge.data('status') as string,
			width: edge.data('width') as number,
			ties: (edge.data('ties') as string[] | undefined) ?? [edge.id()],
			classes: edge.classes(),
			label: edge.data('caption') ?? edge.data('label'),
			midpoint: edge.renderedMidpoint()
		}));
	});
}

const between = (d: Dataset, a: string, b: string) => d.edges.filter((e) => (e.source === a && e.target === b) || (e.source === b && e.target === a));

test.describe('one summary tie per pair', () => {
	test('draws each pair and kind once, as wide as its count, and every tie when asked', async ({ page, request }) => {
		const d: Dataset = await (await request.get(`/api/datasets/${BRIEF}`)).json();
		await open(page);
		const drawn = await curves(page);
		const pairsAndKinds = new Set(d.edges.map((e) => JSON.stringify([[e.source, e.target].sort(), e.kind])));
		expect(drawn).toHaveLength(pairsAndKinds.size);
		expect(drawn.flatMap((c) => c.ties).sort()).toEqual(d.edges.map((e) => e.id).sort());
		const japanKorea = drawn.filter((c) => c.ends.join() === ['japan', 'south-korea'].sort().join());
		expect(japanKorea.map((c) => c.kind).sort()).toEqual(['cooperation', 'friction']);
		const cooperation = japanKorea.find((c) => c.kind === 'cooperation')!;
		expect(cooperation.ties.sort()).toEqual(between(d, 'japan', 'south-korea').filter((e) => e.kind === 'cooperation').map((e) => e.id).sort());
		expect(cooperation.width).toBeGreaterThan(drawn.find((c) => c.ties.length === 1)!.width);
		await expect(page.getByTestId('legend-width')).toContainText('number of ties');

		await page.getByRole('checkbox', { name: 'Every tie' }).check();
		await expect(page).toHaveURL(/ties=all/);
		await expect.poll(async () => (await curves(page)).length).toBe(d.edges.length);
		await expect(page.getByTestId('legend-width')).toContainText('weight');
		await page.getByRole('checkbox', { name: 'Every tie' }).uncheck();
		await expect.poll(async () => (await curves(page)).length).toBe(pairsAndKinds.size);
	});

	test('a summary follows the filters', async ({ page, request }) => {
		const d: Dataset = await (await request.get(`/api/datasets/${BRIEF}`)).json();
		await open(page);
		await page.getByRole('checkbox', { name: 'proposed' }).uncheck();
		const shown = d.edges.filter((e) => e.status !== 'proposed');
		await expect.poll(async () => (await curves(page)).flatMap((c) => c.ties).sort()).toEqual(shown.map((e) => e.id).sort());
	});

	test('clicking a summary lists the pair’s ties with their quotes; a tie opens its evidence; the pair is in the URL', async ({ page, request }) => {
		const d: Dataset = await (await request.get(`/api/datasets/${BRIEF}`)).json();
		await open(page);
		const ties = between(d, 'japan', 'south-korea');
		const cooperation = (await curves(page)).find((c) => c.kind === 'cooperation' && c.ends.join() === ['japan', 'south-korea'].sort().join())!;
		const box = (await page.getByTestId('graph').boundingBox())!;
		await page.mouse.click(box.x + cooperation.midpoint.x, box.y + cooperation.midpoint.y);
		await expect(page).toHaveURL(/pair=/);
		const url = new URL(page.url());
		expect(url.searchParams.getAll('pair').sort()).toEqual(['japan', 'south-korea']);
		const panel = page.getByTestId('pair-panel');
		const coop = ties.filter((e) => e.kind === 'cooperation');
		const friction = ties.filter((e) => e.kind === 'friction');
		await expect(panel.getByTestId('pair-summary')).toContainText(`${ties.length} ties: ${coop.length} cooperation`);
		await expect(panel.getByTestId('pair-ties-cooperation').locator(':scope > li')).toHaveCount(coop.length);
		await expect(panel.getByTestId('pair-ties-friction').locator(':scope > li')).toHaveCount(friction.length);
		const first = friction[0]!;
		await expect(panel.locator(`li[data-id="${first.id}"] blockquote`)).toHaveCount(first.evidence.length);
		// Both curves of the pair are drawn as selected; one of them carries the pair's counts as its label.
		await expect.poll(async () => (await curves(page)).filter((c) => c.classes.includes('chosen')).length).toBe(2);
		const labels = (await curves(page)).filter((c) => c.classes.includes('chosen')).map((c) => c.label);
		expect(labels.filter((text) => text !== '')).toEqual([await panel.getByTestId('pair-summary').innerText()]);

		await panel.locator(`li[data-id="${first.id}"] > a`).click();
		await expect(page.getByTestId('edge-panel')).toBeVisible();
		expect(new URL(page.url()).searchParams.get('edge')).toBe(first.id);
		await page.goBack();
		await expect(page.getByTestId('pair-panel')).toBeVisible();

		// A shared link opens the pair.
		const copy = await page.context().newPage();
		await open(copy, url.pathname + url.search);
		await expect(copy.getByTestId('pair-panel').getByTestId('pair-summary')).toHaveText(await panel.getByTestId('pair-summary').innerText());
	});

	test('the selected tie is drawn above the rest with its own label, readable', async ({ page, request }) => {
		const d: Dataset = await (await request.get(`/api/datasets/${BRIEF}`)).json();
		const tie = d.edges.find((e) => e.source === 'japan' && e.target === 'south-korea' && e.kind === 'friction' && e.label)!;
		await open(page, `/?dataset=${BRIEF}&edge=${encodeURIComponent(tie.id)}`);
		const chosen = (await curves(page)).filter((c) => c.classes.includes('chosen'));
		expect(chosen).toHaveLength(1);
		expect(chosen[0]!.ties).toContain(tie.id);
		expect(chosen[0]!.label).toBe(tie.label);
		const label = await page.getByTestId('graph').evaluate((element, id) => {
			const cy = (element as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy;
			const edge = cy.getElementById(id);
			return {
				size: parseFloat(edge.renderedStyle('font-size')),
				nodeLabels: parseFloat(cy.nodes()[0]!.renderedStyle('font-size')),
				z: Number(edge.style('z-index')),
				others: Math.max(...cy.edges().not(edge).map((e) => Number(e.style('z-index'))))
			};
		}, chosen[0]!.id);
		// at least as large as the node names around it, whatever the zoom that fits the network
		expect(label.size).toBeGreaterThanOrEqual(label.nodeLabels);
		expect(label.z).toBeGreaterThan(label.others);
	});

	test('a highlighted tie lights its pair’s summary, and the legend says so', async ({ page, request }) => {
		const d: Dataset = await (await request.get(`/api/datasets/${BRIEF}`)).json();
		const measure = (d.measures ?? []).find((m) => d.edges.some((e) => e.measure === m.id))!;
		const edge = d.edges.find((e) => e.measure === measure.id)!;
		await open(page, `/?dataset=${BRIEF}&measure=${encodeURIComponent(measure.id)}`);
		await expect.poll(async () => (await curves(page)).find((c) => c.ties.includes(edge.id))!.classes).toContain('highlighted');
		await expect(page.getByTestId('legend')).toContainText('Highlighted');
	});
});

test.describe('pictures that reproduce', () => {
	test('the same URL gives the same positions in two fresh pages, each laying the network out', async ({ browser }) => {
		const read = async () => {
			const context = await browser.newContext();
			const page = await context.newPage();
			await open(page, `/?dataset=${UNPLACED}&node=arland`);
			const at = await positions(page);
			await context.close();
			return at;
		};
		const first = await read();
		const second = await read();
		expect(Object.keys(second).sort()).toEqual(Object.keys(first).sort());
		expect(largestMove(first, second)).toBeLessThan(0.5);
	});

	test('the first click on / and a filter change move nothing; unticking and reticking leaves the picture as it was', async ({ page, request }) => {
		const all = await edgeCount(request);
		await open(page, '/');
		const before = await positions(page);
		const japan = await page.getByTestId('graph').evaluate((element) => {
			const cy = (element as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy;
			return cy.getElementById('japan').renderedPosition();
		});
		const box = (await page.getByTestId('graph').boundingBox())!;
		await page.mouse.click(box.x + japan.x, box.y + japan.y);
		await expect(page).toHaveURL(/node=japan/);
		await expect(page).toHaveURL(/dataset=/);
		await expect(page.getByTestId('node-panel')).toBeVisible();
		expect(largestMove(before, await positions(page))).toBe(0);

		await page.getByRole('checkbox', { name: 'cooperation' }).uncheck();
		await expect(page.getByTestId('counts')).not.toContainText(`${all} of ${all} edges`);
		expect(largestMove(before, await positions(page))).toBe(0);
		await page.getByRole('checkbox', { name: 'cooperation' }).check();
		await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false');
		expect(largestMove(before, await positions(page))).toBe(0);
	});

	test('a URL opened with a filter lays out the whole network, so ticking it back moves nothing', async ({ page, request }) => {
		const all = await edgeCount(request, UNPLACED);
		await open(page, `/?dataset=${UNPLACED}&kind=friction`);
		const before = await positions(page);
		await page.getByRole('checkbox', { name: 'cooperation' }).check();
		await expect(page.getByTestId('counts')).toContainText(`${all} of ${all} edges`);
		expect(largestMove(before, await positions(page))).toBe(0);
		// The shown nodes do not sit on each other.
		await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false');
	});

	test('dragged positions survive a reload until Reset layout', async ({ page }) => {
		await open(page);
		const before = await positions(page);
		const graph = (await page.getByTestId('graph').boundingBox())!;
		const mongolia = await page.getByTestId('graph').evaluate((element) => {
			const cy = (element as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy;
			return cy.getElementById('mongolia').renderedPosition();
		});
		await page.mouse.move(graph.x + mongolia.x, graph.y + mongolia.y);
		await page.mouse.down();
		await page.mouse.move(graph.x + mongolia.x + 60, graph.y + mongolia.y + 40, { steps: 8 });
		await page.mouse.up();
		const dragged = await positions(page);
		expect(Math.hypot(dragged.mongolia!.x - before.mongolia!.x, dragged.mongolia!.y - before.mongolia!.y)).toBeGreaterThan(20);

		await page.reload();
		await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false');
		expect(largestMove(dragged, await positions(page))).toBeLessThan(0.2);

		await page.getByRole('button', { name: 'Reset layout' }).click();
		await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false');
		await expect.poll(async () => largestMove(before, await positions(page))).toBeLessThan(0.5);
		await page.reload();
		await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false');
		expect(largestMove(before, await positions(page))).toBeLessThan(0.5);
	});

	test('the brief opens drawn at the positions its dataset carries', async ({ page, request }) => {
		const dataset: { nodes: { id: string; position: { x: number; y: number } }[] } = await (await request.get(`/api/datasets/${BRIEF}`)).json();
		await open(page);
		const carried = Object.fromEntries(dataset.nodes.map((node) => [node.id, node.position]));
		expect(largestMove(carried, await positions(page))).toBe(0);
	});

	test('the brief opens without fCoSE or the SVG writer, drawn directly; Re-run layout and an SVG export load them, and say so when they cannot load', async ({ page }) => {
		// Code of the extensions, told apart by names in them: fCoSE's layout-base, cytoscape-svg's canvas2svg (C2S).
		const loaded = loadedScripts(page);
		await open(page);
		expect(await loaded('LayoutConstants')).toBe(false);
		expect(await loaded('C2S')).toBe(false);
		// 154 elements: no element textures or layer canvases made for them.
		const caches = await page.getByTestId('graph').evaluate((element) => {
			const cy = (element as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy;
			// Cytoscape 3.x's own: an element cache keeps its textures in eleImgCaches, in a list per height.
			type Cache = { eleImgCaches?: Record<string, unknown> };
			const data = (cy as unknown as { renderer(): { data: { lyrTxrCache: { layersByLevel: Record<string, unknown[]> }; eleTxrCache: Cache; lblTxrCache: Cache } } }).renderer().data;
			const count = (lists: Record<string, unknown> = {}) => Object.values(lists).reduce((sum: number, list) => sum + (Array.isArray(list) ? list.length : 0), 0);
			return { layers: count(data.lyrTxrCache.layersByLevel), textures: count(data.eleTxrCache.eleImgCaches) + count(data.lblTxrCache.eleImgCaches) };
		});
		expect(caches).toEqual({ layers: 0, textures: 0 });
		expect(await cytoscapeInk(page, await page.getByTestId('graph').evaluate((element) => (element as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy.getElementById('japan').renderedPosition()))).toBeGreaterThan(0);

		// The server gone once the Export panel is open: the layout says it could not load its code and moves nothing;
		// the export says so too.
		await page.getByRole('tab', { name: 'Export' }).click();
		await page.getByTestId('image-format').selectOption('svg');
		const before = await positions(page);
		await page.route('**/*.js', (route) => route.abort());
		await page.getByRole('button', { name: 'Re-run layout' }).click();
		await expect(page.getByRole('alert')).toContainText('The layout could not load its code');
		await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false');
		expect(largestMove(before, await positions(page))).toBe(0);
		await page.getByRole('button', { name: 'Download image' }).click();
		await expect(page.getByText('The image could not be made: part of the exporter could not be loaded')).toBeVisible();

		// Back, and the page reloaded (the browser keeps a module that failed to load as failed): both load and work.
		await page.unroute('**/*.js');
		await open(page);
		await page.getByRole('button', { name: 'Re-run layout' }).click();
		await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false');
		await expect(page.getByRole('alert')).toHaveCount(0);
		await page.getByRole('tab', { name: 'Export' }).click();
		await page.getByTestId('image-format').selectOption('svg');
		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Download image' }).click();
		expect(await readFile((await (await download).path())!, 'utf8')).toContain('<svg');
		expect(await loaded('C2S')).toBe(true);
		expect(await loaded('LayoutConstants')).toBe(true);
	});

	test('a dataset that carries positions opens drawn as saved', async ({ page }) => {
		const nodes = ['north', 'south', 'east', 'west'].map((id, i) => ({ id, label: id, type: 'state', position: { x: [0, 0, 300, -300][i], y: [-200, 200, 0, 0][i] } }));
		const dataset = {
			format: 'alliance-explorer/1',
			meta: { id: 'placed', title: 'Placed by hand' },
			nodes,
			edges: [
				{ id: 'ns', source: 'north', target: 'south', kind: 'cooperation', status: 'active' },
				{ id: 'ew', source: 'east', target: 'west', kind: 'friction', status: 'active' }
			]
		};
		await open(page);
		await page.getByRole('tab', { name: 'Import' }).click();
		await page.getByTestId('import-file').setInputFiles({ name: 'placed.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(dataset)) });
		await expect(page).toHaveURL(/dataset=local%3A/);
		await expect(page.getByTestId('counts')).toHaveText('4 of 4 nodes, 2 of 2 edges');
		await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false');
		const at = await positions(page);
		for (const node of nodes) expect(at[node.id]).toEqual(node.position);
	});
});

test('when Cytoscape’s code cannot load, the graph says so, stops saying it is busy, and the tables still show the brief', async ({ page }) => {
	// Cytoscape's chunk, told apart by one of its error messages; every other script loads.
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		const response = await route.fetch();
		const body = await response.text();
		if (body.includes('Can not create second element with ID')) await route.abort();
		else await route.fulfill({ response, body });
	});
	await page.goto(`/?dataset=${BRIEF}`);
	await expect(page.getByRole('alert')).toHaveText('The drawing could not be loaded (is the server still running?): reload the page to try again');
	await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false');
	await page.getByRole('tab', { name: 'Table' }).click();
	await expect(page.getByTestId('nodes-table').locator('tbody tr')).toHaveCount((await (await page.request.get(`/api/datasets/${BRIEF}`)).json()).nodes.length);
});

test('the drawing stays within its box when the box shrinks, before it is drawn again at the new size', async ({ page }) => {
	await open(page);
	// A line added to the legend below (a node selected) takes height from the drawing's box; its canvases keep their
	// old size until the resize is handled. Shrink the box and look, in the same task, just below its new bottom.
	const below = await page.getByTestId('graph').evaluate((graph) => {
		const stage = graph.parentElement!;
		const { height } = graph.getBoundingClientRect();
		stage.style.flex = `0 0 ${height - 60}px`;
		const box = graph.getBoundingClientRect();
		const canvases = [...graph.querySelectorAll('canvas')].map((canvas) => canvas.getBoundingClientRect().bottom);
		const hit = document.elementFromPoint(box.left + box.width / 2, box.bottom + 20);
		return { overhang: Math.max(...canvases) - box.bottom, inDrawing: graph.contains(hit) };
	});
	expect(below.overhang).toBeGreaterThan(20);
	expect(below.inDrawing).toBe(false);
});

test('a JSON export with positions opens drawn as it was', async ({ page }) => {
	await open(page);
	const drawn = await positions(page);
	await page.getByRole('tab', { name: 'Export' }).click();
	await page.getByTestId('data-format').selectOption('json');
	await page.getByRole('checkbox', { name: /Include positions/ }).check();
	const pending = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download data' }).click();
	const file = await pending;
	const text = await readFile((await file.path())!, 'utf8');
	const exported: { nodes: { id: string; position?: { x: number; y: number } }[] } = JSON.parse(text);
	for (const node of exported.nodes) {
		expect(Math.abs(node.position!.x - drawn[node.id]!.x)).toBeLessThanOrEqual(0.05);
		expect(Math.abs(node.position!.y - drawn[node.id]!.y)).toBeLessThanOrEqual(0.05);
	}
	await page.getByRole('tab', { name: 'Import' }).click();
	await page.getByTestId('import-file').setInputFiles({ name: 'placed-brief.json', mimeType: 'application/json', buffer: Buffer.from(text) });
	await expect(page).toHaveURL(/dataset=local%3A/);
	await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false');
	expect(largestMove(drawn, await positions(page))).toBeLessThanOrEqual(0.08);
});

test.describe('readable at the default view', () => {
	test('no label overlaps another, and the states are drawn largest', async ({ page, request }) => {
		const d: Dataset = await (await request.get(`/api/datasets/${BRIEF}`)).json();
		await open(page);
		const boxes = await page.getByTestId('graph').evaluate((element) => {
			const cy = (element as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy;
			return cy.nodes(':visible').map((node) => ({ id: node.id(), size: node.width(), ...node.boundingBox({ includeLabels: true }) }));
		});
		expect(boxes).toHaveLength(d.nodes.length);
		const overlaps: string[] = [];
		for (let i = 0; i < boxes.length; i++) {
			for (let j = i + 1; j < boxes.length; j++) {
				const [a, b] = [boxes[i]!, boxes[j]!];
				if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) overlaps.push(`${a.id} / ${b.id}`);
			}
		}
		expect(overlaps).toEqual([]);
		const size = new Map(boxes.map((box) => [box.id, box.size]));
		const largest = [...size.entries()].sort((x, y) => y[1] - x[1]).slice(0, 3).map(([id]) => id);
		expect(largest.every((id) => d.nodes.find((n) => n.id === id)!.type === 'state')).toBe(true);
		expect(largest).toEqual(expect.arrayContaining(['japan', 'south-korea', 'united-states']));
		await expect(page.getByTestId('legend-size')).toContainText('partners among the shown ties');
	});

	test('every layout in the picker draws the graph', async ({ page }) => {
		await open(page);
		const options = await page.getByLabel('Layout').locator('option').evaluateAll((all) => all.map((option) => (option as HTMLOptionElement).value));
		for (const layout of options) {
			await page.getByLabel('Layout').selectOption(layout);
			await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false');
			const at = await positions(page);
			const spots = new Set(Object.values(at).map((p) => `${Math.round(p.x)},${Math.round(p.y)}`));
			expect(spots.size, layout).toBe(Object.keys(at).length);
		}
	});
});

/** A Barabási–Albert network as GraphML, as an analyst might export one from networkx. */
function graphml(n: number, m: number): string {
	const { edges } = barabasiAlbert(n, m, 3);
	const nodes = Array.from({ length: n }, (_, i) => `<node id="n${i}"><data key="label">Node ${i}</data></node>`);
	const links = edges.map(([a, b], i) => `<edge id="e${i}" source="n${a}" target="n${b}"/>`);
	return `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="label" for="node" attr.name="label" attr.type="string"/>
<graph edgedefault="undirected">${nodes.join('')}${links.join('')}</graph></graphml>`;
}

/** The best-connected node of the GraphML above, and how many partners it has. */
function hubOf(n: number, m: number): { id: string; partners: number } {
	const partners = new Map<number, Set<number>>();
	for (const [a, b] of barabasiAlbert(n, m, 3).edges) {
		if (!partners.has(a)) partners.set(a, new Set());
		if (!partners.has(b)) partners.set(b, new Set());
		partners.get(a)!.add(b);
		partners.get(b)!.add(a);
	}
	const [hub, set] = [...partners].reduce((best, next) => (next[1].size > best[1].size ? next : best));
	return { id: `n${hub}`, partners: set.size };
}

async function importLarge(page: Page, nodes = 3000, m = 2) {
	await open(page);
	await page.getByRole('tab', { name: 'Import' }).click();
	await page.getByTestId('import-file').setInputFiles({ name: `ba-${nodes}.graphml`, mimeType: 'application/xml', buffer: Buffer.from(graphml(nodes, m)) });
	await expect(page).toHaveURL(/dataset=local%3A/, { timeout: 60_000 });
}

/** Pixels of the graph that change when the tie layer is hidden: how much of the picture is ties. */
async function tiePixels(page: Page): Promise<number> {
	const graph = page.getByTestId('graph');
	const layer = page.getByTestId('tie-layer');
	const withTies = await graph.screenshot();
	await layer.evaluate((element) => ((element as HTMLElement).style.visibility = 'hidden'));
	const without = await graph.screenshot();
	await layer.evaluate((element) => ((element as HTMLElement).style.visibility = ''));
	return page.evaluate(
		async ([a, b]) => {
			const pixels = async (bytes: number[]) => {
				const image = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
				const canvas = new OffscreenCanvas(image.width, image.height);
				const context = canvas.getContext('2d')!;
				context.drawImage(image, 0, 0);
				return context.getImageData(0, 0, image.width, image.height).data;
			};
			const [first, second] = [await pixels(a!), await pixels(b!)];
			let changed = 0;
			for (let i = 0; i < first.length; i += 4) if (Math.abs(first[i]! - second[i]!) + Math.abs(first[i + 1]! - second[i + 1]!) + Math.abs(first[i + 2]! - second[i + 2]!) > 30) changed++;
			return changed;
		},
		[[...withTies], [...without]]
	);
}

/** Pixels Cytoscape's own node canvas has drawn within `radius` of a point of the graph (rendered coordinates). */
async function cytoscapeInk(page: Page, at: { x: number; y: number }, radius = 12): Promise<number> {
	return page.getByTestId('graph').evaluate(
		(element, { at, radius }) => {
			const canvas = element.querySelector<HTMLCanvasElement>('canvas[data-id="layer2-node"]')!;
			const ratio = canvas.width / canvas.clientWidth;
			const [x, y, side] = [Math.round((at.x - radius) * ratio), Math.round((at.y - radius) * ratio), Math.round(2 * radius * ratio)];
			const data = canvas.getContext('2d')!.getImageData(x, y, side, side).data;
			let inked = 0;
			for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) inked++;
			return inked;
		},
		{ at, radius }
	);
}

test.describe('large networks', () => {
	test.setTimeout(180_000);

	test('a 3,000-node GraphML shows a picture at once, answers clicks during the layout, and the layout can be cancelled', async ({ page }) => {
		await importLarge(page);
		const progress = page.getByTestId('layout-progress');
		await expect(progress).toBeVisible({ timeout: 60_000 });
		// The picture is there while the layout runs: every node drawn, spread out, in view; the ties on their own layer.
		const drawn = await page.getByTestId('graph').evaluate((element) => {
			const cy = (element as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy;
			const spots = new Set(cy.nodes().map((node) => `${Math.round(node.position('x'))},${Math.round(node.position('y'))}`));
			return { nodes: cy.nodes().length, edges: cy.edges().length, spots: spots.size };
		});
		expect(drawn).toMatchObject({ nodes: 3000, edges: 0 });
		// Cytoscape's nodes follow the streamed layout a slice per frame, so two may share a spot for a moment.
		expect(drawn.spots).toBeGreaterThan(2990);
		await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'true');

		// The page answers while the worker lays out: a click on a side tab shows its panel.
		await page.getByRole('tab', { name: 'Measures' }).click();
		await expect(page.getByRole('tab', { name: 'Measures' })).toHaveAttribute('aria-selected', 'true');
		await expect(progress).toBeVisible();

		const before = await positions(page);
		await progress.getByRole('button', { name: 'Cancel layout' }).click();
		await expect(progress).toHaveCount(0);
		await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false');
		const after = await positions(page);
		await page.waitForTimeout(1500);
		expect(largestMove(after, await positions(page))).toBe(0);
		expect(Object.keys(after)).toHaveLength(Object.keys(before).length);
	});

	test('a large import’s first picture is on screen when the page marks it, the whole network in view', async ({ page }) => {
		await open(page);
		const before = await page.evaluate(() => performance.getEntriesByName('graph:first-picture').length);
		await page.getByRole('tab', { name: 'Import' }).click();
		await page.getByTestId('import-file').setInputFiles({ name: 'ba-10000.graphml', mimeType: 'application/xml', buffer: Buffer.from(graphml(10000, 4)) });
		await page.waitForFunction((count) => performance.getEntriesByName('graph:first-picture').length > count, before, { timeout: 60_000, polling: 20 });
		// At once: the ties' layer shows the picture, not an empty canvas nor a corner of it at the old view.
		const graph = (await page.getByTestId('graph').boundingBox())!;
		expect(await tiePixels(page)).toBeGreaterThan(0.05 * graph.width * graph.height);
	});

	test('a large network from the server: the page comes without it, says it is loading, then draws every node and tie', async ({ page, request }) => {
		const LARGE = 'synthetic-ba-1500';
		// The page's HTML holds the listing, not the 1,500 nodes: it is small, and asks for the dataset early.
		const html = await (await request.get(`/?dataset=${LARGE}`)).text();
		expect(html.length).toBeLessThan(100_000);
		expect(html).not.toContain('Node 1499');
		expect(html).toContain(`<link rel="preload" as="fetch" href="/api/datasets/${LARGE}" crossorigin="anonymous"/>`);

		// While the dataset is on its way the page says what it is reading, and how big it is.
		let release = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		await page.route(`**/api/datasets/${LARGE}`, async (route) => {
			await held;
			await route.continue();
		});
		await page.goto(`/?dataset=${LARGE}`);
		await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toHaveText('Loading “Synthetic network (Barabasi-Albert, 1,500 nodes)” (1,500 nodes, 2,996 edges)…');
		release();
		await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false', { timeout: 120_000 });
		const drawn = await page.getByTestId('graph').evaluate((element) => {
			const cy = (element as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy;
			return cy.nodes().length;
		});
		expect(drawn).toBe(1500);
		expect(await tiePixels(page)).toBeGreaterThan(5_000);
		await expect(page.getByTestId('counts')).toContainText('1,500 of 1,500 nodes');

		// A change of view keeps the dataset the page fetched: nothing is read again, nothing is laid out again.
		let fetches = 0;
		page.on('request', (sent) => void (sent.url().includes(`/api/datasets/${LARGE}`) && fetches++));
		const before = await positions(page);
		await page.getByLabel('Hide isolated nodes').check();
		await expect(page).toHaveURL(/isolated=hide/);
		await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false');
		expect(largestMove(before, await positions(page))).toBe(0);
		expect(fetches).toBe(0);

		// Sizes by degree, once the measures are in: the layer draws the nodes anew and keeps every tie.
		const sized = await page.getByTestId('graph').screenshot();
		await page.getByTestId('size-by').selectOption('metric:degree');
		await expect(page).toHaveURL(/size=metric%3Adegree/);
		await expect.poll(async () => Buffer.compare(sized, await page.getByTestId('graph').screenshot()), { timeout: 60_000 }).not.toBe(0);
		expect(await tiePixels(page)).toBeGreaterThan(5_000);
	});

	test('a large network the server cannot send: the page says why, and offers the other datasets', async ({ page }) => {
		await page.route('**/api/datasets/synthetic-ba-1500', (route) => route.fulfill({ status: 503, contentType: 'text/html', body: '<h1>Service Unavailable</h1>' }));
		await page.goto('/?dataset=synthetic-ba-1500');
		await expect(page.getByRole('status').filter({ hasText: 'server' })).toHaveText('Dataset "synthetic-ba-1500": the server answered 503. Reload the page to try again.');
		await expect(page.getByRole('heading', { name: 'No dataset to show' })).toBeVisible();
		await expect(page.getByLabel('Dataset')).toHaveValue('synthetic-ba-1500');
		await page.getByLabel('Dataset').selectOption('japan-korea-2014');
		await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false');
	});

	test('clicks on a large graph open the node drawn under the pointer while its layout runs, and clear the selection on empty space', async ({ page }) => {
		// 10,000 nodes and 50,000 ties: a layout that runs some seconds, while the clicks below are made.
		await importLarge(page, 10_000, 5);
		const progress = page.getByTestId('layout-progress');
		await expect(progress).toBeVisible({ timeout: 60_000 });
		// Clicks on the graph are answered during the layout too, from the picture on screen: a click on empty space
		// clears the selection, and one where a node is drawn opens it. The hub is found where the picture had it when
		// it was last selected; a streamed picture may move it between reading and clicking, so a few tries are allowed.
		const { id: hub } = hubOf(10_000, 5);
		const box = (await page.getByTestId('graph').boundingBox())!;
		// The corner is empty space unless a streamed picture has just put a node there: then that try is made again.
		let cleared = false;
		const clickHub = async () => {
			await page.getByRole('combobox', { name: /Search/ }).fill(`Node ${hub.slice(1)}`);
			await page.keyboard.press('Enter');
			await expect(page).toHaveURL(new RegExp(`node=${hub}(&|$)`));
			await page.mouse.click(box.x + 3, box.y + 3);
			const emptied = await expect
				.poll(() => new URL(page.url()).searchParams.get('node'), { timeout: 5000 })
				.toBeNull()
				.then(
					() => true,
					() => false
				);
			if (!emptied) return null;
			cleared = true;
			const at = await page.getByTestId('graph').evaluate((element, id) => {
				const cy = (element as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy;
				return cy.getElementById(id).renderedPosition();
			}, hub);
			await page.mouse.click(box.x + at.x, box.y + at.y);
			return new URL(page.url()).searchParams.get('node');
		};
		let opened: string | null = null;
		for (let attempt = 0; attempt < 5 && opened !== hub; attempt++) opened = await clickHub();
		expect(cleared).toBe(true);
		expect(opened).toBe(hub);
		await expect(page.getByTestId('node-panel').getByRole('heading', { level: 2 })).toHaveText(`Node ${hub.slice(1)}`);
	});

	test('an edit of a large network keeps its drawing, legend and controls where they are, and its picture', async ({ page }) => {
		await importLarge(page);
		await page.getByTestId('layout-progress').getByRole('button', { name: 'Cancel layout' }).click();
		await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false');
		// The last of the page's parts is in.
		await expect(page.getByTestId('time')).toBeAttached();
		const parts = [page.getByTestId('tie-layer'), page.getByTestId('legend'), page.getByTestId('time')];
		const handles = await Promise.all(parts.map((part) => part.elementHandle()));
		const before = await positions(page);

		// Chosen by name (a click on the canvas is another test's, and may meet a node still moving into place).
		await page.getByRole('combobox', { name: /Search/ }).fill('Node 7');
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/node=n7(&|$)/);
		await page.getByTestId('node-panel').getByRole('button', { name: 'Edit' }).click();
		const nodeForm = page.getByTestId('node-form');
		await nodeForm.getByRole('textbox', { name: 'Label' }).fill('Node 7 (edited)');
		await nodeForm.getByRole('button', { name: 'Save node' }).click();
		await expect
			.poll(() =>
				page.getByTestId('graph').evaluate((element) => (element as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy.getElementById('n7').data('label'))
			)
			.toBe('Node 7 (edited)');
		await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false');
		await expect.poll(async () => Object.keys(await positions(page)).length).toBe(3000);
		// The same elements: not taken down and made again a part at a time. And no node moved.
		for (const handle of handles) expect(await handle!.evaluate((element) => element.isConnected)).toBe(true);
		expect(largestMove(before, await positions(page))).toBe(0);
	});

	test('a hub of 1,500 partners lists the first 200 by name, more at a click, and its tie to itself apart', async ({ page }) => {
		await open(page);
		await page.getByRole('tab', { name: 'Import' }).click();
		const leaves = Array.from({ length: 1500 }, (_, i) => `hub,leaf${String(i).padStart(4, '0')}`);
		await page.getByTestId('import-file').setInputFiles({ name: 'star.csv', mimeType: 'text/csv', buffer: Buffer.from(`source,target\nhub,hub\n${leaves.join('\n')}\n`) });
		await expect(page).toHaveURL(/dataset=local%3Astar/, { timeout: 60_000 });
		await page.getByRole('combobox', { name: /Search/ }).fill('hub');
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/node=hub(&|$)/);
		const panel = page.getByTestId('node-panel');
		await expect(panel.getByRole('heading', { name: /^Cooperation:/ })).toHaveText('Cooperation: 1,500 partners, 1,501 ties');
		const partners = panel.getByTestId('neighbours-cooperation').locator('li');
		await expect(partners).toHaveCount(200);
		await expect(partners.first().getByRole('link').first()).toHaveText('leaf0000');
		await expect(panel.getByTestId('more-rows')).toHaveText(/^The first 200 of 1,500 partners, by name\./);
		await panel.getByRole('button', { name: 'Show 200 more' }).click();
		await expect(partners).toHaveCount(400);
		await expect(panel.getByTestId('loops-cooperation')).toHaveText(/^Tied to itself: /);
		await expect(partners.getByRole('link', { name: 'hub', exact: true })).toHaveCount(0);
		// Another node starts again from its first partners.
		await partners.first().getByRole('link').first().click();
		await expect(panel.getByRole('heading', { level: 2 })).toHaveText('leaf0000');
		await expect(panel.getByTestId('neighbours-cooperation').locator('li')).toHaveCount(1);
	});

	test('on a large graph the pointer finds what Cytoscape finds looking at every element, zoomed out and in, a selection and labels shown', async ({ page }) => {
		// synthetic-ba-1500: 1,500 nodes and 2,996 ties, drawn the large way; n0 is its hub.
		await open(page, '/?dataset=synthetic-ba-1500&node=n0');
		const differences = async () =>
			page.getByTestId('graph').evaluate((element) => {
				type Found = { id(): string }[];
				type Renderer = { findNearestElements(x: number, y: number, interactiveOnly: boolean, isTouch: boolean): Found };
				const cy = (element as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy;
				const renderer = (cy as unknown as { renderer(): Renderer }).renderer();
				// The wrapped hit test is the renderer's own property; Cytoscape's, which checks every element, its prototype's.
				const everything = Object.getPrototypeOf(renderer) as Renderer;
				const points: [number, number][] = [];
				cy.nodes().forEach((node, i) => {
					const { x, y } = node.position();
					const half = node.outerWidth() / 2;
					points.push([x, y], [x + half + 1 / cy.zoom(), y], [x, y + half + 3 + (i % 20)]);
					// The ends of a label shown under its node, beyond the node's own box (not a hit while text-events is off).
					const label = node.boundingBox({ includeNodes: false, includeLabels: true });
					if (label.w > 0) points.push([label.x1 + 1, label.y2 - 2], [label.x2 - 1, label.y2 - 2]);
				});
				const { x1, y1, w, h } = cy.extent();
				let seed = 7;
				const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
				for (let i = 0; i < 3000; i++) points.push([x1 + random() * w, y1 + random() * h]);
				const ids = (found: Found) => found.map((ele) => ele.id()).join(' ');
				const differ: string[] = [];
				let hits = 0;
				for (const [x, y] of points) {
					for (const touch of [false, true]) {
						const wrapped = ids(renderer.findNearestElements(x, y, true, touch));
						const full = ids(everything.findNearestElements.call(renderer, x, y, true, touch));
						if (full) hits++;
						if (wrapped !== full) differ.push(`(${x.toFixed(1)}, ${y.toFixed(1)}) ${touch ? 'touch' : 'mouse'}: ${wrapped} ≠ ${full}`);
					}
				}
				return { differ: differ.slice(0, 5), hits };
			});
		const whole = await differences();
		expect(whole.differ).toEqual([]);
		expect(whole.hits).toBeGreaterThan(3000);

		// Zoomed in on the hub, nodes in view carry labels, which reach past their nodes.
		await page.getByTestId('graph').evaluate((element) => {
			const cy = (element as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy;
			cy.zoom({ level: 1.5, position: cy.getElementById('n0').position() });
		});
		await expect
			.poll(() =>
				page.getByTestId('graph').evaluate((element) => {
					const cy = (element as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy;
					return cy.nodes('.labelled').length;
				})
			)
			.toBeGreaterThan(10);
		const zoomed = await differences();
		expect(zoomed.differ).toEqual([]);
		expect(zoomed.hits).toBeGreaterThan(1000);
	});

	test('hover on a hub of a large graph names it and its partners without touching the drawing', async ({ page }) => {
		await importLarge(page);
		await page.getByTestId('layout-progress').getByRole('button', { name: 'Cancel layout' }).click();
		await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false');
		const { id, partners } = hubOf(3000, 2);
		const at = await page.getByTestId('graph').evaluate((element, id) => {
			const cy = (element as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy;
			const node = cy.getElementById(id);
			cy.center(node);
			return node.renderedPosition();
		}, id);
		const box = (await page.getByTestId('graph').boundingBox())!;
		await page.mouse.move(box.x + at.x, box.y + at.y);
		// The name is set apart, so a right-to-left name cannot turn the count around.
		await expect(page.getByTestId('graph-tip')).toHaveText(`\u2068Node ${id.slice(1)}\u2069 · ${partners} partners`);
		const marked = await page.getByTestId('graph').evaluate((element) => {
			const cy = (element as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy;
			return cy.elements('.near, .faded').length;
		});
		expect(marked).toBe(0);
		await page.mouse.move(box.x + 5, box.y + 5);
		await expect(page.getByTestId('graph-tip')).toHaveCount(0);
		// A zoom moves the node from under its tooltip: the tooltip goes.
		await page.mouse.move(box.x + at.x, box.y + at.y);
		await expect(page.getByTestId('graph-tip')).toHaveCount(1);
		await page.mouse.wheel(0, -240);
		await expect(page.getByTestId('graph-tip')).toHaveCount(0);
	});
	test('a large graph as a user sees it: ties drawn, a click opens a node, a tie picked out, the layout to the end', async ({ page }) => {
		await importLarge(page);
		await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false', { timeout: 120_000 });
		// The ties are drawn, on their layer under the nodes: hiding it takes a good share of the picture away.
		expect(await tiePixels(page)).toBeGreaterThan(20_000);

		const { id } = hubOf(3000, 2);
		const at = await page.getByTestId('graph').evaluate((element, id) => {
			const cy = (element as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy;
			const node = cy.getElementById(id);
			cy.zoom({ level: 1.2, position: node.position() });
			cy.center(node);
			return node.renderedPosition();
		}, id);
		const box = (await page.getByTestId('graph').boundingBox())!;
		await page.mouse.click(box.x + at.x, box.y + at.y);
		const panel = page.getByTestId('node-panel');
		await expect(panel.getByRole('heading', { level: 2 })).toHaveText(`Node ${id.slice(1)}`);
		await expect(page).toHaveURL(new RegExp(`node=${id}`));
		// Cytoscape draws the selected node (its ring and label) over the layer, also once the picture has rested (its
		// layered textures, which it builds a quarter second after the last move, are off on large graphs), and
		// nothing where no node is drawn.
		await page.waitForTimeout(600);
		expect(await cytoscapeInk(page, at)).toBeGreaterThan(100);
		expect(await cytoscapeInk(page, { x: 8, y: 8 }, 6)).toBe(0);

		// Keyboard: an arrow moves to a neighbour, found over the dataset's ties (Cytoscape holds none of them).
		await page.getByTestId('graph').focus();
		await page.keyboard.press('ArrowRight');
		await expect(page.getByTestId('graph-announcement')).toContainText(/partners? on show/);

		// An exported picture holds the ties and nodes too, though Cytoscape does not: the layer's drawing, each kind of
		// tie one path, each fill and shape of node one path.
		await page.getByRole('tab', { name: 'Export' }).click();
		await page.getByTestId('image-format').selectOption('svg');
		// What the status said while the picture was being made: it is on screen before.
		await page.evaluate(() => {
			const said: string[] = [];
			(window as unknown as { statusSaid: string[] }).statusSaid = said;
			new MutationObserver(() => said.push(document.querySelector('[data-testid="export-status"]')?.textContent ?? '')).observe(document.body, { subtree: true, childList: true, characterData: true });
		});
		const pending = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Download image' }).click();
		const file = await pending;
		const said = await page.evaluate(() => (window as unknown as { statusSaid: string[] }).statusSaid);
		expect(said).toContain('Making the image of 3,000 nodes and their ties…');
		await expect(page.getByTestId('export-status')).toHaveText(/^Saved .*_whole\.svg\.$/);
		const svg = await readFile((await file.path())!, 'utf8');
		const layer = /<g data-layer="ties and nodes">(.*?)<\/g>/.exec(svg)![1]!;
		const drawn = [...layer.matchAll(/<path fill="([^"]+)" [^>]*stroke="([^"]+)"[^>]* d="([^"]*)"/g)].map(([, fill, stroke, d]) => ({ fill, stroke, subpaths: d!.split('M').length - 1 }));
		expect(drawn.filter((path) => path.fill === 'none')).toEqual([{ fill: 'none', stroke: EDGE_KIND_COLOURS.cooperation.light, subpaths: 5996 }]);
		expect(drawn.filter((path) => path.fill !== 'none').reduce((sum, path) => sum + path.subpaths, 0)).toBe(3000);

		// A PDF holds them as paths of its own: one line per tie, one shape per node, under the rest.
		await page.getByTestId('image-format').selectOption('pdf');
		const pendingPdf = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Download image' }).click();
		const pdf = (await readFile((await (await pendingPdf).path())!)).toString('latin1');
		expect(pdf.startsWith('%PDF-')).toBe(true);
		const operators = pdf.split('\n');
		const hex = EDGE_KIND_COLOURS.cooperation.light;
		const tieColour = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16) / 255);
		const stroke = operators.findIndex((line) => line.endsWith(' RG') && line.split(' ').slice(0, 3).every((value, i) => Math.abs(Number(value) - tieColour[i]!) < 0.01));
		expect(stroke).toBeGreaterThan(0);
		const tiePath = operators.slice(stroke, operators.indexOf('S', stroke));
		expect([tiePath.filter((line) => line.endsWith(' m')).length, tiePath.filter((line) => line.endsWith(' l')).length]).toEqual([5996, 5996]);
		// Then the nodes, each one shape, up to the end of the layer's own graphics state.
		const nodePaths = operators.slice(operators.indexOf('S', stroke), operators.indexOf('Q', stroke));
		expect(nodePaths.filter((line) => line.endsWith(' m')).length).toBe(3000);

		// A tie picked from the panel is drawn by Cytoscape over the layer, with its halo; the rest stay on the layer.
		await page.goto(page.url().replace(/node=[^&]+/, 'edge=e0'));
		await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false', { timeout: 120_000 });
		await expect
			.poll(() =>
				page.getByTestId('graph').evaluate((element) => {
					const cy = (element as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy;
					return cy.edges().map((edge) => [edge.data('ties') ?? [edge.id()], edge.hasClass('chosen')]);
				})
			)
			.toEqual([[['e0'], true]]);
	});

	test('an image of a large graph’s current view is the picture on screen: the layer and Cytoscape’s labels in place', async ({ page }) => {
		await importLarge(page);
		await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false', { timeout: 120_000 });
		const { id } = hubOf(3000, 2);
		await page.goto(`${page.url()}&node=${id}`);
		await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false', { timeout: 120_000 });
		// Zoomed in on the hub, so Cytoscape draws labels and the selection over the layer's ties and nodes.
		await page.getByTestId('graph').evaluate((element, id) => {
			const cy = (element as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy;
			cy.zoom({ level: 0.8, position: cy.getElementById(id).position() });
			cy.center(cy.getElementById(id));
		}, id);
		await page.waitForTimeout(1000);
		const screen = await page.getByTestId('graph').screenshot();

		await page.getByRole('tab', { name: 'Export' }).click();
		await page.getByLabel('Extent').selectOption('view');
		await page.getByRole('checkbox', { name: 'Include the selection' }).check();
		for (const name of ['Title', 'Legend', 'Caption']) await page.getByRole('checkbox', { name, exact: true }).uncheck();
		// The PNG's layer is rasterised in the tie worker, the SVG's written as paths: both must be the screen's picture.
		for (const format of ['png', 'svg'] as const) {
			await page.getByTestId('image-format').selectOption(format);
			if (format === 'png') await page.getByLabel('Scale').selectOption('1');
			const pending = page.waitForEvent('download');
			await page.getByRole('button', { name: 'Download image' }).click();
			const image = await readFile((await (await pending).path())!);

			// The picture sits 24 px in from its edges. Pixels far apart in colour, as a share: set in place, only the edges
			// of shapes and letters differ (the export's text is the SVG's, the screen's the canvas's); shifted by 4 px, a
			// third of the picture does, so the comparison would see any misplacement.
			const differing = await page.evaluate(
				async ({ screen, image, type }) => {
					const pixels = async (bytes: number[], type: string) => {
						const url = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type }));
						const picture = new Image();
						picture.src = url;
						await picture.decode();
						URL.revokeObjectURL(url);
						const canvas = new OffscreenCanvas(picture.naturalWidth, picture.naturalHeight);
						const context = canvas.getContext('2d')!;
						context.drawImage(picture, 0, 0);
						return { width: canvas.width, height: canvas.height, data: context.getImageData(0, 0, canvas.width, canvas.height).data };
					};
					const [shown, saved] = [await pixels(screen, 'image/png'), await pixels(image, type)];
					const share = (dx: number, dy: number) => {
						let [far, all] = [0, 0];
						for (let y = 10; y < shown.height - 10; y++) {
							for (let x = 10; x < shown.width - 10; x++) {
								const [i, j] = [4 * (y * shown.width + x), 4 * ((y + 24 + dy) * saved.width + x + 24 + dx)];
								const gap = Math.max(...[0, 1, 2].map((c) => Math.abs(shown.data[i + c]! - saved.data[j + c]!)));
								all++;
								if (gap > 64) far++;
							}
						}
						return far / all;
					};
					return { inPlace: share(0, 0), shifted: Math.min(share(4, 0), share(0, 4)) };
				},
				{ screen: [...screen], image: [...image], type: format === 'png' ? 'image/png' : 'image/svg+xml' }
			);
			expect(differing.inPlace, format).toBeLessThan(0.08);
			expect(differing.shifted, format).toBeGreaterThan(0.15);
		}
	});
});
