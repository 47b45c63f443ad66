// The layouts on offer, as descriptors: the picker lists them and the canvas runs them from this one registry.
import type { LayoutOptions, NodeCollection, NodeSingular } from 'cytoscape';

export interface LayoutDescriptor {
	id: string;
	label: string;
	/** Cytoscape options; `animate` is off for the first drawing so the graph appears at once. */
	options(animate: boolean): LayoutOptions;
}

/** Space kept free around the graph when a layout fits it to the window, in pixels. */
export const LAYOUT_PADDING = 48;
/** Fitting never zooms in further than this, so a handful of nodes keeps labels at a normal size. */
export const MAX_FIT_ZOOM = 1;

/** Ring of a node in the concentric layout: the metric the nodes are sized by when one is chosen, else degree. */
function ringValue(node: NodeSingular): number {
	const metric: unknown = node.data('metric');
	return typeof metric === 'number' ? metric : node.degree(false);
}

const common = (animate: boolean) => ({ fit: true, padding: LAYOUT_PADDING, animate, animationDuration: 450 });

export const LAYOUTS: LayoutDescriptor[] = [
	{
		id: 'fcose',
		label: 'fCoSE (force-directed)',
		options: (animate) =>
			({
				name: 'fcose',
				...common(animate),
				quality: 'default',
				randomize: true,
				nodeDimensionsIncludeLabels: true,
				// Hubs with many parallel ties pull hard: weak springs and moderate repulsion keep the graph compact yet apart.
				idealEdgeLength: 80,
				nodeRepulsion: 12000,
				edgeElasticity: 0.1,
				gravity: 0.25,
				packComponents: true
			}) as LayoutOptions
	},
	{
		id: 'concentric',
		label: 'Concentric (by the sizing metric, else degree)',
		options: (animate) => ({
			name: 'concentric',
			...common(animate),
			avoidOverlap: true,
			nodeDimensionsIncludeLabels: true,
			minNodeSpacing: 30,
			concentric: ringValue,
			// Five rings from the lowest value to the highest.
			levelWidth: (nodes: NodeCollection) => {
				const values = nodes.map(ringValue);
				return (Math.max(...values) - Math.min(...values)) / 5 || 1;
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
