// npm run bench:browser [-- --smoke]: the explorer in headless Chromium (playwright-core, /usr/bin/chromium, the
// flags of playwright.config.ts) on the brief and on generated Barabási–Albert graphs (3,000 / 6,000 and
// 10,000 / 50,000), against a minimal sigma.js page on the same graph in the same run. Prints, per size: time to
// first picture and to final layout (from navigation), the longest main-thread task until the layout ends (Long
// Tasks API), median and worst frame while panning and zooming, and hover latency (pointer to the next frame); on the
// generated graphs also an image export of the whole graph as SVG and as PNG at 2× (time to the file, longest task,
// longest gap between frames). On the brief, a second baseline: Cytoscape.js alone drawing it with the explorer's
// stylesheet in an empty page (bench/cytoscape), what the drawing library itself takes.
// Each page is opened as a reader arrives at it: from a page of another site in a running browser (a link, a search
// result). A site's first page in a new tab's first navigation is another case: a page that asks for a window of its
// own (the explorer's Cross-Origin-Opener-Policy) then waits for a new renderer process that a page without the header
// is spared, about 0.15 s here; `--first-navigation` measures that case.
// The brief, whose figures are small beside the run-to-run spread of this machine, is opened five times (each in a
// browser of its own, the explorer and sigma.js in turn) and each figure is the median, with its range; the larger
// graphs once. Targets are printed beside the figures, not asserted. --smoke runs the brief only (CI).
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { loadavg } from 'node:os';
import { extname, join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { barabasiAlbert } from './barabasi-albert';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, '.test-output', 'bench-browser');
const smoke = process.argv.includes('--smoke');
const firstNavigation = process.argv.includes('--first-navigation');
const appPort = Number(process.env.BENCH_PORT ?? 4280);
const sigmaPort = appPort + 1;
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
// sigma.js draws with WebGL: with the GPU off, Chromium offers it only through SwiftShader, which this flag allows.
const SIGMA_FLAGS = [...FLAGS, '--enable-unsafe-swiftshader'];

interface Size {
	id: string;
	title: string;
	nodes: number;
	m?: number;
	targets: Partial<Record<keyof Figures, number>>;
	/** how long to wait for the layout, in ms */
	patience: number;
	/** how many times to open it; each figure is the median of the runs */
	runs: number;
	/** measure Cytoscape alone on it too */
	alone?: boolean;
}

const SIZES: Size[] = [
	{ id: 'japan-korea-2014', title: 'the brief (31 / 123)', nodes: 31, targets: { layout: 1000 }, patience: 60_000, runs: 5, alone: true },
	{ id: 'ba-3000', title: 'BA 3,000 / 5,996', nodes: 3000, m: 2, targets: { firstPicture: 2000, layout: 5000, longestTask: 200 }, patience: 180_000, runs: 1 },
	{
		id: 'ba-10000',
		title: 'BA 10,000 / 49,975',
		nodes: 10_000,
		m: 5,
		targets: { firstPicture: 5000, layout: 20_000, longestTask: 200, frameMedian: 50, hover: 100 },
		patience: 600_000,
		runs: 1
	}
];

interface Figures {
	firstPicture: number | null;
	layout: number | null;
	longestTask: number;
	frameMedian: number | null;
	frameWorst: number | null;
	hover: number | null;
}

/** Each size in a folder of its own, so the app server serves (and lists) that one dataset only. */
function writeDatasets(dir: string, sizes: Size[]) {
	rmSync(dir, { recursive: true, force: true });
	for (const size of sizes) {
		mkdirSync(join(dir, size.id), { recursive: true });
		if (!size.m) {
			copyFileSync(join(root, 'graph-data', `${size.id}.json`), join(dir, size.id, `${size.id}.json`));
			continue;
		}
		const { edges } = barabasiAlbert(size.nodes, size.m, 1);
		const dataset = {
			format: 'alliance-explorer/1',
			meta: { id: size.id, title: `Barabási–Albert (${size.nodes}, ${size.m}), seed 1`, description: 'Generated for the browser benchmark; not real relations.' },
			sources: [{ id: 'generator', title: 'bench/barabasi-albert.ts' }],
			nodes: Array.from({ length: size.nodes }, (_, i) => ({ id: `n${i}`, label: `Node ${i}`, type: 'state' })),
			edges: edges.map(([a, b], i) => ({
				id: `e${i}`,
				source: `n${a}`,
				target: `n${b}`,
				kind: 'cooperation',
				domain: 'diplomacy',
				status: 'active',
				evidence: [{ source: 'generator', quote: 'generated' }]
			}))
		};
		writeFileSync(join(dir, size.id, `${size.id}.json`), JSON.stringify(dataset));
	}
}

