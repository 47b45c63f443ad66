// Loads Cytoscape in the browser only (the page is server-rendered) and registers fCoSE (small graphs are laid out
// in the page, larger ones in the layout worker) and SVG export once.
import type cytoscape from 'cytoscape';

let loading: Promise<typeof cytoscape> | undefined;

export function loadCytoscape(): Promise<typeof cytoscape> {
	loading ??= Promise.all([import('cytoscape'), import('cytoscape-fcose'), import('cytoscape-svg')]).then(([{ default: cy }, { default: fcose }, { default: svg }]) => {
		cy.use(fcose);
		cy.use(svg);
		return cy;
	});
	return loading;
}
