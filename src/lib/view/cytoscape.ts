// Loads Cytoscape in the browser only (the page is server-rendered) and registers SVG export once. Force-directed
// layouts run in the layout worker, which registers fCoSE there.
import type cytoscape from 'cytoscape';

let loading: Promise<typeof cytoscape> | undefined;

export function loadCytoscape(): Promise<typeof cytoscape> {
	loading ??= Promise.all([import('cytoscape'), import('cytoscape-svg')]).then(([{ default: cy }, { default: svg }]) => {
		cy.use(svg);
		return cy;
	});
	return loading;
}
