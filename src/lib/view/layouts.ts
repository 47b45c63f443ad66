// The layouts on offer, as descriptors: the picker lists them and the canvas runs them from this one registry.
import type { LayoutOptions } from 'cytoscape';

export interface LayoutDescriptor {
	id: string;
	label: string;
	/** Cytoscape options; `animate` is off for the first drawing so the graph appears at once. */
	options(animate: boolean): LayoutOptions;
}

const common = (animate: boolean) => ({ fit: true, padding: 48, animate, animationDuration: 450 });

export const LAYOUTS: LayoutDescriptor[] = [
	{
		id: 'fcose',
		label: 'Force-directed (fCoSE)',
		options: (animate) =>
			({
				name: 'fcose',
				...common(animate),
				quality: 'default',
				randomize: true,
				nodeDimensionsIncludeLabels: true,
				idealEdgeLength: 120,
				nodeRepulsion: 12000,
				nodeSeparation: 90,
				edgeElasticity: 0.3,
				packComponents: true
			}) as LayoutOptions
	},
	{
		id: 'concentric',
		label: 'Concentric (by degree)',
		options: (animate) => ({ name: 'concentric', ...common(animate), avoidOverlap: true, nodeDimensionsIncludeLabels: true, minNodeSpacing: 30 })
	},
	{ id: 'circle', label: 'Circle', options: (animate) => ({ name: 'circle', ...common(animate), avoidOverlap: true, nodeDimensionsIncludeLabels: true }) },
	{ id: 'grid', label: 'Grid', options: (animate) => ({ name: 'grid', ...common(animate), avoidOverlap: true, nodeDimensionsIncludeLabels: true }) },
	{
		id: 'breadthfirst',
		label: 'Breadth-first tree',
		options: (animate) => ({ name: 'breadthfirst', ...common(animate), avoidOverlap: true, nodeDimensionsIncludeLabels: true, spacingFactor: 1.1 })
	}
];

export const DEFAULT_LAYOUT = 'fcose';

export function layoutById(id: string): LayoutDescriptor {
	return LAYOUTS.find((layout) => layout.id === id) ?? LAYOUTS[0]!;
}
