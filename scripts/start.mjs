// npm start: builds the app when the build is missing or older than its sources, then serves it
// with adapter-node on http://localhost:$PORT (3000 by default).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { stale } from './newest.mjs';
import { warmUp } from './warm-up.mjs';

const root = new URL('..', import.meta.url).pathname;
const built = join(root, 'build', 'index.js');
const INPUTS = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];

if (stale(built, root, INPUTS)) {
	console.log('Building the app (sources changed since the last build)…');
	const build = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
		cwd: root,
		stdio: 'inherit'
	});
	if (build.status !== 0) process.exit(build.status ?? 1);
}

process.env.PORT ??= '3000';
process.env.GRAPH_DATA_DIR ??= join(root, 'graph-data');
console.log(`Alliance Explorer on http://localhost:${process.env.PORT}`);
const { server } = await import(built);
const problem = await warmUp(server.server);
if (problem) console.error(problem);
