// The browser tests' server: graph-data/'s datasets plus the explorer's fixture datasets (a second valid one
// for the picker, an invalid one it must list with its problems), copied into .test-output/, so graph-data/
// itself holds only real datasets.
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const dir = join(root, '.test-output', 'e2e-graph-data');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
for (const from of [join(root, 'graph-data'), join(root, 'tests', 'fixtures', 'explorer-data')]) {
	for (const name of readdirSync(from).filter((name) => name.endsWith('.json'))) copyFileSync(join(from, name), join(dir, name));
}
process.env.GRAPH_DATA_DIR = dir;
await import('../../scripts/start.mjs');
