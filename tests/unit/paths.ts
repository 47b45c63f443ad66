// Where tests find the repository's files and the shared brief (../shared beside the checkout, as in CI).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const fixture = (...parts: string[]) => join(repoRoot, 'tests', 'fixtures', ...parts);
export const sharedDir = resolve(repoRoot, '..', 'shared');
export const briefTexts = ['000_cad7c733279a270e.txt', 'brief-reading-text.txt'].map((name) => join(sharedDir, 'seeds', name));
export const hasBrief = briefTexts.every((path) => existsSync(path));
export const briefDataset = join(repoRoot, 'graph-data', 'japan-korea-2014.json');
