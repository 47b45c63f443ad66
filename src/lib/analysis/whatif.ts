// whatIf: remove chosen nodes or edges and see every metric's change for every node, on the same layer and options.
import type { Dataset } from '../model';
import { compareMetrics, type ComparisonRow } from './compare';
import type { LayerOptions } from './layer';
import { computeMetrics, type MetricId } from './metrics';

export interface Removal {
	nodes?: readonly string[];
	edges?: readonly string[];
}

export interface WhatIfResult {
	removed: { nodes: string[]; edges: string[] };
	rows: ComparisonRow[];
}

export function whatIf(dataset: Dataset, removal: Removal, options: LayerOptions & { sortBy?: MetricId } = {}): WhatIfResult {
	const nodes = new Set(removal.nodes ?? []);
	const edges = new Set(removal.edges ?? []);
	const known = { nodes: new Set(dataset.nodes.map((node) => node.id)), edges: new Set(dataset.edges.map((edge) => edge.id)) };
	for (const id of nodes) if (!known.nodes.has(id)) throw new Error(`whatIf: no node "${id}" in the dataset`);
	for (const id of edges) if (!known.edges.has(id)) throw new Error(`whatIf: no edge "${id}" in the dataset`);
	const keepEdge = options.edges ?? ((edge) => edge.status !== 'proposed');
	const before = computeMetrics(dataset, options);
	const after = computeMetrics(dataset, {
		...options,
		nodes: (node) => !nodes.has(node.id) && (options.nodes?.(node) ?? true),
		edges: (edge) => !edges.has(edge.id) && keepEdge(edge)
	});
	return { removed: { nodes: [...nodes], edges: [...edges] }, rows: compareMetrics(before, after, options.sortBy) };
}
