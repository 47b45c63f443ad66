// graphology-layout-forceatlas2 ships no types for its one-iteration kernel, which the layout steps call directly.
declare module 'graphology-layout-forceatlas2/iterate.js' {
	/** One ForceAtlas2 iteration over graphology's flat node (10 fields) and edge (3 fields) matrices, in place. */
	export default function iterate(settings: Record<string, number | boolean>, nodes: Float32Array, edges: Float32Array): void;
}