/**
 * Waits for the app to list its dataset, then for its start page (which npm start renders once as it starts): times
 * run from a navigation to a server that is up, not from its first request. A dataset that fails validation stops
 * the benchmark with its problem.
 */
async function waitForPort(port: number, child: ChildProcess) {
	for (let i = 0; i < 600; i++) {
		if (child.exitCode !== null) throw new Error(`the app server exited with ${child.exitCode}`);
		try {
			const response = await fetch(`http://127.0.0.1:${port}/api/datasets`);
			if (!response.ok) continue;
			const entries: { id: string; problems?: { path: string; message: string }[] }[] = await response.json();
			const broken = entries.find((entry) => entry.problems);
			if (broken) throw new Error(`${broken.id}: ${broken.problems![0]!.path}: ${broken.problems![0]!.message}`);
			const page = await fetch(`http://127.0.0.1:${port}/`);
			if (!page.ok) throw new Error(`the start page answered ${page.status}`);
			await page.arrayBuffer();
			return;
		} catch (error) {
			if (!(error instanceof TypeError)) throw error;
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`nothing answered on port ${port}`);
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css' };

/** The page each page is opened from: 127.0.0.1 is another site than localhost, where the pages are served. */
const ELSEWHERE = `http://127.0.0.1:${sigmaPort}/elsewhere`;

/**
 * Serves the built sigma page at /, the Cytoscape page under /cytoscape/, /graph.json?id as the dataset file the
 * explorer reads, and /elsewhere, a page of another site when asked for at ELSEWHERE.
 */
function serveBaselines(sigmaDir: string, cytoscapeDir: string, dataDir: string): Server {
	return createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://localhost');
		if (url.pathname === '/elsewhere') return void response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Elsewhere</title><p>A page of another site.</p>');
		const id = url.search.slice(1);
		const [dir, path] = url.pathname.startsWith('/cytoscape/') ? [cytoscapeDir, url.pathname.slice('/cytoscape'.length)] : [sigmaDir, url.pathname];
		const file = url.pathname === '/graph.json' ? join(dataDir, id, `${id}.json`) : join(dir, path === '/' ? 'index.html' : path);
		if (!file.startsWith(dir) && !file.startsWith(dataDir)) return void response.writeHead(404).end();
		if (!existsSync(file)) return void response.writeHead(404).end();
		response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
	}).listen(sigmaPort);
}

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted.length ? sorted[Math.floor(sorted.length / 2)]! : null;
};

/** Records long tasks from navigation on. */
const OBSERVE_LONG_TASKS = () => {
	const tasks: { start: number; duration: number }[] = [];
	(window as unknown as { longTasks: typeof tasks }).longTasks = tasks;
	new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
	}).observe({ type: 'longtask', buffered: true });
};

async function mark(page: Page, name: string, patience: number): Promise<number | null> {
	try {
		await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, name, { timeout: patience, polling: 100 });
		return page.evaluate((mark) => Math.round(performance.getEntriesByName(mark).at(-1)!.startTime), name);
	} catch {
		return null;
	}
}

