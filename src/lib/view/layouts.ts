// The layouts on offer, as descriptors: the picker lists them and the canvas runs them from this one registry.
// Force-directed layouts run in the layout worker (force-layout.ts); the others are Cytoscape's own, quick at any size.
import type { LayoutOptions, NodeCollection, NodeSingular } from 'cytoscape';
import type { LayoutEngine } from '$lib/workers/layout-protocol';
import { bounds } from './appearance';
import { FCOSE_PAIRS_UP_TO, FCOSE_UP_TO } from './force-layout';

export interface LayoutDescriptor {
	id: string;
	label: string;
	/** a force-directed layout: the engine that lays out a graph of this many nodes and linked pairs */
	engine?: (nodeCount: number, pairCount: number) => LayoutEngine;
	/** Cytoscape options for the others; `animate` is off for the first drawing so the graph appears at once. */
	options?: (animate: boolean) => LayoutOptions;
}

/** Space kept free around the graph when a layout fits it to the window, in pixels. */
export const LAYOUT_PADDING = 48;
/** Fitting never zooms in further than this, so a handful of nodes keeps labels at a normal size. */
export const MAX_FIT_ZOOM = 1;

/** Ring of a node in the concentric layout: the value nodes are sized by when they are ranked (a metric, an attribute), else degree. */
function ringValue(node: NodeSingular): number {
	const ring: unknown = node.data('ring');
	return typeof ring === 'number' ? ring : node.degree(false);
}

const common = (animate: boolean) => ({ fit: true, padding: LAYOUT_PADDING, animate, animationDuration: 450 });

export const LAYOUTS: LayoutDescriptor[] = [
	{ id: 'fcose', label: 'Force-directed', engine: (nodeCount, pairCount) => (nodeCount <= FCOSE_UP_TO && pairCount <= FCOSE_PAIRS_UP_TO ? 'fcose' : 'forceatlas2') },
	{ id: 'forceatlas2', label: 'ForceAtlas2', engine: () => 'forceatlas2' },
	{
		id: 'concentric',
		label: 'Concentric',
		options: (animate) => ({
			name: 'concentric',
			...common(animate),
			avoidOverlap: true,
			nodeDimensionsIncludeLabels: true,
			minNodeSpacing: 30,
			concentric: ringValue,
			// Five rings from the lowest value to the highest.
			levelWidth: (nodes: NodeCollection) => {
				const { low, high } = bounds(nodes.map(ringValue));
				return (high - low) / 5 || 1;
			}
		})
	},
	{ id: 'circle', label: 'Circle', options: (animate) => ({ name: 'circle', ...common(animate), avoidOverlap: true, nodeDimensionsIncludeLabels: true }) },
	{ id: 'grid', label: 'Grid', options: (animate) => ({ name: 'grid', ...common(animate), avoidOverlap: true, nodeDimensionsIncludeLabels: true }) },
	{
		id: 'breadthfirst',
		label: 'Breadth-first',
		options: (animate) => ({ name: 'breadthfirst', ...common(animate), avoidOverlap: true, nodeDimensionsIncludeLabels: true, spacingFactor: 1.1 })
	}
];

export const DEFAULT_LAYOUT = 'fcose';

export function layoutById(id: string): LayoutDescriptor {
	return LAYOUTS.find((layout) => layout.id === id) ?? LAYOUTS[0]!;
}
