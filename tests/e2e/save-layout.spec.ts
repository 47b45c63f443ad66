// npm run save-layout: the positions it writes into a dataset file are the ones the page gives that dataset when it
// lays it out, and the rest of the file is left as it was; a file it cannot use gets one line and exit code 1.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const root = new URL('../..', import.meta.url).pathname;
const FIXTURE = join(root, 'tests', 'fixtures', 'explorer-data', 'regional-sample.json');

interface Placed {
	nodes: { id: string; position?: { x: number; y: number } }[];
}

function saveLayout(file: string) {
	return spawnSync(process.execPath, [join(root, 'scripts', 'save-layout.mjs'), file], { cwd: root, encoding: 'utf8', timeout: 300_000 });
}

test('save-layout writes the layout the page draws into the file, and changes nothing else', async ({ page }) => {
	test.setTimeout(300_000);
	const original = JSON.parse(readFileSync(FIXTURE, 'utf8'));
	const file = join(mkdtempSync(join(tmpdir(), 'save-layout-test-')), 'regional-sample.json');
	// A position the file already carries is laid out afresh, not kept.
	writeFileSync(file, JSON.stringify({ ...original, nodes: original.nodes.map((node: object, i: number) => (i === 0 ? { ...node, position: { x: 9999, y: 9999 } } : node)) }));

	const run = saveLayout(file);
	expect(run.status, run.stderr).toBe(0);
	expect(run.stdout.trim()).toBe(`wrote the positions of ${original.nodes.length} nodes into ${file}`);
	const saved: Placed = JSON.parse(readFileSync(file, 'utf8'));
	for (const node of saved.nodes) expect(node.position, node.id).toEqual({ x: expect.any(Number), y: expect.any(Number) });
	const unplaced = saved.nodes.map((node) => Object.fromEntries(Object.entries(node).filter(([key]) => key !== 'position')));
	expect({ ...saved, nodes: unplaced }).toEqual(original);

	// The test server serves the same dataset without positions: the page lays it out as the script's page did.
	await page.goto('/?dataset=regional-sample');
	await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false');
	const drawn: Record<string, { x: number; y: number }> = await page.getByTestId('graph').evaluate((element) => {
		const cy = (element as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy;
		return Object.fromEntries(cy.nodes().map((node) => [node.id(), node.position()]));
	});
	for (const node of saved.nodes) {
		expect(Math.abs(node.position!.x - drawn[node.id]!.x), node.id).toBeLessThanOrEqual(0.05);
		expect(Math.abs(node.position!.y - drawn[node.id]!.y), node.id).toBeLessThanOrEqual(0.05);
	}
});

test('save-layout names the file and the problem in one line when it cannot use the file', () => {
	const dir = mkdtempSync(join(tmpdir(), 'save-layout-test-'));
	const cases: [string, string, RegExp][] = [
		['missing.json', '', /missing\.json: cannot be read \(ENOENT\)$/],
		['broken.json', '{"nodes": [', /broken\.json: not valid JSON \(/],
		['other.json', '{"rows": []}', /other\.json: not an alliance-explorer dataset \(it has no "nodes" list\)$/],
		['invalid.json', '{"format": "alliance-explorer/1", "nodes": [{"id": 7}], "edges": []}', /invalid\.json: \S+: /]
	];
	for (const [name, text, message] of cases) {
		const file = join(dir, name);
		if (text) writeFileSync(file, text);
		const run = saveLayout(file);
		expect(run.status, name).toBe(1);
		expect(run.stderr.trim().split('\n'), name).toHaveLength(1);
		expect(run.stderr.trim(), name).toMatch(message);
		if (text) expect(readFileSync(file, 'utf8'), name).toBe(text);
	}
});
