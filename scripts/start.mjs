// npm start: builds the app when the build is missing or older than its sources, then serves it
// with adapter-node on http://localhost:$PORT (3000 by default).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { warmUp } from './warm-up.mjs';

const root = new URL('..', import.meta.url).pathname;
const built = join(root, 'build', 'index.js');
const INPUTS = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];

/** Newest modification time under a file or folder. */
function newest(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), stat.mtimeMs);
}

if (!existsSync(built) || INPUTS.some((input) => newest(join(root, input)) > statSync(built).mtimeMs)) {
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
