// The editor as a user meets it: a tie added with its evidence shows in the graph and in the analysis, undo and redo
// take it back and forth, the edited copy survives a reload and exports and re-imports, a contract violation is
// named at its field and saves nothing, deletions ask or refuse, and the bundled file is never changed.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { loadedScripts } from './loaded-scripts';

const BRIEF = '/?dataset=japan-korea-2014';
const COPY = 'local:japan-korea-2014-edited';
const root = join(import.meta.dirname, '..', '..');

interface Dataset {
	meta: { title: string; changes?: { at: string; summary: string }[] };
	sources: { id: string; title: string }[];
	nodes: { id: string; label: string }[];
	edges: { id: string; source: string; target: string; kind: string; status: string; evidence: Evidence[] }[];
	measures?: { evidence?: Evidence[] }[];
}
interface Evidence {
	source: string;
	quote: string;
	locator?: string;
	cites?: string;
}

async function served(request: APIRequestContext): Promise<Dataset> {
	return (await request.get('/api/datasets/japan-korea-2014')).json();
}

/** The bundled file on disk as served to the tests, and the original in graph-data/. */
async function bundledFiles(): Promise<string[]> {
	const files = [join(root, '.test-output', 'e2e-graph-data', 'japan-korea-2014.json'), join(root, 'graph-data', 'japan-korea-2014.json')];
	return Promise.all(files.map(async (file) => createHash('sha256').update(await readFile(file)).digest('hex')));
}

async function open(page: Page, path = BRIEF) {
	await page.goto(path);
	await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false');
}

