// Loads Cytoscape in the browser only (the page is server-rendered) and registers fCoSE once.
import type cytoscape from 'cytoscape';

let loading: Promise<typeof cytoscape> | undefined;

export function loadCytoscape(): Promise<typeof cytoscape> {
	loading ??= Promise.all([import('cytoscape'), import('cytoscape-fcose')]).then(([{ default: cy }, { default: fcose }]) => {
		cy.use(fcose);
		return cy;
	});
	return loading;
}
