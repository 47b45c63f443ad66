// Loads Cytoscape in the browser only (the page is server-rendered), and its extensions only when they are used:
// fCoSE lays out small graphs in the page (larger ones go to the layout worker), cytoscape-svg writes SVG exports.
// A dataset that carries its positions opens without either (122 and 21 kB less to load before the first picture).
// A load that fails stays failed: the browser keeps a module that failed to load as failed until the page reloads.
import type cytoscape from 'cytoscape';
import { isLargeSize } from './style';

let loading: Promise<typeof cytoscape> | undefined;
let fcoseLoading: Promise<void> | undefined;
let fcoseRegistered = false;
let svgLoading: Promise<void> | undefined;

export function loadCytoscape(): Promise<typeof cytoscape> {
	loading ??= import('cytoscape').then(({ default: factory }) => factory);
	return loading;
}

/** Registers fCoSE with Cytoscape; resolved, `cy.layout({ name: 'fcose' })` works. */
export function loadFcose(): Promise<void> {
	fcoseLoading ??= Promise.all([loadCytoscape(), import('cytoscape-fcose')]).then(([factory, { default: fcose }]) => {
		factory.use(fcose);
		fcoseRegistered = true;
	});
	return fcoseLoading;
}

/** Whether fCoSE is registered, so that a layout can run at once. */
export function fcoseLoaded(): boolean {
	return fcoseRegistered;
}

/** Registers cytoscape-svg; resolved, every instance has `cy.svg()`. */
export function loadSvgExport(): Promise<void> {
	svgLoading ??= Promise.all([loadCytoscape(), import('cytoscape-svg')]).then(([factory, { default: svg }]) => void factory.use(svg));
	return svgLoading;
}

/**
 * How Cytoscape's canvas renderer draws the graph.
 * - `textures`, its own way: each element painted once into a texture of its own and drawn from it, and once the view
 *   rests, every element into graph-sized layer canvases drawn in its place.
 * - `no-layers`: element textures, no layers. Large graphs: there Cytoscape's nodes are transparent (the tie layer draws
 *   them) and it draws a few hundred at most, while making the layers took one frame of 150–250 ms at 10,000 nodes.
 * - `direct`: each element drawn on the canvas in every frame. Small graphs: making the textures and layers took
 *   most of the brief's first frame (its first picture 90 ms later with them, median of eight loads each), while a
 *   frame drawn directly costs 4–5 ms up to 300 elements (2–4 ms from textures), 10 ms at 600 (6 ms from textures).
 */
export type TextureChoice = 'textures' | 'no-layers' | 'direct';

/** Drawing directly up to this many elements (nodes and ties): see TextureChoice. */
export const DIRECT_DRAWING_UP_TO = 300;

/** How a network of this many nodes and ties is drawn. */
export function textureChoiceFor(nodes: number, edges: number): TextureChoice {
	if (isLargeSize(nodes, edges)) return 'no-layers';
	return nodes + edges <= DIRECT_DRAWING_UP_TO ? 'direct' : 'textures';
}

/** The caches of Cytoscape's canvas renderer (3.x, not public) that withTextureChoice wraps. */
interface TextureCaches {
	lyrTxrCache?: { getLayers?: (...args: unknown[]) => unknown };
	eleTxrCache?: { getElement?: (...args: unknown[]) => unknown };
	lblTxrCache?: { getElement?: (...args: unknown[]) => unknown };
	slbTxrCache?: { getElement?: (...args: unknown[]) => unknown };
	tlbTxrCache?: { getElement?: (...args: unknown[]) => unknown };
}

/**
 * Has Cytoscape draw as `choice` says, asked at each frame; without a texture or layers, its renderer draws the element
 * itself, as it does whenever it has none. Returns whether the renderer had the caches to wrap.
 */
export function withTextureChoice(instance: cytoscape.Core, choice: () => TextureChoice): boolean {
	const data = (instance as unknown as { renderer(): { data?: TextureCaches } | undefined }).renderer()?.data;
	const layers = data?.lyrTxrCache;
	const elements = [data?.eleTxrCache, data?.lblTxrCache, data?.slbTxrCache, data?.tlbTxrCache];
	const getLayers = layers?.getLayers;
	if (!layers || typeof getLayers !== 'function' || elements.some((cache) => typeof cache?.getElement !== 'function')) return false;
	layers.getLayers = function (this: unknown, ...args) {
		return choice() === 'textures' ? getLayers.apply(this, args) : null;
	};
	for (const cache of elements) {
		const getElement = cache!.getElement!;
		cache!.getElement = function (this: unknown, ...args) {
			return choice() === 'direct' ? null : getElement.apply(this, args);
		};
	}
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
