// whatIf: remove chosen nodes or edges and see every metric's change for every node, on the same layer and options.
import type { Dataset } from '../model';
import { compareMetrics, type ComparisonRow } from './compare';
import type { LayerRestriction, LayerSpec } from './layer';
import { computeMetrics, type LayerMetrics, type MetricId } from './metrics';

export interface Removal {
	nodes?: readonly string[];
	edges?: readonly string[];
}

export interface WhatIfResult {
	removed: { nodes: string[]; edges: string[] };
	rows: ComparisonRow[];
}

/** What-if on a layer; `metrics` brings both sides computed elsewhere (in workers, on a large graph). */
/** The layer restriction that takes the removed nodes and edges out. */
export function whatIfRestriction(removal: Removal): LayerRestriction {
	const nodes = new Set(removal.nodes ?? []);
	const edges = new Set(removal.edges ?? []);
	return { nodes: (node) => !nodes.has(node.id), edges: (edge) => !edges.has(edge.id) };
}

export function whatIf(
	dataset: Dataset,
	removal: Removal,
	spec: LayerSpec,
	options: { sortBy?: MetricId; metrics?: { before: LayerMetrics; after: LayerMetrics } } = {}
): WhatIfResult {
	const nodes = new Set(removal.nodes ?? []);
	const edges = new Set(removal.edges ?? []);
	const known = { nodes: new Set(dataset.nodes.map((node) => node.id)), edges: new Set(dataset.edges.map((edge) => edge.id)) };
	for (const id of nodes) if (!known.nodes.has(id)) throw new Error(`whatIf: no node "${id}" in the dataset`);
	for (const id of edges) if (!known.edges.has(id)) throw new Error(`whatIf: no edge "${id}" in the dataset`);
	const before = options.metrics?.before ?? computeMetrics(dataset, spec);
	const after = options.metrics?.after ?? computeMetrics(dataset, spec, whatIfRestriction(removal));
	return { removed: { nodes: [...nodes], edges: [...edges] }, rows: compareMetrics(before, after, options.sortBy) };
}
