// npm run save-layout -- FILE.json: writes into a dataset file the positions the explorer gives its nodes. The
// dataset, without any positions it carried, is served by npm start's build and opened in headless Chromium, which
// lays it out as it would for any visitor (the default layout, seeded, on label boxes as the browser draws them);
// each node's position then goes into FILE as node.position, to a tenth of a unit. A dataset that carries positions
// opens drawn as saved, without laying out: the brief's does (graph-data/japan-korea-2014.json). Run it again after
// adding nodes, or the page lays the whole dataset out afresh.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const root = new URL('..', import.meta.url).pathname;
const FLAGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const LAYOUT_PATIENCE_MS = 600_000;

/** A problem the user can act on: printed as one line, and the command exits 1. */
class Problem extends Error {}

function readDataset(file) {
	let text;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		throw new Problem(`${file}: cannot be read (${error.code ?? error.message})`);
	}
	try {
		const dataset = JSON.parse(text);
		if (!Array.isArray(dataset?.nodes)) throw new Problem(`${file}: not an alliance-explorer dataset (it has no "nodes" list)`);
		return dataset;
	} catch (error) {
		throw error instanceof Problem ? error : new Problem(`${file}: not valid JSON (${error.message})`);
	}
}

function freePort() {
	return new Promise((resolve, reject) => {
		const probe = createServer().listen(0, '127.0.0.1', () => {
			const { port } = probe.address();
			probe.close(() => resolve(port));
		});
		probe.on('error', reject);
	});
}

/** The id the server lists the dataset under, once it answers; its problems if it fails validation. */
async function listedId(origin, app, said, file) {
	for (let i = 0; i < 600; i++) {
		if (app.exitCode !== null) throw new Problem(`the app server exited with ${app.exitCode}: ${said().trim().split('\n').at(-1)}`);
		try {
			const response = await fetch(`${origin}/api/datasets`);
			if (response.ok) {
				const [entry] = await response.json();
				if (!entry) throw new Problem('the server lists no dataset');
				if (entry.problems) throw new Problem(`${file}: ${entry.problems[0].path}: ${entry.problems[0].message}`);
				return entry.id;
			}
		} catch (error) {
			if (!(error instanceof TypeError)) throw error;
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Problem(`nothing answered on ${origin}`);
}

async function layOut(origin, id) {
	const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: FLAGS });
	try {
		const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
		await page.goto(`${origin}/?dataset=${encodeURIComponent(id)}`);
		const graph = page.getByTestId('graph');
		await graph.and(page.locator('[aria-busy="false"]')).waitFor({ timeout: LAYOUT_PATIENCE_MS });
		// Cytoscape keeps its instance on its container (the browser tests read positions the same way).
		return await graph.evaluate((element) => Object.fromEntries(element._cyreg.cy.nodes().map((node) => [node.id(), node.position()])));
	} finally {
		await browser.close();
	}
}

async function main() {
	const file = process.argv[2];
	if (!file || process.argv.length > 3) throw new Problem('usage: npm run save-layout -- FILE.json');
	const dataset = readDataset(file);
	const dir = mkdtempSync(join(tmpdir(), 'save-layout-'));
	const port = await freePort();
	const app = spawn(process.execPath, [join(root, 'scripts', 'start.mjs')], {
		env: { ...process.env, PORT: String(port), GRAPH_DATA_DIR: dir },
		stdio: ['ignore', 'ignore', 'pipe']
	});
	// The server's own messages (a build's warnings among them) are shown only if it stops.
	let said = '';
	app.stderr.on('data', (chunk) => (said = (said + chunk).slice(-2000)));
	try {
		const unplaced = {
			...dataset,
			nodes: dataset.nodes.map((node) => {
				const copy = { ...node };
				delete copy.position;
				return copy;
			})
		};
		// Named .json whatever the file's own name, so the server lists it.
		writeFileSync(join(dir, 'dataset.json'), JSON.stringify(unplaced));
		const origin = `http://127.0.0.1:${port}`;
		const positions = await layOut(origin, await listedId(origin, app, () => said, file));
		const round = (value) => Math.round(value * 10) / 10;
		const placed = dataset.nodes.map((node) => {
			const at = positions[node.id];
			if (!at) throw new Problem(`${file}: the page drew no node "${node.id}"`);
			return { ...node, position: { x: round(at.x), y: round(at.y) } };
		});
		writeFileSync(file, JSON.stringify({ ...dataset, nodes: placed }, null, 2) + '\n');
		console.log(`wrote the positions of ${placed.length} nodes into ${file}`);
	} finally {
		app.kill();
		rmSync(dir, { recursive: true, force: true });
	}
}

try {
	await main();
} catch (error) {
	console.error(error instanceof Problem ? error.message : `save-layout failed: ${error.message.split('\n')[0]}`);
	process.exit(1);
}