/** Whether the graph draws a node or a tie: a tie is drawn as itself or within its pair's summary curve. */
async function graphHas(page: Page, id: string): Promise<boolean> {
	return page.getByTestId('graph').evaluate((element, elementId) => {
		const cy = (element as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy;
		return cy.getElementById(elementId).nonempty() || cy.edges().some((edge) => ((edge.data('ties') as string[] | undefined) ?? []).includes(elementId));
	}, id);
}

/** The ends of the curve that draws a tie (itself, or its pair's summary). */
async function graphEnds(page: Page, id: string): Promise<string[]> {
	return page.getByTestId('graph').evaluate((element, elementId) => {
		const cy = (element as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy;
		const summary = cy.edges().filter((edge) => ((edge.data('ties') as string[] | undefined) ?? []).includes(elementId));
		const edge = summary.nonempty() ? summary.first() : cy.getElementById(elementId);
		return [edge.data('source') as string, edge.data('target') as string];
	}, id);
}

async function positionOf(page: Page, id: string): Promise<{ x: number; y: number }> {
	return page.getByTestId('graph').evaluate((element, nodeId) => {
		const cy = (element as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy;
		return { ...cy.getElementById(nodeId).position() };
	}, id);
}

/** Distinct nodes tied to this one by ties the analysis counts on its default layer (active cooperation; Mongolia's are undated). */
function cooperationNeighbours(dataset: Dataset, id: string): number {
	const ties = dataset.edges.filter((e) => e.kind !== 'friction' && e.status === 'active' && (e.source === id || e.target === id));
	return new Set(ties.map((e) => (e.source === id ? e.target : e.source))).size;
}

async function degreeOf(page: Page, id: string): Promise<number> {
	await page.getByRole('tab', { name: 'Analysis' }).click();
	const cell = page.getByTestId('metrics-table').locator(`tr[data-id="${id}"] td`).first();
	await expect(cell).toBeVisible();
	return Number(await cell.innerText());
}

/** The brief's size as bundled: the counts before any edit. */
const bundled = JSON.parse(readFileSync(join(root, 'graph-data', 'japan-korea-2014.json'), 'utf8')) as { nodes: unknown[]; edges: unknown[] };
const [N, M] = [bundled.nodes.length, bundled.edges.length];
const counts = (nodes: number, edges: number) => `${nodes} of ${nodes} nodes, ${edges} of ${edges} edges`;

test('a tie added with its evidence shows in the graph and the metrics, undoes and redoes, survives a reload, and exports and re-imports', async ({ page, request }) => {
	// One user's whole walk, analysis recomputed four times: more than the default minute on a busy machine.
	test.slow();
	const before = await served(request);
	const files = await bundledFiles();
	const neighbours = cooperationNeighbours(before, 'mongolia');
	await open(page);
	const degree = await degreeOf(page, 'mongolia');
	expect(degree).toBe(Number((neighbours / (N - 1)).toFixed(3)));

	await page.getByRole('tab', { name: 'Edit' }).click();
	await expect(page.getByTestId('edit-panel')).toContainText('your first change makes an edited copy');
	await page.getByRole('button', { name: 'Add a tie' }).click();
	const form = page.getByTestId('tie-form');
	await form.getByRole('combobox', { name: 'First end' }).selectOption('mongolia');
	await form.getByRole('combobox', { name: 'Second end' }).selectOption('thailand');
	await form.getByRole('combobox', { name: 'Field' }).selectOption('defense');
	await form.getByRole('combobox', { name: 'Relation' }).fill('exercise');
	await form.getByRole('textbox', { name: 'Label', exact: true }).fill('Joint exercise (browser test)');
	await form.getByRole('textbox', { name: 'Since' }).fill('2014');
	await form.getByRole('textbox', { name: 'Quote' }).fill('A made-up quote, typed by the editor’s browser test.');
	await form.getByRole('textbox', { name: 'Where it stands' }).fill('p. 1');
	await form.getByRole('button', { name: 'Add a new source…' }).click();
	await form.getByRole('textbox', { name: 'Title' }).fill('Editor browser test: a made-up source');
	await form.getByRole('textbox', { name: 'Year' }).fill('2026');
	const japanBefore = await positionOf(page, 'japan');
	await form.getByRole('button', { name: 'Add tie' }).click();

	const tie = 'mongolia--thailand--exercise';
	await expect(page).toHaveURL(new RegExp(`dataset=${encodeURIComponent(COPY)}.*edge=${tie}`));
	await expect(page.getByTestId('counts')).toHaveText(counts(N, M + 1));
	expect(await graphHas(page, tie)).toBe(true);
	// The edit keeps the picture: a node drawn before stays where it was.
	expect(await positionOf(page, 'japan')).toEqual(japanBefore);
	await expect(page.getByTestId('edit-status')).toHaveText(
		'Added source “Editor browser test: a made-up source”; added tie “Joint exercise (browser test)” (Mongolia — Thailand) with 1 evidence item.'
	);
	await expect(page).toHaveTitle(/^Edited copy of Japan–South Korea partnership/);
	const picker = page.getByLabel('Dataset', { exact: true });
	await expect(picker).toHaveValue(COPY);
	await expect(picker.locator('optgroup[label="Edited in this browser"] option')).toHaveText([new RegExp(`^Edited copy of Japan–South Korea partnership.*\\(${N} nodes, ${M + 1} edges\\)$`)]);
	expect(await degreeOf(page, 'mongolia')).toBe(Number(((neighbours + 1) / (N - 1)).toFixed(3)));

	await page.getByRole('tab', { name: 'Edit' }).click();
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(page.getByTestId('counts')).toHaveText(counts(N, M));
	await expect.poll(() => graphHas(page, tie)).toBe(false);
	await expect(page.getByTestId('edit-status')).toContainText('Undone: Added source');
	expect(await degreeOf(page, 'mongolia')).toBeCloseTo(degree, 3);

	// Shift+Ctrl+Z redoes; Ctrl+Z in a text field is the field's own undo, not the dataset's.
	await page.keyboard.press('Control+Shift+Z');
	await expect(page.getByTestId('counts')).toHaveText(counts(N, M + 1));
	await page.getByRole('combobox', { name: /Search/ }).focus();
	await page.keyboard.press('Control+Z');
	await expect(page.getByTestId('counts')).toHaveText(counts(N, M + 1));
	await page.getByRole('combobox', { name: /Search/ }).blur();
	await page.keyboard.press('Control+Z');
	await expect(page.getByTestId('counts')).toHaveText(counts(N, M));
	await page.keyboard.press('Control+Y');
	await expect(page.getByTestId('counts')).toHaveText(counts(N, M + 1));
	expect(await graphHas(page, tie)).toBe(true);

	await page.reload();
	await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false');
	await expect(page.getByTestId('counts')).toHaveText(counts(N, M + 1));
	await expect(picker).toHaveValue(COPY);
	await page.getByRole('tab', { name: 'Edit' }).click();
	await page.getByRole('button', { name: /Change log/ }).click();
	await expect(page.getByTestId('change-log').locator('li')).toHaveText([/Added source “Editor browser test: a made-up source”; added tie/]);

	await page.getByRole('tab', { name: 'Export' }).click();
	await page.getByTestId('data-format').selectOption('json');
	const pending = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download data' }).click();
	const download = await pending;
	const path = test.info().outputPath(download.suggestedFilename());
	await download.saveAs(path);
	const exported: Dataset = JSON.parse(await readFile(path, 'utf8'));
	expect(exported.edges).toHaveLength(M + 1);
	expect(exported.edges.at(-1)).toMatchObject({ id: tie, source: 'mongolia', target: 'thailand', evidence: [{ quote: 'A made-up quote, typed by the editor’s browser test.', locator: 'p. 1' }] });
	expect(exported.meta.changes).toHaveLength(1);

	await page.getByRole('tab', { name: 'Import' }).click();
	await page.getByTestId('import-file').setInputFiles(path);
	await expect(page).toHaveURL(/dataset=local%3Ajapan-korea-2014(&|$)/);
	await expect(page.getByTestId('counts')).toHaveText(counts(N, M + 1));
	expect(await graphHas(page, tie)).toBe(true);

	expect((await served(request)).edges).toHaveLength(before.edges.length);
	expect(await bundledFiles()).toEqual(files);
});

test('a contract violation is named at its field, takes focus, and saves nothing; the checks load with the editor, without eval', async ({ page, request }) => {
	const files = await bundledFiles();
	// zod's code (told apart by the name of its error class) comes with the editor; the page's CSP forbids eval, which
	// zod would try unless set jitless before its first check.
	const loaded = loadedScripts(page);
	const refused: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error' && /Content.Security.Policy|Refused to/i.test(message.text())) refused.push(message.text());
	});
	await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (event) => console.error(`Refused to: ${event.violatedDirective}`)));
	await open(page);
	expect(await loaded('ZodError')).toBe(false);
	await page.getByRole('tab', { name: 'Edit' }).click();
	await page.getByRole('button', { name: 'Add a tie' }).click();
	const form = page.getByTestId('tie-form');
	await form.getByRole('combobox', { name: 'First end' }).selectOption('japan');
	await form.getByRole('combobox', { name: 'Second end' }).selectOption('south-korea');
	await form.getByRole('textbox', { name: 'Since' }).fill('2014-13');
	await form.getByRole('textbox', { name: 'Weight' }).fill('0');
	await form.getByRole('button', { name: 'Add tie' }).click();

	const since = form.getByRole('textbox', { name: 'Since' });
	await expect(since).toHaveAttribute('aria-invalid', 'true');
	await expect(since).toHaveAccessibleDescription(/must be a date like 2014, 2014-06 or 2014-06-30/);
	await expect(form.getByRole('combobox', { name: 'Field' })).toHaveAccessibleDescription('is required');
	await expect(form.getByRole('textbox', { name: 'Weight' })).toHaveAccessibleDescription(/must be a positive number/);
	await expect(form.getByRole('textbox', { name: 'Quote' })).toHaveAccessibleDescription(/must not be empty/);
	// Focus goes to the first field with a problem, in the form's order.
	await expect(form.getByRole('combobox', { name: 'Field' })).toBeFocused();
	expect(await loaded('ZodError')).toBe(true);
	expect(refused).toEqual([]);

	expect(page.url()).toContain(BRIEF.slice(2));
	await expect(page.getByTestId('counts')).toHaveText(counts(N, M));
	await expect(page.getByLabel('Dataset', { exact: true }).locator('optgroup')).toHaveCount(0);
	await page.reload();
	await expect(page.getByLabel('Dataset', { exact: true }).locator('optgroup')).toHaveCount(0);
	expect((await served(request)).edges).toHaveLength(M);
	expect(await bundledFiles()).toEqual(files);
});

