// Shared by the io tests: datasets to round-trip (the brief's when it exists), and networkx as an outside reader.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { parseDataset, type Dataset } from '../../src/lib/model/index';
import { briefDataset, fixture } from './paths';

export const PYTHON = '/usr/bin/python3';
export const hasNetworkx = spawnSync(PYTHON, ['-c', 'import networkx'], { encoding: 'utf8' }).status === 0;

export function loadDataset(path: string): Dataset {
	const result = parseDataset(readFileSync(path, 'utf8'), { curated: false });
	if (!result.ok) throw new Error(`${path}: ${JSON.stringify(result.problems)}`);
	return result.dataset;
}

/** The realistic fixture and the minimal one always; the brief's dataset once graph-data/ has it. */
export const roundTripDatasets: Array<[string, string]> = [
	['the east-asia fixture', fixture('io', 'east-asia.json')],
	['the minimal fixture', fixture('datasets', 'minimal.json')],
	...(existsSync(briefDataset) ? [['the brief dataset', briefDataset] as [string, string]] : [])
];

export interface NetworkxView {
	directed: boolean;
	graph: Record<string, unknown>;
	keys: Record<'graph' | 'node' | 'edge', Record<string, string>>;
	nodes: Record<string, Record<string, unknown>>;
	edges: Array<{ id: string; source: string; target: string; data: Record<string, unknown> }>;
}

export function readWithNetworkx(kind: 'graphml' | 'gexf', path: string): NetworkxView {
	const run = spawnSync(PYTHON, [fixture('io', 'read_with_networkx.py'), kind, path], { encoding: 'utf8' });
	if (run.status !== 0) throw new Error(`networkx could not read ${path}:\n${run.stderr}`);
	return JSON.parse(run.stdout) as NetworkxView;
}
