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

/** The part of Cytoscape's canvas renderer (3.x, not public) that withoutLayeredTextures replaces. */
interface LayeredTextureRenderer {
	data?: { lyrTxrCache?: { getLayers?: unknown } };
}

/**
 * Large graphs: Cytoscape's canvas renderer, once the nodes rest for a quarter second, paints every element into
 * graph-sized layer canvases to redraw from, in one frame (150–250 ms at 10,000 nodes). Here its nodes are transparent
 * (the tie layer draws them) and it draws a few hundred at most, so it draws them one by one instead, as it does
 * whenever it has no layers. Returns whether the renderer had the cache to switch off.
 */
export function withoutLayeredTextures(instance: cytoscape.Core): boolean {
	const cache = (instance as unknown as { renderer(): LayeredTextureRenderer | undefined }).renderer()?.data?.lyrTxrCache;
	if (typeof cache?.getLayers !== 'function') return false;
	cache.getLayers = () => null;
	return true;
}