test('a source that evidence names cannot be deleted; a node with ties asks what becomes of them; each change undoes', async ({ page, request }) => {
	const dataset = await served(request);
	const mongoliaTies = dataset.edges.filter((e) => e.source === 'mongolia' || e.target === 'mongolia');
	await open(page, `${BRIEF}&node=mongolia`);
	await page.getByTestId('node-panel').getByRole('button', { name: 'Edit' }).click();

	await page.getByRole('button', { name: 'Sources' }).click();
	const evidence = [...dataset.edges.flatMap((e) => e.evidence), ...(dataset.measures ?? []).flatMap((m) => m.evidence ?? [])];
	const named = evidence.filter((item) => item.source === 'brief' || item.cites === 'brief').length;
	await page.getByRole('button', { name: `Delete source ${dataset.sources.find((s) => s.id === 'brief')!.title}` }).click();
	const refusal = page.getByTestId('sources-editor').getByRole('alert');
	await expect(refusal).toContainText(`is named by ${named} evidence items, so it cannot be deleted: tie “U.S.–Japan alliance” (United States — Japan), evidence 1;`);
	await expect(refusal).toContainText(`; and ${named - 5} more. Change or delete those first.`);
	await expect(page.getByLabel('Dataset', { exact: true }).locator('optgroup')).toHaveCount(0);

	// Changing the node's label shows in the graph at once.
	await page.getByRole('button', { name: 'Selected', exact: true }).click();
	const nodeForm = page.getByTestId('node-form');
	await nodeForm.getByRole('textbox', { name: 'Label' }).fill('Mongolia (edited)');
	await nodeForm.getByRole('button', { name: 'Save node' }).click();
	await expect(page).toHaveURL(/dataset=local%3Ajapan-korea-2014-edited/);
	await expect
		.poll(() =>
			page.getByTestId('graph').evaluate((element) => (element as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy.getElementById('mongolia').data('label'))
		)
		.toBe('Mongolia (edited)');

	await page.getByRole('button', { name: 'Delete node…' }).click();
	const confirm = page.getByRole('group', { name: /^Delete “Mongolia \(edited\)” and its \d+ ti/ });
	await expect(confirm).toContainText(`${mongoliaTies.length}`);
	await confirm.getByRole('radio', { name: 'Move its ties to another node' }).check();
	await confirm.getByRole('combobox', { name: 'Move them to' }).selectOption('thailand');
	await confirm.getByRole('button', { name: 'Delete node' }).click();
	await expect(page.getByTestId('counts')).toHaveText(counts(N - 1, M));
	expect(await graphHas(page, 'mongolia')).toBe(false);
	for (const edge of mongoliaTies) expect(await graphEnds(page, edge.id)).toContain('thailand');
	expect(new URL(page.url()).searchParams.get('node')).toBeNull();

	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(page.getByTestId('counts')).toHaveText(counts(N, M));
	for (const edge of mongoliaTies) expect(await graphEnds(page, edge.id)).toContain('mongolia');
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect
		.poll(() =>
			page.getByTestId('graph').evaluate((element) => (element as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy.getElementById('mongolia').data('label'))
		)
		.toBe('Mongolia');
	await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
});

test('evidence is added to a tie and deleted, but never the last of a curated tie', async ({ page, request }) => {
	const dataset = await served(request);
	const edge = dataset.edges.find((e) => e.evidence.length === 1)!;
	await open(page, `${BRIEF}&edge=${encodeURIComponent(edge.id)}`);
	await page.getByRole('button', { name: 'Edit tie and evidence' }).click();
	const editor = page.getByTestId('evidence-editor');
	await expect(editor.getByRole('heading')).toHaveText('Evidence (1)');

	await editor.getByRole('button', { name: 'Delete evidence 1' }).click();
	await expect(editor.getByRole('alert')).toHaveText('needs at least one evidence item');

	await editor.getByRole('button', { name: 'Add evidence…' }).click();
	const form = editor.getByTestId('evidence-form');
	await form.getByRole('combobox', { name: 'Source', exact: true }).selectOption('brief');
	await form.getByRole('textbox', { name: 'Quote' }).fill('A second quote, typed by the browser test.');
	await form.getByRole('button', { name: 'Add evidence' }).click();
	await expect(editor.getByRole('heading')).toHaveText('Evidence (2)');
	await page.getByRole('tab', { name: 'Details' }).click();
	await expect(page.getByTestId('edge-panel').getByTestId('evidence')).toHaveCount(2);

	await page.getByRole('tab', { name: 'Edit' }).click();
	await editor.getByRole('button', { name: 'Delete evidence 1' }).click();
	await expect(editor.locator('blockquote')).toHaveText(['A second quote, typed by the browser test.']);
});
