// The newest modification time under files and folders: how npm start and the CLI runner tell a stale build.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Newest modification time (ms) under a file or folder; 0 when it does not exist. */
export function newest(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), stat.mtimeMs);
}

/** Whether `built` is missing or older than any of `inputs` (paths relative to `root`). */
export function stale(built, root, inputs) {
	return !existsSync(built) || inputs.some((input) => newest(join(root, input)) > statSync(built).mtimeMs);
}