/** Frame times while the user zooms with the wheel and drags the view. */
async function panZoomFrames(page: Page): Promise<number[]> {
	const box = { x: 700, y: 450 };
	await page.evaluate(() => {
		const frames: number[] = [];
		(window as unknown as { frames: number[] }).frames = frames;
		let last = performance.now();
		const tick = (now: number) => {
			frames.push(now - last);
			last = now;
			if ((window as unknown as { frames?: number[] }).frames === frames) requestAnimationFrame(tick);
		};
		requestAnimationFrame((now) => {
			last = now;
			requestAnimationFrame(tick);
		});
	});
	await page.mouse.move(box.x, box.y);
	for (let i = 0; i < 6; i++) {
		await page.mouse.wheel(0, i < 3 ? -240 : 240);
		await page.waitForTimeout(80);
	}
	await page.mouse.down();
	for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + i * 15, box.y + i * 8);
	await page.mouse.up();
	await page.waitForTimeout(300);
	return page.evaluate(() => {
		const frames = (window as unknown as { frames: number[] }).frames;
		(window as unknown as { frames?: number[] }).frames = undefined;
		return frames.slice(1).map((f) => Math.round(f));
	});
}

/** Milliseconds from the pointer reaching the best-connected node to the next frame after the page reacts. */
async function hoverLatency(page: Page, explorer: boolean): Promise<number | null> {
	const hub = await page.evaluate((explorer) => {
		if (!explorer) return (window as unknown as { bench: { hub(): { x: number; y: number } } }).bench.hub();
		const element = document.querySelector('[data-testid=graph]')!;
		const cy = (element as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy;
		const node = cy.nodes().max((n) => n.degree(false)).ele;
		const at = node.renderedPosition();
		const box = element.getBoundingClientRect();
		return { x: box.x + at.x, y: box.y + at.y };
	}, explorer);
	await page.mouse.move(hub.x + 200, hub.y + 200);
	await page.evaluate((explorer) => {
		const state = window as unknown as { hoverStart?: number; hoverEnd?: number };
		state.hoverStart = undefined;
		state.hoverEnd = undefined;
		window.addEventListener('mousemove', (event) => (state.hoverStart ??= event.timeStamp), { capture: true, once: true });
		const done = (at: number) => (state.hoverEnd ??= at);
		if (!explorer) (window as unknown as { bench: { onHover(cb: (at: number) => void): void } }).bench.onHover(done);
		else {
			const element = document.querySelector('[data-testid=graph]')!;
			const cy = (element as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy;
			cy.one('mouseover', 'node', () => requestAnimationFrame(() => done(performance.now())));
		}
	}, explorer);
	await page.mouse.move(hub.x, hub.y);
	try {
		await page.waitForFunction(() => (window as unknown as { hoverEnd?: number }).hoverEnd !== undefined, null, { timeout: 30_000 });
	} catch {
		return null;
	}
	return page.evaluate(() => {
		const state = window as unknown as { hoverStart: number; hoverEnd: number };
		return Math.round(state.hoverEnd - state.hoverStart);
	});
}

/** One image export, from the click on Download image to the file: how long, the longest task, the longest frame gap. */
interface ExportFigures {
	format: 'svg' | 'png';
	ms: number;
	longestTask: number;
	worstFrame: number;
}

/** Exports the whole graph as SVG, then as PNG at 2× (the panel's defaults otherwise), as a user does. */
async function exportFigures(page: Page): Promise<ExportFigures[]> {
	await page.getByRole('tab', { name: 'Export' }).click();
	const figures: ExportFigures[] = [];
	for (const format of ['svg', 'png'] as const) {
		await page.getByTestId('image-format').selectOption(format);
		const started = await page.evaluate(() => {
			const gaps: number[] = [];
			(window as unknown as { gaps?: number[] }).gaps = gaps;
			let last = performance.now();
			const tick = (now: number) => {
				gaps.push(now - last);
				last = now;
				if ((window as unknown as { gaps?: number[] }).gaps === gaps) requestAnimationFrame(tick);
			};
			requestAnimationFrame(tick);
			return performance.now();
		});
		const download = page.waitForEvent('download', { timeout: 600_000 });
		await page.getByRole('button', { name: 'Download image' }).click();
		await (await download).path();
		figures.push(
			await page.evaluate(
				({ format, started }) => {
					const state = window as unknown as { gaps?: number[]; longTasks: { start: number; duration: number }[] };
					const gaps = state.gaps ?? [];
					state.gaps = undefined;
					const tasks = state.longTasks.filter((task) => task.start >= started).map((task) => task.duration);
					return { format, ms: Math.round(performance.now() - started), longestTask: Math.round(Math.max(0, ...tasks)), worstFrame: Math.round(Math.max(0, ...gaps)) };
				},
				{ format, started }
			)
		);
	}
	return figures;
}

/** One page in a browser of its own. */
async function measureIn(args: string[], url: string, explorer: boolean, patience: number, exports = false): Promise<Figures & { exports: ExportFigures[] }> {
	const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args });
	try {
		return await measure(browser, url, explorer, patience, exports);
	} finally {
		await browser.close();
	}
}

