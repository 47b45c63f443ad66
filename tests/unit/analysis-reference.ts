// Reference values written by tests/fixtures/analysis/make_reference.py (networkx), and the graphs they were computed on.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDataset, type Dataset } from '../../src/lib/model';
import type { LayerSpec } from '../../src/lib/analysis/layer';
import type { NodeMetrics } from '../../src/lib/analysis/metrics';
import { fixture, repoRoot } from './paths';

export interface BrokerReference {
	id: string;
	bridged: Array<{ source: string; target: string; share: number; paths: number }>;
	affected: Array<{ source: string; target: string; before: number; after: number | null }>;
	components: [number, number];
	efficiency: [number, number];
	/** the broker's neighbours on some shortest path between a pair it bridges */
	carrying: string[];
}

export interface ReferenceCase {
	layer: LayerSpec;
	nodes: Record<string, NodeMetrics>;
	broker?: BrokerReference;
	/** computed with these nodes and edges removed */
	removed?: { nodes: string[]; edges: string[] };
}

export interface BridgeSliceReference {
	domain: string | null;
	direct: { cooperation: string[]; friction: string[] };
	distance: number | null;
	paths: number;
	throughBroker: number;
	throughBrokerOrForum: number;
	distanceWithoutBroker: number | null;
	forums: string[];
	facilitated: string[];
}

export interface BridgeReference {
	pair: [string, string];
	broker: string;
	layer: LayerSpec;
	slices: BridgeSliceReference[];
}

export interface Reference {
	name: string;
	graph: string;
	sha256: string;
	cases: ReferenceCase[];
	bridges: BridgeReference[];
	dataset: Dataset;
	/** false when the graph file changed after the reference was made (rerun make_reference.py) */
	fresh: boolean;
}

export const REGENERATE = '/usr/bin/python3 tests/fixtures/analysis/make_reference.py';

export function loadDataset(path: string): Dataset {
	const result = parseDataset(readFileSync(path, 'utf8'), { curated: false });
	if (!result.ok) throw new Error(`${path}: ${result.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
	return result.dataset;
}

export function loadReference(name: string): Reference {
	const file = fixture('analysis', 'reference', `${name}.json`);
	const data = JSON.parse(readFileSync(file, 'utf8')) as Omit<Reference, 'name' | 'dataset' | 'fresh'>;
	const graphPath = join(repoRoot, data.graph);
	const text = readFileSync(graphPath, 'utf8');
	const fresh = createHash('sha256').update(text).digest('hex') === data.sha256;
	return { ...data, name, dataset: loadDataset(graphPath), fresh };
}

export const referenceNames = (): string[] =>
	readdirSync(fixture('analysis', 'reference'))
		.filter((name) => name.endsWith('.json'))
		.map((name) => name.slice(0, -'.json'.length))
		.filter((name) => name !== 'japan-korea-2014' || existsSync(join(repoRoot, 'graph-data', 'japan-korea-2014.json')));

/** The largest absolute difference between two numbers that may both be null (undefined metric). */
export function difference(actual: number | null, expected: number | null): number {
	if (actual === null || expected === null) return actual === expected ? 0 : Infinity;
	return Math.abs(actual - expected);
}

/** A layer in a test's name: "cooperation, active+stalled, as of 2014-06, max, weighted". */
export function layerName(spec: LayerSpec): string {
	const parts = [spec.kind, spec.statuses.join('+'), spec.asOf ? `as of ${spec.asOf}` : 'any date', spec.strength, spec.weighted ? 'weighted' : 'unweighted'];
	if (spec.domains) parts.splice(1, 0, spec.domains.join('+'));
	if (spec.measures) parts.push(`measures ${spec.measures.join('+')}`);
	return parts.join(', ');
}
