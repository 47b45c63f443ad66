// whatIf: remove chosen nodes or edges and see every metric's change for every node, on the same layer and options.
import type { Dataset } from '../model';
import { compareMetrics, type ComparisonRow } from './compare';
import type { LayerSpec } from './layer';
import { computeMetrics, type MetricId } from './metrics';

export interface Removal {
	nodes?: readonly string[];
	edges?: readonly string[];
}

export interface WhatIfResult {
	removed: { nodes: string[]; edges: string[] };
	rows: ComparisonRow[];
}

export function whatIf(dataset: Dataset, removal: Removal, spec: LayerSpec, options: { sortBy?: MetricId } = {}): WhatIfResult {
	const nodes = new Set(removal.nodes ?? []);
	const edges = new Set(removal.edges ?? []);
	const known = { nodes: new Set(dataset.nodes.map((node) => node.id)), edges: new Set(dataset.edges.map((edge) => edge.id)) };
	for (const id of nodes) if (!known.nodes.has(id)) throw new Error(`whatIf: no node "${id}" in the dataset`);
	for (const id of edges) if (!known.edges.has(id)) throw new Error(`whatIf: no edge "${id}" in the dataset`);
	const before = computeMetrics(dataset, spec);
	const after = computeMetrics(dataset, spec, { nodes: (node) => !nodes.has(node.id), edges: (edge) => !edges.has(edge.id) });
	return { removed: { nodes: [...nodes], edges: [...edges] }, rows: compareMetrics(before, after, options.sortBy) };
}