async function measure(browser: Browser, url: string, explorer: boolean, patience: number, exports = false): Promise<Figures & { exports: ExportFigures[] }> {
	const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
	const page = await context.newPage();
	// tsx keeps function names with a __name helper, which the functions handed to the page would miss.
	await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
	await page.addInitScript(OBSERVE_LONG_TASKS);
	const problems: string[] = [];
	page.on('pageerror', (error) => problems.push(error.message));
	if (!firstNavigation) {
		await page.goto(ELSEWHERE);
		// a reader follows the link a moment after the page before it is in
		await page.waitForTimeout(500);
	}
	await page.goto(url);
	const firstPicture = await mark(page, 'graph:first-picture', patience);
	const layout = await mark(page, 'graph:layout-done', patience);
	const longestTask = await page.evaluate(
		(until) => Math.round(Math.max(0, ...(window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks.filter((t) => t.start <= until).map((t) => t.duration))),
		layout ?? Number.POSITIVE_INFINITY
	);
	const hover = layout === null ? null : await hoverLatency(page, explorer);
	const frames = layout === null ? [] : await panZoomFrames(page);
	const pictures = exports && layout !== null ? await exportFigures(page) : [];
	await context.close();
	if (problems.length) throw new Error(`${url}: ${problems.join('; ')}`);
	return { firstPicture, layout, longestTask, frameMedian: median(frames), frameWorst: frames.length ? Math.max(...frames) : null, hover, exports: pictures };
}

const LABELS: Record<keyof Figures, string> = {
	firstPicture: 'first picture (ms)',
	layout: 'layout done (ms)',
	longestTask: 'longest main-thread task (ms)',
	frameMedian: 'pan/zoom frame, median (ms)',
	frameWorst: 'pan/zoom frame, worst (ms)',
	hover: 'hover latency (ms)'
};

/** Each figure's median over the runs (a figure not reached counts as the slowest), and its range. */
function summarise(runs: Figures[]): { median: Figures; range: Record<keyof Figures, string> } {
	const keys = Object.keys(LABELS) as (keyof Figures)[];
	const middle = {} as Record<keyof Figures, number | null>;
	const range = {} as Record<keyof Figures, string>;
	for (const key of keys) {
		const values = runs.map((run) => run[key]).sort((a, b) => (a ?? Number.POSITIVE_INFINITY) - (b ?? Number.POSITIVE_INFINITY));
		middle[key] = values[Math.floor(values.length / 2)] ?? null;
		const reached = values.filter((value) => value !== null);
		range[key] = runs.length > 1 && reached.length ? ` (${reached[0]}–${reached.at(-1)}${reached.length < runs.length ? `, ${runs.length - reached.length} not reached` : ''})` : '';
	}
	return { median: middle as Figures, range };
}

function report(size: Size, appRuns: (Figures & { exports: ExportFigures[] })[], sigmaRuns: Figures[], aloneRuns: Figures[]) {
	const [explorerFigures, sigmaFigures, aloneFigures] = [summarise(appRuns), summarise(sigmaRuns), summarise(aloneRuns)];
	const [app, sigma] = [explorerFigures.median, sigmaFigures.median];
	const cell = (value: number | null, range: string) => (value === null ? 'not reached' : String(value)) + range;
	const alone = aloneRuns.length > 0;
	const rows = (Object.keys(LABELS) as (keyof Figures)[]).map((key) => {
		const [a, s] = [app[key], sigma[key]];
		const ratio = a !== null && s !== null && s > 0 ? `${(a / s).toFixed(1)}×` : '—';
		const target = size.targets[key];
		const verdict = target === undefined ? '' : a !== null && a < target ? `< ${target} ✓` : `< ${target} ✗`;
		const cytoscape = alone ? ` ${cell(aloneFigures.median[key], aloneFigures.range[key])} |` : '';
		return `| ${LABELS[key]} | ${cell(a, explorerFigures.range[key])} | ${cell(s, sigmaFigures.range[key])} | ${ratio} |${cytoscape} ${verdict} |`;
	});
	const runs = size.runs > 1 ? `, median of ${size.runs} runs (range)` : '';
	const [head, rule] = alone ? [' Cytoscape alone |', ' --- |'] : ['', ''];
	console.log(`\n### ${size.title}${runs}\n\n| figure | explorer (Cytoscape) | sigma.js | explorer / sigma |${head} target |\n| --- | --- | --- | --- |${rule} --- |\n${rows.join('\n')}`);
	const ratioTarget = size.id === 'ba-10000' && app.firstPicture !== null && sigma.firstPicture !== null;
	if (ratioTarget) console.log(`first picture within 2× of sigma.js: ${app.firstPicture! <= 2 * sigma.firstPicture! ? '✓' : '✗'}`);
	const exports = appRuns.flatMap((run) => run.exports);
	if (exports.length === 0) return;
	const lines = exports.map((figure) => `| ${figure.format === 'svg' ? 'SVG' : 'PNG at 2×'} | ${figure.ms} | ${figure.longestTask} | ${figure.worstFrame} |`);
	console.log(`\nImage export of the whole graph (explorer), from the click to the file:\n\n| format | time (ms) | longest task (ms) | longest frame gap (ms) |\n| --- | --- | --- | --- |\n${lines.join('\n')}`);
}

async function main() {
	const sizes = smoke ? SIZES.slice(0, 1) : SIZES;
	const dataDir = join(out, 'graph-data');
	const [sigmaDir, cytoscapeDir] = [join(out, 'sigma'), join(out, 'cytoscape')];
	writeDatasets(dataDir, sizes);
	for (const [page, outDir, base] of [['sigma', sigmaDir, '/'], ['cytoscape', cytoscapeDir, '/cytoscape/']] as const) {
		await build({
			configFile: false,
			logLevel: 'warn',
			root: join(root, 'bench', page),
			base,
			resolve: { alias: { $lib: join(root, 'src', 'lib') } },
			build: { outDir, emptyOutDir: true, target: 'es2022' },
			worker: { format: 'es' }
		});
	}
	const baselines = serveBaselines(sigmaDir, cytoscapeDir, dataDir);
	const [load] = loadavg();
	const options = [smoke ? ' --smoke' : '', firstNavigation ? ' --first-navigation' : ''].join('');
	const opened = firstNavigation ? "each page a new browser's first navigation" : 'each page opened from a page of another site';
	console.log(`# npm run bench:browser${options ? ` --${options}` : ''}: headless Chromium, ${opened}, load average ${load!.toFixed(1)} at the start`);
	let app: ChildProcess | undefined;
	try {
		for (const size of sizes) {
			app = spawn(process.execPath, [join(root, 'scripts', 'start.mjs')], {
				env: { ...process.env, PORT: String(appPort), GRAPH_DATA_DIR: join(dataDir, size.id) },
				stdio: ['ignore', 'ignore', 'inherit']
			});
			await waitForPort(appPort, app);
			const explorer: (Figures & { exports: ExportFigures[] })[] = [];
			const sigma: Figures[] = [];
			const alone: Figures[] = [];
			for (let run = 0; run < size.runs; run++) {
				explorer.push(await measureIn(FLAGS, `http://localhost:${appPort}/?dataset=${size.id}`, true, size.patience, size.m !== undefined));
				sigma.push(await measureIn(SIGMA_FLAGS, `http://localhost:${sigmaPort}/?${size.id}`, false, size.patience));
				if (size.alone) alone.push(await measureIn(FLAGS, `http://localhost:${sigmaPort}/cytoscape/?${size.id}`, false, size.patience));
			}
			app.kill();
			await new Promise((resolve) => app!.once('exit', resolve));
			report(size, explorer, sigma, alone);
		}
	} finally {
		app?.kill();
		baselines.close();
	}
}

await main();
