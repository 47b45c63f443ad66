// npm run analyze | validate | convert: node scripts/cli.mjs COMMAND ARGS… runs src/cli/COMMAND.ts bundled as plain
// JavaScript (esbuild; the packages stay imports), built once into node_modules/.cache/alliance-explorer-cli and again
// whenever src/ or the lockfile is newer. Through tsx, every start transpiled each TypeScript file afresh, in the
// command and again in each worker thread: at 10,000 nodes about 0.8 s before the command and 0.9 s before each worker
// began. The analysis worker is bundled beside the commands, where src/lib/workers/node.ts looks for it.
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { stale } from './newest.mjs';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'node_modules', '.cache', 'alliance-explorer-cli');
const COMMANDS = ['analyze', 'validate', 'convert'];
const ENTRIES = [...COMMANDS.map((command) => join(root, 'src', 'cli', `${command}.ts`)), join(root, 'src', 'lib', 'workers', 'path-worker.node.ts')];
const INPUTS = ['src', 'package-lock.json', 'tsconfig.json'];

const command = process.argv[2];
if (!COMMANDS.includes(command)) {
	console.error(`usage: node scripts/cli.mjs ${COMMANDS.join('|')} ARGS…`);
	process.exit(1);
}

if (stale(join(out, `${command}.js`), root, INPUTS)) {
	// Built aside and moved in file by file (a rename replaces a file at once), so a command started meanwhile, or a
	// second build running beside this one, never reads half a file.
	mkdirSync(out, { recursive: true });
	const aside = mkdtempSync(join(out, '.build-'));
	try {
		await build({
			entryPoints: ENTRIES,
			outdir: aside,
			entryNames: '[name]',
			bundle: true,
			platform: 'node',
			format: 'esm',
			target: 'node20',
			packages: 'external',
			logLevel: 'error'
		});
		for (const file of readdirSync(aside)) renameSync(join(aside, file), join(out, file));
	} finally {
		rmSync(aside, { recursive: true, force: true });
	}
}

// The command reads its arguments from process.argv.slice(2), as when it runs on its own.
process.argv.splice(2, 1);
await import(pathToFileURL(join(out, `${command}.js`)).href);
