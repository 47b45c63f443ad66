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

/** Cytoscape's list of elements in drawing order (3.x, not public): the last is drawn on top. */
type ZSorted = cytoscape.SingularElementArgument[] & { interactive: cytoscape.SingularElementArgument[] };

/** The part of Cytoscape's renderer (3.x, not public) that withNearbyHitTests wraps. */
interface HitTestRenderer {
	findNearestElements?(x: number, y: number, interactiveOnly: boolean, isTouch: boolean): unknown;
	getCachedZSortedEles?(): ZSorted;
}

/**
 * Which elements a pointer at model point (x, y) may hit, or null to have Cytoscape look at all of them. Anything left
 * out is never hit, so the answer must hold every element whose shape or label could reach the point.
 */
export type HitCandidates = (x: number, y: number) => ((element: cytoscape.SingularElementArgument) => boolean) | null;

/**
 * Cytoscape's canvas renderer finds what is under the pointer by checking every element, on each move, press and
 * release over the canvas: at 10,000 nodes 13.5 ms a move in the median, 57–83 ms on a star of 10,000 leaves (a
 * node's outer size is worked out from its style).
 * Wrapped, it checks only the elements `candidates` keeps, in the same drawing order, with its own code, so what it
 * finds, and everything that follows (hover, taps, drags), is as before. Returns whether the renderer had the
 * functions to wrap.
 */
export function withNearbyHitTests(instance: cytoscape.Core, candidates: HitCandidates): boolean {
	const renderer = (instance as unknown as { renderer(): HitTestRenderer | undefined }).renderer();
	const find = renderer?.findNearestElements;
	const sorted = renderer?.getCachedZSortedEles;
	if (!renderer || typeof find !== 'function' || typeof sorted !== 'function') return false;
	renderer.findNearestElements = function (this: HitTestRenderer, x, y, interactiveOnly, isTouch) {
		const keep = candidates(x, y);
		if (!keep) return find.call(this, x, y, interactiveOnly, isTouch);
		const all = sorted.call(this);
		const kept = all.filter(keep);
		const near: ZSorted = Object.assign(kept, { interactive: interactiveOnly ? all.interactive.filter(keep) : kept });
		this.getCachedZSortedEles = () => near;
		try {
			return find.call(this, x, y, interactiveOnly, isTouch);
		} finally {
			this.getCachedZSortedEles = sorted;
		}
	};
	return true;
}
